"""The camps of the wars marsad codes: who fights whom, and whom an outside striker hits.

Split from :mod:`marsad.events.attribution`, which infers a missing side from them; the
coder and the role finder ask :func:`allied` whether two actors may be each other's target.
"""

from __future__ import annotations

#: The government's side in Syria (its forces, militias and backers).
REGIME_SIDE = frozenset({"Military Forces of Syria (2000-)", "NDF: National Defence Forces", "Hezbollah",
                         "Military Forces of Iran (1989-)", "Islamic Revolutionary Guard Corps",
                         "Military Forces of Russia (2000-)"})

#: States that strike from outside a theatre: a strike of theirs with no target named hits the
#: nearest opposing side the story named («قصفت إسرائيل 50 هدفاً في القطاع» after «حماس»).
FOREIGN_STRIKERS = frozenset({"Military Forces of Israel", "Military Forces of the United States",
                              "Military Forces of the United Kingdom", "Military Forces of France",
                              "Global Coalition Against Daesh", "Military Forces of Turkey (2016-)"})

_PALESTINIAN_FACTIONS = ("Hamas Movement", "PIJ: Palestinian Islamic Jihad", "Al Aqsa Martyrs Brigade",
                         "PFLP: Popular Front for the Liberation of Palestine", "Popular Resistance Committees")
_AXIS = ("Military Forces of Syria (2000-)", "Military Forces of Iran (1989-)", "Islamic Revolutionary Guard Corps",
         "Hezbollah", "NDF: National Defence Forces")
STRIKE_THEATRES = frozenset({"Syria", "Iraq", "Palestine", "Israel", "Lebanon"})
#: Whom each outside striker's strikes hit (its opponents in these theatres; never its allies).
ENEMIES = {
    "israel": frozenset(_AXIS + _PALESTINIAN_FACTIONS),
    "western": frozenset(_AXIS + ("Islamic State (Syria)", "Islamic State (Iraq)", "Hayat Tahrir al-Sham",
                                  "Hurras al-Din", "Jaish Khalid Bin al Walid")),
    "opposition": frozenset(("YPG: Kurdish People's Protection Units", "SDF: Syrian Democratic Forces",
                             "YPJ: Kurdish Women's Protection Units", "Asayish", "PKK: Kurdistan Workers Party")),
}

#: The camps of the Syrian war (and of Gaza's): two actors of different camps fight each other.
_CAMPS = {
    **dict.fromkeys(REGIME_SIDE | {"Liwa al-Quds", "Liwa Fatemiyoun", "Liwa Zainebiyoun", "Wagner Group"},
                    "government"),
    **dict.fromkeys(("Military Forces of Turkey (2016-)", "Syrian National Army", "Free Syrian Army",
                     "Opposition Rebels (Syria)", "National Front for Liberation", "Jaish al-Islam",
                     "Faylaq al-Rahman", "Ahrar al-Sham", "Jaish al-Izza", "Nour al-Din al-Zenki Movement",
                     "Faylaq al-Sham", "Ahrar al-Sharqiya", "Sultan Murad Division", "Hamza Division", "Jaish al-Nasr",
                     "Southern Front", "Syrian Liberation Front"), "opposition"),
    **dict.fromkeys(("YPG: Kurdish People's Protection Units", "SDF: Syrian Democratic Forces", "Asayish",
                     "YPJ: Kurdish Women's Protection Units"), "kurdish"),
    "Islamic State (Syria)": "islamic state",
    "Jaish Khalid Bin al Walid": "islamic state",
    "Hayat Tahrir al-Sham": "jihadist",
    "Hurras al-Din": "jihadist",
    **dict.fromkeys(("Operation Restoring Hope", "Military Forces of Yemen (2016-) Hadi Government", "Giants Brigades",
                     "Hadrami Elite Forces", "Tihama Resistance", "Military Forces of the United Arab Emirates"),
                    "yemeni government"),
    "Military Forces of Yemen (2017-) Supreme Political Council": "houthis",
    "Military Forces of Israel": "israel",
    **dict.fromkeys(("Military Forces of the United States", "Military Forces of the United Kingdom",
                     "Military Forces of France", "Global Coalition Against Daesh"), "western"),
    **dict.fromkeys(_PALESTINIAN_FACTIONS, "palestinian factions"),
}


def camp(name: str) -> str | None:
    """The camp of an actor in these wars (government, opposition, kurdish, …), or None."""
    return _CAMPS.get(name)


def allied(a: str, b: str) -> bool:
    """Two actors of one camp of these wars (allies do not strike each other)."""
    return camp(a) is not None and camp(a) == camp(b)
