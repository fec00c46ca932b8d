"""The news spellings of gazetteer names that the sources lack, filed at build time.

News writes a Syrian village's final «ة» as «ا» and the reverse, a farm without «مزرعة», and a
foreign town's «g» as «غ» or «ج»; OCHA and GeoNames each have one form. Split from
:mod:`marsad.geo.build`, which calls :func:`add_spelling_variants` and
:func:`add_transliterations` on its index before the aliases go first.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from marsad.geo.text import key

#: A spelling variant seen this often as a word needs evidence («الهجين» is also "hybrid").
VARIANT_WORD_MIN = 30


#: Arab countries, whose towns' Arabic names are Arabic words, and the Persian-speaking ones,
#: whose «ج» and «غ» are the sounds themselves (Jereh is no «غرة»): no transliterations.
_ARAB = frozenset("AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE AF IR TJ".split())
#: «g» of a foreign name is written غ or, in Egyptian usage, ج: هامبورغ / هامبورج.
_G_SPELLINGS = (("غ", "ج"), ("ج", "غ"))


def add_transliterations(index: dict[str, list[int]], entries: list[list[Any]], names: list[list[str]],
                         counts: Counter[str]) -> None:
    """The other spelling of a «g» in the Arabic names of towns outside the Arab countries
    (GeoNames has «هامبورغ», the news also writes «هامبورج»), filed after the entries the key
    already has; a form frequent as a word (:data:`VARIANT_WORD_MIN`) that names nothing yet is
    left out. The spellings join the entry's names, so that their first words begin a name."""
    for i, alternatives in enumerate(names):
        if entries[i][2] not in ("city", "capital") or entries[i][12] in _ARAB:
            continue
        for name in list(alternatives):
            for spelling in sorted({name.replace(a, b) for a, b in _G_SPELLINGS} - {name}):
                k = key(spelling)
                if i in index.get(k, ()) or k not in index and counts[k] >= VARIANT_WORD_MIN:
                    continue
                index[k].append(i)
                alternatives.append(spelling)


#: A final letter news writes either way in Syrian names: «شقرة»/«شقرا», «مسرابا»/«مسرابة» ...
_ENDINGS = {"ة": "ا", "ا": "ة"}
#: ... unless the name without it is a word seen this often in all ANT news: the other ending
#: makes a form of it («جبلا» "mountains" for «جبلة», «حينا», «مديرة» "director").
STEM_WORD_MIN = 5
#: A farm OCHA lists under «مزرعة X» is «X» in the news («دير العشائر»).
_FARM = "مزرعة "


def _spellings(name: str, town: bool, counts: Counter[str]) -> list[str]:
    """A community name's news spellings: a farm's name without «مزرعة», the other final «ة»/«ا»
    of a one-word name (:data:`STEM_WORD_MIN`; a town's «ة» for its «ا» always: «جرمانة»,
    «دومة») and, for a town, the name with the article («الدوما», «الهجين»)."""
    if name.startswith(_FARM):
        return [name.removeprefix(_FARM)]
    if " " in name.strip():
        return []
    forms = ["ال" + name] if town and not name.startswith("ال") else []
    if name[-1:] in _ENDINGS and (town and name[-1] == "ا" or counts[key(name[:-1])] < STEM_WORD_MIN):
        forms.append(name[:-1] + _ENDINGS[name[-1]])
    return forms


def add_spelling_variants(index: dict[str, list[int]], entries: list[list[Any]],
                          names: list[list[str]], counts: Counter[str]) -> tuple[set[str], set[str]]:
    """File the news spellings of Syrian communities (:func:`_spellings`) and return the new
    keys and those that need evidence (a farm's one-word name: «مسلم»). A key of Syrian
    communities only gets an ending's spelling after its entries (a homonym that loses ties,
    read by the places beside it: «شقرا» of Dar'a, «شقرة» of Deir-ez-Zor) if it is no better
    known than they are; other keys are left alone (a farm's «العامود», Kavala's «قولا»).
    The spellings join the entry's names, so that their first words begin a name."""
    added: set[str] = set()
    evidence: set[str] = set()
    shared = {k: min(entries[i][11] for i in ids) for k, ids in index.items()
              if all(entries[i][2] == "community" for i in ids)}  # key -> the least rank there
    for i, alternatives in enumerate(names):
        if entries[i][2] != "community":
            continue
        for name in list(alternatives):
            farm = name.startswith(_FARM)
            for form in _spellings(name, entries[i][11] >= 1, counts):
                k = key(form)
                if len(k) < 3 or i in index.get(k, ()) or k in index and k not in added and (
                        farm or k not in shared or entries[i][11] > shared[k]):
                    continue
                if k not in index:
                    added.add(k)
                    if farm and " " not in form.strip():
                        evidence.add(k)
                index[k].append(i)
                alternatives.append(form)
    return added, evidence
