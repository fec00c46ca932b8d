"""Reported deaths near killing words, by the ACLED codebook's counting rules.

Vague amounts: عدد من/عدة/plural without number = 3, عشرات = 12, مئات = 100,
آلاف = 1000; a singular victim (مقتل مدني) = 1; injuries alone = 0.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.actors.text import variants
from marsad.arabic.numbers import DUAL_SCALES, HUNDREDS, TEN, TENS, UNITS

_KILL = ("قتلي", "قتيل", "قتل", "مقتل", "قتلوا", "قتلت", "مصرع", "حتفه", "حتفهم", "حتفهما", "مصرعهما", "قتيلا", "ضحايا",
         "ضحيته", "ضحيتها", "ضحيتهم",  # «راح ضحيته 12 شخصا»
         "استشهد", "استشهدوا", "استشهاد", "شهيد", "شهيدا", "شهداء", "قضي", "قضوا")  # «قضى 4 مدنيين»  # «استشهد فلسطيني»
_VAGUE = {"عشرات": 12, "العشرات": 12, "مئات": 100, "المئات": 100, "الاف": 1000, "عده": 3, "عدد": 3}
#: Number words as the Arabic layer reads them (its tables, so «سبعين»، «مئتين»، «ألفين» count too).
#: Not «أحد/إحدى» («إحدى الغارات»، «أحد المدنيين»: one of them, not the toll) nor «الأحد/الاثنين» (days).
_UNITS = {k: v for k, v in {**UNITS, **dict.fromkeys(TEN, 10), **TENS, **HUNDREDS, **DUAL_SCALES}.items()
          if k not in ("احد", "احدي")}
_WEEKDAYS = frozenset({"الاحد", "الاثنين", "والاحد", "والاثنين", "بالاحد"})
_DIGITS = re.compile(r"^\d+$")


@lru_cache(maxsize=1 << 14)  # a pure function of one word, asked ~176 times per article; 16k: 97% hits, 4 MB less than 64k
def _is_kill(word: str) -> bool:
    forms = variants(word)
    return any(f in _KILL for f in forms) or any(f.startswith("قتلا") for f in forms)


def _value(word: str) -> int | None:
    if _DIGITS.match(word):
        return int(word)
    if word in _WEEKDAYS:
        return None
    for form in variants(word):
        if form in _VAGUE:
            return _VAGUE[form]
        if form in _UNITS:
            return _UNITS[form]
    return None


def number(word: str) -> int | None:
    """A count written as digits or a number word, with a leading و («و3»، «وخمسة»)."""
    return _value(word) if _value(word) is not None else _value(word.removeprefix("و"))


_FILLER = frozenset({"ما", "لا", "يقل", "عن", "اكثر", "من", "نحو", "حوالي", "قرابه", "زهاء", "يزيد", "اقل", "الي", "ال",
                     "خلاله", "خلالها", "فيه", "فيها", "علي", "الاقل"})  # «قتل خلاله على الأقل 26»


def _day_of_month(toks: list[tuple[int, int, str]], j: int) -> bool:
    """«قتلت في 25 من الشهر الجاري»، «في 7 آذار»: the number is a date, not a toll."""
    from marsad.arabic.dates import MONTHS

    nxt = [w for _, _, w in toks[j + 1 : j + 3]]
    return bool(nxt) and (nxt[0] in MONTHS or nxt[0] == "من" and len(nxt) > 1 and (
        nxt[1] in MONTHS or nxt[1].removeprefix("ال").startswith("شهر")))


def _magnitude(value: int) -> int:
    """0 for units and teens, 1 for tens, 2 for hundreds and more: the parts of a number word."""
    return 2 if value >= 100 else 1 if value >= 20 else 0


def _compound(toks: list[tuple[int, int, str]], j: int, value: int) -> tuple[int, int]:
    """The whole number that number word ``j`` (of ``value``) begins, and its last index:
    «ثلاثة عشر» 13, «خمسة وعشرين» 25, «مئة وخمسة وعشرين» 125 — parts joined by «و», each of
    another magnitude (so «خمسة وثلاثة» stays 5: two counts). Digits stand alone."""
    if _DIGITS.match(toks[j][2]):
        return value, j
    if value < 10 and j + 1 < len(toks) and toks[j + 1][2] in TEN:
        return value + 10, j + 1
    used = {_magnitude(value)}
    while j + 1 < len(toks) and toks[j + 1][2].startswith("و"):
        part = _UNITS.get(toks[j + 1][2][1:])
        if part is None or _magnitude(part) in used:
            break
        used.add(_magnitude(part))
        value, j = value + part, j + 1
    return value, j


def _eleven(toks: list[tuple[int, int, str]], j: int) -> bool:
    """«أحد عشر»/«إحدى عشرة»: 11 (alone, «أحد» is «one of», never a toll)."""
    return toks[j][2] in ("احد", "احدي") and j + 1 < len(toks) and toks[j + 1][2] in TEN


def _compound_at(toks: list[tuple[int, int, str]], j: int) -> int | None:
    """The whole number that word ``j`` is part of («وعشرين» in «خمسة وعشرين» is 25), or None."""
    if _eleven(toks, j):
        return 11
    value = _value(toks[j][2])
    if value is None or _DIGITS.match(toks[j][2]):
        return value
    k = j
    while k > 0 and toks[k][2].startswith("و") and toks[k][2][1:] in _UNITS and toks[k - 1][2] in _UNITS:
        k -= 1
    first = _value(toks[k][2])
    if first is None:
        return value
    total, last = _compound(toks, k, first)
    return total if last >= j else value


def _number_after(toks: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    """«قتل ما لا يقل عن 27»: skip approximators up to the number (value, its index)."""
    j = i + 1
    while j < len(toks) and j <= i + 6:
        value = _value(toks[j][2])
        if value is not None and _DIGITS.match(toks[j][2]) and _day_of_month(toks, j):
            return None
        if value is not None:
            return _compound(toks, j, value)
        if _eleven(toks, j):
            return 11, j + 1
        if toks[j][2] not in _FILLER:
            return None
        j += 1
    return None


_SUBSET = frozenset({"بينهم", "منهم", "بينها", "بينهن", "معظمهم", "اغلبهم"})


def _other_side(toks: list[tuple[int, int, str]], j: int) -> int:
    """«مقتل 6 مسلحين موالين للنظام مقابل 3 من تحرير الشام»، «مقتل 5 جنود و3 مدنيين»:
    the deaths listed after the first count, side by side, add to it (the injured and a
    «بينهم» subset do not)."""
    stop = _before_injuries(toks, j)
    extra = 0
    for k in range(j + 1, min(stop, j + 10)):
        w = toks[k][2]
        if variants(w) & _SUBSET:
            break
        if w == "اضافه" and k + 2 < stop and toks[k + 1][2] == "الي":
            w = "و"  # «إضافة إلى تسعة مقاتلين روس»
            k += 1
        m, num = (k + 1, toks[k + 1][2] if k + 1 < stop else "") if w in ("مقابل", "و") else (k, w[1:])
        if w in ("مقابل", "و") and not num.startswith(("عد", "الاف")) or w.startswith("و") and _DIGITS.match(num):
            value = _value(num) if num else None
            if value is not None and m + 1 < stop:
                extra += value
    return extra


_PEOPLE = ("مدني", "اشخاص", "عناصر", "جنود", "مقاتل", "اطفال", "اشخاص", "مسلح", "افراد", "عسكري", "ضباط", "نساء")


#: People nouns with a broken plural (أشخاص، أطفال، قتلى): their -ين/-ان form is a dual.
_BROKEN_PLURAL = frozenset({"شخص", "طفل", "عنصر", "رجل", "ضابط", "امراه", "طفله", "شاب", "جندي", "قتيل",
                            "سيده", "فتاه", "جريح"})
#: People nouns with a sound plural (مدنيين = plural or dual): only -ان is surely a dual.
_SOUND_PLURAL = frozenset({"مدني", "عسكري", "مقاتل", "مسلح", "مواطن", "مدنيه", "صحفي", "متظاهر", "شرطي", "طيار",
                           "مسعف", "ناشط", "مهندس", "مستشار", "معتقل", "موظف", "عامل", "مزارع"})
_INJURY = ("اصيب", "اصابه", "اصابت", "جرح", "جرحي", "اصابات", "مصابين", "الجرحي")


def is_dual(word: str) -> bool:
    """«شخصين»، «قتيلين»، «امرأتان»، «مدنيان»، «الشرطيان»: a dual of a people noun (two victims).

    A nisba noun in -يان («شرطيان»، «فلسطينيان»، «انتحاريان») is a dual whatever its stem, as no
    plural ends so; short stems are other words («بيان»، «كيان»، «طغيان»)."""
    w = word.removeprefix("و").removeprefix("ال")
    if not w.endswith(("ان", "ين")):
        return False
    base = w[:-2]
    base = base[:-1] + "ه" if base.endswith("ت") else base
    if base in _BROKEN_PLURAL or (w.endswith("ان") and base in _SOUND_PLURAL):
        return True
    return w.endswith("يان") and len(base) > 3 and base.endswith("ي")


def _before_injuries(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index of the first injury word after ``i`` («قتل شخصان وأصيب ثلاثة»): numbers past it are the injured."""
    for j in range(i + 1, len(toks)):
        if any(f.startswith(_INJURY) for f in variants(toks[j][2])):
            return j
    return len(toks)


