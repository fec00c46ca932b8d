"""The one-sentence English ``notes`` of an event, built from its fields."""

from __future__ import annotations

from datetime import date

from marsad.model import Event

_VERBS = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Air/drone strike": "carried out an air/drone strike on",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Chemical weapon": "used a chemical weapon against",
    "Grenade": "threw a grenade at",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "sexually assaulted",
    "Arrests": "arrested",
    "Agreement": "reached an agreement with",
    "Disrupted weapons use": "disrupted a weapon attack by",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "handed over territory to",
    "Headquarters or base established": "established a base near",
    "Peaceful protest": "demonstrated",
    "Protest with intervention": "demonstrated and were dispersed by",
    "Excessive force against protesters": "faced lethal force from",
}
_ALONE = {
    "Remote explosive/landmine/IED": "an explosive device went off",
    "Air/drone strike": "carried out an air/drone strike",
    "Shelling/artillery/missile attack": "carried out shelling",
    "Suicide bomb": "carried out a suicide bombing",
}


def summary(e: Event) -> str:
    """«On 23 January 2019, A clashed with B in Abu al-Duhur (Idleb). 3 fatalities.»"""
    if not e.event_date:
        day = "an unknown date (the article has no publication time)"
    else:
        when = date.fromisoformat(e.event_date)
        day = f"{when.day} {when:%B %Y}" if e.time_precision == 1 else f"the week of {when.day} {when:%B %Y}"
    where = e.location + (f" ({e.admin1})" if e.admin1 and e.admin1 != e.location else "")
    if e.actor2:
        what = f"{e.actor1} {_VERBS.get(e.sub_event_type, 'acted against')} {e.actor2}"
    elif e.sub_event_type == "Remote explosive/landmine/IED" and e.actor1.startswith("Unidentified"):
        what = f"{_ALONE[e.sub_event_type]} ({e.actor1})"
    else:
        verb = _ALONE.get(e.sub_event_type) or _VERBS.get(e.sub_event_type, "acted").split(" with")[0]
        what = f"{e.actor1} {verb.removesuffix(' against').removesuffix(' on')}"
    toll = f" {e.fatalities} fatalities." if e.fatalities else ""
    return f"On {day}, {what} in {where}.{toll}"
