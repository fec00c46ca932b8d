"""Merge drafts into ACLED events: one day x one location x one actor pair x one type.

Same day, place and actor pair with several tactics -> one event, the sub-type by
the codebook's priority (Battles first; chemical > air > suicide > shelling > IED >
grenade). Fatalities of merged drafts: the highest stated toll (the same event
reported twice), never a sum.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from marsad.events.confidence import MIN_CONFIDENCE, event_features, predict
from marsad.events.draft import Draft
from marsad.events.features_lex import event_cues
from marsad.events.notes import summary
from marsad.events.ontology import RANK, event_type_of, interaction, plover_of
from marsad.model import Event, Place, Span


def place_key(place: Place) -> str:
    return place.pcode or (str(place.geonames_id) if place.geonames_id else "") or place.name_en or place.text


#: Strategic developments that are never a tactic of the fight they follow (a town handed over
#: after fighting is the fight's outcome, so that one merges).
_OWN_EVENTS = frozenset({"Disrupted weapons use", "Arrests", "Agreement", "Headquarters or base established"})


def _key(d: Draft) -> tuple[str, str, str, str, str]:
    """Tactics of one fight share a key (the codebook's priority picks the sub-type); some
    strategic developments («أسقطت الدفاعات الجوية الصواريخ»، arrests after a clash) are events
    of their own, never one of the fight's tactics."""
    kind = event_type_of(d.sub_event_type)
    pair = sorted((d.actor1, d.actor2)) if kind == "Battles" else (d.actor1, d.actor2)
    if kind == "Protests":  # the force that dispersed or shot them is part of the same protest
        pair = [d.actor1, ""]
    apart = d.sub_event_type if d.sub_event_type in _OWN_EVENTS else ""
    return _iso(d.event_date), place_key(d.place), pair[0], pair[1], apart


def _iso(day: date | None) -> str:
    """The event's ISO date; empty when it is undatable."""
    return day.isoformat() if day else ""


def merge_drafts(drafts: Iterable[Draft], article_id: str) -> list[Event]:
    return merge_with_features(drafts, article_id)[0]


def merge_with_features(drafts: Iterable[Draft], article_id: str, min_confidence: float | None = None,
                        ) -> tuple[list[Event], dict[str, dict[str, float]]]:
    """The merged events at or above ``min_confidence`` (default ``confidence.MIN_CONFIDENCE``)
    and, by event id, the confidence model's features of each."""
    groups: dict[tuple[str, str, str, str, str], list[Draft]] = {}
    for d in _fill_opponents(list(drafts)):
        groups.setdefault(_key(d), []).append(d)
    events = [_event(group, article_id) for group in groups.values()]
    cues = {e.event_id: [d.cues for d in g] for e, g in zip(events, groups.values(), strict=True)}
    events.sort(key=lambda e: (e.evidence[0].start if e.evidence else 0))
    kept = _drop_restatements(events, cues)
    told = [(e.event_type, e.event_date) for e in kept]
    feats = {e.event_id: event_features(cues[e.event_id], e.geo_precision, e.actor2, len(kept))
             | event_cues(e.event_type, e.event_date, e.country, e.geo_precision, told) for e in kept}
    scored = [replace(e, confidence=predict(feats[e.event_id])) for e in kept]
    floor = MIN_CONFIDENCE if min_confidence is None else min_confidence
    return [e for e in scored if e.confidence >= floor], feats


def _fill_opponents(drafts: list[Draft]) -> list[Draft]:
    """«استعاد الجيش بلدتي سقبا وكفر بطنا … إثر معارك مع فيلق الرحمن»: a battle with one side
    takes the opponent of the other reports of the same fight (same day, place and attacker,
    one opponent named), so they merge into one event; so does a strike on no named side with a
    report of the same strike that names civilian victims."""
    out = []
    for d in drafts:
        kind = event_type_of(d.sub_event_type)
        if not d.actor2 and kind in ("Battles", "Explosions/Remote violence"):
            twins = [o for o in drafts if o.actor2 and o.actor1 == d.actor1 and o.event_date == d.event_date
                     and place_key(o.place) == place_key(d.place) and event_type_of(o.sub_event_type) == kind]
            if kind != "Battles":  # «قصف … أدى إلى مقتل مدنيين»: only a strike's civilian dead
                twins = [o for o in twins if o.actor2.startswith("Civilians") and o.fatalities]
            others = {(o.actor2, o.inter2) for o in twins}
            if len(others) == 1:
                (name, inter), = others
                d = replace(d, actor2=name, inter2=inter)
        out.append(d)
    return out


def _strength(e: Event) -> tuple[int, int, bool, float]:
    """Most specific first; at equal precision a named attacker before an unidentified one
    (so that «قصفا عنيفا … بغاز الكلور» keeps the attributed chemical attack)."""
    return (-e.geo_precision, -e.time_precision, not e.actor1.startswith("Unidentified"), e.confidence)


def _restates(weak: Event, strong: Event) -> bool:
    """``weak`` reports the same event as ``strong`` with less detail (a lead restated)."""
    sides = (strong.actor1, strong.actor2) if strong.event_type == "Battles" else (strong.actor1,)
    unnamed = weak.actor1.startswith("Unidentified") or weak.actor1 in sides  # the target's strike back is news
    return unnamed and _same_event(weak, strong)


def _same_event(weak: Event, strong: Event) -> bool:
    """Same type, place and day (±1 unless ``weak`` is exact); only the province when ``weak``
    has only that, on the same day: a province-level report of strikes a day from a town's is
    another day's event of a campaign, not its restatement (pooled dev sets: 3 more matched, 1 false).
    The province stands for a town only in Syria, where a lead names the governorate («ريف إدلب»)
    of the towns its report details: abroad, where a town only now carries its province,
    a mine blast «في محافظة الحديدة» is another place than the seat town shelled that day
    (dev: the blast is an event of its own)."""
    if weak.event_type != strong.event_type or weak.evidence == strong.evidence and weak.event_date != strong.event_date:
        return False  # one sentence's fight «حتى الأحد» split over its days is no restatement
    if not weak.event_date or not strong.event_date:
        return weak.event_date == strong.event_date and weak.location == strong.location
    days = abs((date.fromisoformat(weak.event_date) - date.fromisoformat(strong.event_date)).days)
    if days > 1 and weak.time_precision == 1:
        return False
    same_place = weak.location == strong.location or (
        weak.admin1 and weak.admin1 == strong.admin1 and weak.geo_precision == 3 and days == 0
        and weak.country == "Syria"
    )
    return bool(same_place)


def _named_attacker(e: Event, cues: dict[str, list[frozenset[str]]]) -> bool:
    return not e.actor1.startswith("Unidentified") and any("named" in c for c in cues.get(e.event_id, []))


def _own_days(a: Event, b: Event, cues: dict[str, list[frozenset[str]]]) -> bool:
    """«قتل 11 مدنياً، السبت، في غارة … وأسفر القصف، الجمعة، عن مقتل 43»: two reports each
    dated in its own clause to another day, each with its own toll, are two days of a
    campaign, not one restated (without tolls, a statement's day is too often the one read)."""
    return a.event_date != b.event_date and a.time_precision == b.time_precision == 1 \
        and 0 < a.fatalities != b.fatalities > 0 and all(
        any("dated" in c for c in cues.get(e.event_id, [])) for e in (a, b))


def _drop_restatements(events: list[Event], cues: dict[str, list[frozenset[str]]] | None = None) -> list[Event]:
    """Drop restatements of a kept event; an event whose attacker was only inferred takes the
    attacker a later report of it names («طائرات حربية يرجح أنها روسية»)."""
    cues = {} if cues is None else cues
    kept: list[Event] = []
    for e in sorted(events, key=_strength, reverse=True):
        twin = next((k for k in kept if _restates(e, k) and not _own_days(e, k, cues)), None)
        guess = next((k for k in kept if _named_attacker(e, cues) and not _named_attacker(k, cues)
                      and k.actor1 != e.actor1 and k.actor2 != e.actor1 and _same_event(e, k)), None)
        if twin is None and guess is not None:
            actor2, inter2 = (guess.actor2, guess.inter2) if guess.actor2 else (e.actor2, e.inter2)
            kept[kept.index(guess)] = replace(guess, actor1=e.actor1, inter1=e.inter1, actor2=actor2, inter2=inter2,
                                              interaction=interaction(e.inter1, inter2),
                                              fatalities=max(e.fatalities, guess.fatalities), notes="")
            cues[guess.event_id] = cues.get(guess.event_id, []) + cues.get(e.event_id, [])
        elif twin is None:
            kept.append(e)
        elif twin.event_type == "Protests" and RANK.get(e.sub_event_type, 99) < RANK.get(twin.sub_event_type, 99):
            kept[kept.index(twin)] = _escalated(twin, e)
        elif e.fatalities > twin.fatalities:
            kept[kept.index(twin)] = replace(twin, fatalities=e.fatalities, notes="")
    kept = [k if k.notes else replace(k, notes=summary(k)) for k in kept]
    kept.sort(key=lambda e: (e.evidence[0].start if e.evidence else 0))
    return kept


def _escalated(protest: Event, force: Event) -> Event:
    """A protest restated as one met with force («قتل ثلاثة … برصاص الجيش خلال تظاهرات»): the
    force used (sub-type, opponent, toll) is coded on the protest."""
    ptype, mode = plover_of(force.sub_event_type)
    inter2 = force.inter2 if force.actor2 else protest.inter2
    return replace(protest, sub_event_type=force.sub_event_type, actor2=force.actor2 or protest.actor2, inter2=inter2,
                   interaction=interaction(protest.inter1, inter2), plover_type=ptype, plover_mode=mode,
                   fatalities=max(protest.fatalities, force.fatalities), notes="")


def _event(group: list[Draft], article_id: str) -> Event:
    best = min(group, key=lambda d: (RANK.get(d.sub_event_type, 99), -d.confidence))
    toll = max(d.fatalities for d in group)
    evidence: tuple[Span, ...] = tuple(sorted({d.evidence for d in group}, key=lambda s: s.start))
    precision = min(d.time_precision for d in group)
    p = best.place
    ptype, mode = plover_of(best.sub_event_type)
    fields = (article_id, _iso(best.event_date), best.sub_event_type, best.actor1, best.actor2, place_key(p))
    event_id = hashlib.sha1("|".join(fields).encode("utf-8")).hexdigest()[:16]
    actor2, inter2 = best.actor2, best.inter2
    if not actor2 and toll > 0 and event_type_of(best.sub_event_type) == "Explosions/Remote violence":
        actor2, inter2 = f"Civilians ({_country(p) or 'Syria'})", 7  # the dead of a strike on no named side
    civ = "Civilian targeting" if actor2.startswith("Civilians") and best.sub_event_type != "Armed clash" else ""
    event = Event(
        event_id=event_id,
        event_date=_iso(best.event_date),
        time_precision=precision,
        event_type=event_type_of(best.sub_event_type),
        sub_event_type=best.sub_event_type,
        actor1=best.actor1,
        inter1=best.inter1,
        actor2=actor2,
        inter2=inter2,
        interaction=interaction(best.inter1, inter2),
        civilian_targeting=civ,
        country=_country(p),
        admin1=p.admin1,
        admin2=p.admin2,
        admin3=p.admin3,
        location=p.name_en or p.name_ar or p.text,
        latitude=p.latitude,
        longitude=p.longitude,
        geo_precision=p.geo_precision,
        fatalities=toll,
        pcode=p.pcode,
        geonames_id=p.geonames_id,
        plover_type=ptype,
        plover_mode=mode,
        evidence=evidence,
        confidence=max(d.confidence for d in group),
    )
    return _with_notes(event)


def _country(p: Place) -> str:
    from marsad.actors.kb import country_name

    return country_name(p.country)


def _with_notes(event: Event) -> Event:
    return replace(event, notes=summary(event))