def _plural_victims(toks: list[tuple[int, int, str]], i: int) -> bool:
    """«مقتل مدنيين»، «مقتل من كانوا على متنها»: an unnumbered plural toll (codebook: 3)."""
    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1][2]
    if nxt.endswith(("ين", "ون")) and nxt.startswith(_PEOPLE):
        return True
    if nxt in ("اشخاص", "عناصر", "جنود", "اطفال", "افراد", "ضباط", "نساء"):
        return True
    return nxt == "من" and i + 2 < len(toks) and toks[i + 2][2].endswith("وا")


_NEGATIONS = frozenset({"دون", "بدون", "لم", "ولم", "لا", "ولا", "عدم"})
_NOT_NEGATING = frozenset({"يقل", "تقل", "يزيد", "تزيد", "يزال", "تزال", "سيما"})  # «لا يقل عدد القتلى عن»


def _counted_people(toks: list[tuple[int, int, str]], lo: int, hi: int) -> int | None:
    """A count right before a people noun in ``[lo, hi)`` («ثلاثة مسلحين»), not a day of the month."""
    for j in range(lo, hi - 1):
        value = _value(toks[j][2])
        if value is not None:
            value, last = _compound(toks, j, value)
            if last + 1 >= hi:
                return None
        else:
            last = j
        nxt = toks[last + 1][2]
        if value is not None and value < 100000 and not _day_of_month(toks, last) and (
                nxt.startswith(_PEOPLE) or nxt.removesuffix("ا").removesuffix("ين").removesuffix("ان") in _BROKEN_PLURAL):
            return value
    return None


