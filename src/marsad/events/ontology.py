"""The ACLED taxonomy (6 types, 25 sub-types), its PLOVER mapping and the merge priority.

One table so that the coder, the evaluator and the docs agree on the exact strings.
"""

from __future__ import annotations

BATTLES = "Battles"
PROTESTS = "Protests"
RIOTS = "Riots"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"

#: sub_event_type -> (event_type, PLOVER type, PLOVER mode)
SUB_EVENTS: dict[str, tuple[str, str, str]] = {
    "Government regains territory": (BATTLES, "ASSAULT", "occupy"),
    "Non-state actor overtakes territory": (BATTLES, "ASSAULT", "occupy"),
    "Armed clash": (BATTLES, "ASSAULT", "firearms"),
    "Excessive force against protesters": (PROTESTS, "ASSAULT", "firearms"),
    "Protest with intervention": (PROTESTS, "PROTEST", "demonstrate"),
    "Peaceful protest": (PROTESTS, "PROTEST", "demonstrate"),
    "Violent demonstration": (RIOTS, "PROTEST", "riot"),
    "Mob violence": (RIOTS, "ASSAULT", "beat"),
    "Chemical weapon": (EXPLOSIONS, "ASSAULT", "cbrn"),
    "Air/drone strike": (EXPLOSIONS, "ASSAULT", "aerial"),
    "Suicide bomb": (EXPLOSIONS, "ASSAULT", "explode"),
    "Shelling/artillery/missile attack": (EXPLOSIONS, "ASSAULT", "explode"),
    "Remote explosive/landmine/IED": (EXPLOSIONS, "ASSAULT", "explode"),
    "Grenade": (EXPLOSIONS, "ASSAULT", "explode"),
    "Sexual violence": (VAC, "ASSAULT", "sexual"),
    "Attack": (VAC, "ASSAULT", "firearms"),
    "Abduction/forced disappearance": (VAC, "ASSAULT", "abduct"),
    "Agreement": (STRATEGIC, "COOPERATE", "settle"),
    "Arrests": (STRATEGIC, "COERCE", "arrest"),
    "Change to group/activity": (STRATEGIC, "ALTER", ""),
    "Disrupted weapons use": (STRATEGIC, "COERCE", "seize"),
    "Headquarters or base established": (STRATEGIC, "MOBILIZE", "military"),
    "Looting/property destruction": (STRATEGIC, "COERCE", "seize"),
    "Non-violent transfer of territory": (STRATEGIC, "YIELD", "withdraw"),
    "Other": (STRATEGIC, "OTHER", ""),
}

EVENT_TYPES: tuple[str, ...] = (BATTLES, PROTESTS, RIOTS, EXPLOSIONS, VAC, STRATEGIC)

#: Lower rank wins when one day x place x actor pair has several tactics.
PRIORITY: tuple[str, ...] = (
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Armed clash",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Protest with intervention",
    "Peaceful protest",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Disrupted weapons use",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Arrests",
    "Agreement",
    "Headquarters or base established",
    "Change to group/activity",
    "Other",
)
RANK: dict[str, int] = {name: i for i, name in enumerate(PRIORITY)}


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type of a sub-event type (KeyError for unknown strings)."""
    return SUB_EVENTS[sub_event_type][0]


def plover_of(sub_event_type: str) -> tuple[str, str]:
    """PLOVER (type, mode) of a sub-event type."""
    _, ptype, mode = SUB_EVENTS[sub_event_type]
    return ptype, mode


def interaction(inter1: int, inter2: int) -> int:
    """ACLED interaction code: both inter codes, lower first; one actor alone = 10 x inter."""
    if not inter2:
        return 10 * inter1
    if not inter1:
        return 10 * inter2
    low, high = sorted((inter1, inter2))
    return 10 * low + high