def _negated(toks: list[tuple[int, int, str]], i: int) -> bool:
    """A negation up to five words before the killing word, not «لا يقل/لا يزال»."""
    for k in range(max(0, i - 5), i):
        if variants(toks[k][2]) & _NEGATIONS and not (k + 1 < len(toks) and toks[k + 1][2] in _NOT_NEGATING):
            return True
    return False


def _tally_to(toks: list[tuple[int, int, str]], i: int) -> int | None:
    """«ارتفع عدد القتلى جراء الغارات على سراقب، الثلاثاء، إلى 12»: the tally's new figure."""
    if i == 0 or not variants(toks[i - 1][2]) & {"عدد", "حصيله"}:
        return None
    for k in range(i + 1, min(_before_injuries(toks, i), i + 16)):
        if toks[k][2] in ("الي", "إلى", "لي") and k + 1 < len(toks):
            found = _number_after(toks, k)
            since = any(w == "منذ" for _, _, w in toks[i : (found[1] if found else k) + 4])
            return found[0] if found is not None and not since else None  # «… منذ بدء العملية»: a period's
    return None


def count_deaths(toks: list[tuple[int, int, str]]) -> int | None:
    """Deaths stated in a word span, or None when no killing word is there.

    The first killing word decides; its number is the nearest within two words
    after it («مقتل 5») or before it («5 قتلى»); a bare plural («قتلى») counts 3,
    a singular victim («مقتل مدني») 1.
    """
    for i, (_, _, w) in enumerate(toks):
        if is_dual(w) and any(f.startswith("قتيل") for f in variants(w)):
            return 2  # «سقوط قتيلين»
        if not _is_kill(w):
            continue
        if _negated(toks, i):
            return 0  # «دون أن تسفر عن سقوط قتلى»، «لم يسفر عن وقوع ضحايا»: no deaths reported
        if i > 0 and toks[i - 1][2].removeprefix("و").removeprefix("م") in ("بين", "ن بين"):
            continue  # «ومن بين الضحايا 11 امرأة»: a part of a toll told elsewhere
        if i + 2 < len(toks) and toks[i + 1][2] in ("واصيب", "وجرح", "واصيبت") and toks[i + 2][2] in _VAGUE:
            return _VAGUE[toks[i + 2][2]]  # «قتل وأصيب عدد من المدنيين»: some were killed
        risen = _tally_to(toks, i)
        if risen is not None:
            return risen
        first = _number_after(toks, i)
        if first is not None and first[0] < 100000:
            return first[0] + _other_side(toks, first[1])
        if any(is_dual(toks[j][2]) for j in (i + 1, i - 1) if 0 <= j < len(toks)):
            return 2  # «مقتل جنديين»، «قتل عسكريان»، «مقتل امرأتين»
        stop = _before_injuries(toks, i)
        for j in (i + 1, i - 1, i + 2, i - 2, i + 3):
            if 0 <= j < stop:
                value = _compound_at(toks, j)
                if value is not None and value < 100000 and not _day_of_month(toks, j):
                    return value
        later = _counted_people(toks, i + 4, min(stop, i + 8))
        if later is not None:
            return later  # «قتلت الشرطة السعودية، الثلاثاء، ثلاثة مسلحين»: the subject and day come first
        forms = variants(w)
        if _plural_victims(toks, i):
            return 3
        fell = i > 0 and toks[i - 1][2].removeprefix("و").startswith(("سقط", "لقي"))  # «44 شخصا سقطوا قتلى»
        if any(f in ("قتلوا", "قتلت") for f in forms) or fell:
            back = [_value(t[2]) for t in toks[max(0, i - 8) : i]]
            found = [v for v in back if v is not None]
            if found:
                return found[-1]
        if any(f in ("قتلي", "ضحايا", "قتلوا") for f in forms):
            return 3
        return 1
    return None


_DEFINITE_VICTIMS = frozenset({"المدنيين", "المدنيون", "الضحايا", "القتلي", "الاشخاص"})


def told_before(seg: list[tuple[int, int, str]], told: int) -> int | None:
    """«وقال الدفاع المدني إن المدنيين قتلوا بقصف … في مسرابا وجسرين»: definite victims with no count
    of their own are those the previous sentence counted (``told``), when it counted more."""
    if told <= 3 or any(_value(w) is not None or w in _VAGUE for _, _, w in seg):
        return None
    forms = [variants(w) for _, _, w in seg]
    for k, f in enumerate(forms):
        part = k > 0 and seg[k - 1][2].removeprefix("و").removeprefix("م") in ("بين", "ن بين")  # «من بين القتلى»
        if f & _DEFINITE_VICTIMS and not part and any(_is_kill(w) for _, _, w in seg[max(0, k - 1) : k + 2]):
            return told
    return None

