"""The words of saying that open a quote (docs/quotes-guideline.md, section 2) and the cue
search over raw text. Kept apart from the quote finders: the lexicon changes with the
guideline, the search with speed, the finders with the spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress, product
from operator import itemgetter

from marsad.actors.text import known_split
from marsad.arabic.normalize import normalize

#: Arabic spelling variants folded to one letter; the cues are listed folded.
FLAT = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
#: Words of saying (folded by :data:`FLAT`): verbs, also with و or ف; participles, which
#: continue the sentence's speaker; nouns («قوله»، «في بيان الوزارة»، «بالتأكيد على أن»).
_VERBS = (
    "قال قالت اضاف اضافت تابع تابعت اكد اكدت اوضح اوضحت صرح صرحت شدد شددت ذكر ذكرت اشار اشارت "
    "اعتبر اعتبرت اعلن اعلنت وصف وصفت حذر حذرت نفي نفت اتهم اتهمت افاد افادت كشف كشفت راي رات "
    "لفت لفتت نوه نوهت رد ردت ابلغ ابلغت كتب كتبت اردف اردفت ختم ختمت هدد هددت رجح رجحت نقل نقلت "
    "يقول تقول يري تري يوكد توكد يضيف يشير تشير"
).split()
VERB_SET = frozenset(_VERBS)
PARTICIPLES = frozenset(
    "مضيفا مضيفه مشيرا مشيره موكدا موكده لافتا لافته معتبرا معتبره مشددا مشدده موضحا موضحه قايلا قايله "
    "محذرا محذره معلنا معلنه نافيا نافيه متهما متهمه كاشفا كاشفه منوها منوهه".split()
)
NOUNS = frozenset({"قوله", "قولها", "بيان", "بالتاكيد", "التاكيد"})
#: Verbs that go on with the last speaker: a bare title after them is that speaker («وتابع الجنرال»).
GO_ON = frozenset("واضاف واضافت وتابع وتابعت واردف واردفت وختم وختمت".split())
#: Verbs often written with their shadda («حذّر»), which the folding keeps.
_SHADDA = "حذّر حذّرت شدّد شدّدت نوّه نوّهت ردّ ردّت اكّد اكّدت صرّح صرّحت هدّد هدّدت رجّح رجّحت".split()
_CUE = "|".join(
    [p + v for v in _VERBS + _SHADDA for p in ("", "و", "ف")] + sorted(PARTICIPLES | NOUNS) + ["وقايلا", "وقايله"]
)
_SAY = re.compile(r"[وف]?(?:قال|قالت|يقول|تقول)")
_FACT = (" مما ", "وهو ما ", "وهي ما ", " هو ما ", " هي ما ")
_IN = ("في ", "فيه ", "فيها ", "فيهما ")
_ON = ("عليه ", "عليها ", "عليهم ", "عليه:", "عليها:", 'عليها "', 'عليه "')


def _cue_pattern(cues: list[str]) -> str:
    """The cues as one prefix tree over raw letters: each flat letter becomes the class of
    the letters :data:`FLAT` folds into it, so the text needs no folding (a whole-article
    ``translate`` cost more than the search) and the tree is searched 2-3 times faster than
    a flat alternation. Folding keeps length and letters, so matches sit where they did in
    the folded text; a cue with a letter the folding removes (ؤ) could never match there."""
    raw: dict[str, str] = {}
    for code, flat in FLAT.items():
        raw[flat] = raw.get(flat, flat) + chr(code)
    trie: dict[str, dict] = {}
    for cue in cues:
        if any(ord(c) in FLAT for c in cue):
            continue
        node = trie
        for ch in cue:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict[str, dict]) -> str:
        alts = [(f"[{raw[ch]}]" if ch in raw else re.escape(ch)) + alternation(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return alternation(trie)


#: A cue word: a whole run of word characters (so a cue's matches do not depend on the
#: order it is tried in), matched in the raw text as if folded by :data:`FLAT`.
CUE_RE = re.compile(rf"(?<!\w)({_cue_pattern(_CUE.split('|'))})(?!\w)")

#: The marks among the letters of a split word (:mod:`marsad.actors.text`) that are no regex
#: word characters: a cue may start just after one or end just before one inside a word.
_MARKS = "\u064b-\u065f\u0670"
#: A mark inside a word: another word character of the split follows it.
#: The split's letters that are regex word characters (the rest of its class).
_LETTERS = "\u0621-\u064a\u0660-\u0669\u0671-\u06d3A-Za-z0-9"
_INNER_MARK = re.compile(f"[{_MARKS}](?=[{_LETTERS}])")
_START = itemgetter(0)


def _cue_forms(cues: list[str]) -> frozenset[str]:
    """The normal forms of every spelling without marks that :data:`CUE_RE` matches: each
    flat letter of a cue spelled as any letter :data:`FLAT` folds into it, normalised letter
    by letter (as ``normalize`` does, one character at a time)."""
    raw: dict[str, str] = {}
    for code, flat in FLAT.items():
        raw[flat] = raw.get(flat, flat) + chr(code)
    marks = re.compile(f"[{_MARKS}]")
    return frozenset(
        "".join(letters)
        for cue in cues
        if not any(ord(c) in FLAT for c in cue) and marks.search(cue) is None
        for letters in product(*({normalize(x) for x in raw.get(ch, ch)} for ch in cue))
    )


_CUE_FORMS = _cue_forms(_CUE.split("|"))


def find_cues(text: str) -> list[re.Match[str]]:
    """``list(CUE_RE.finditer(text))``, read only in the words that may hold a cue: the
    article's words were split and normalised by the steps before (actors, events), and a
    regex scan of the whole text was a quarter of the quote step. A cue starts where no word
    character comes before it: at a word's start, or after a mark inside a word; so a word
    without inner marks holds a cue only as a whole, when its normal form is a cue's; a word
    with one is searched whole. Each word is searched with the character after it, which
    may be a word character the split leaves out («_»)."""
    every, forms = known_split(text)
    words = list(compress(every, map(_CUE_FORMS.__contains__, forms)))
    inner = _INNER_MARK.search(text)
    if inner is None:
        return [m for m in (CUE_RE.match(text, w[0], w[1] + 1) for w in words) if m is not None]
    spans = dict.fromkeys(w[:2] for w in words)
    for mark in _INNER_MARK.finditer(text, inner.start()):
        spans[every[bisect_right(every, mark.start(), key=_START) - 1][:2]] = None
    return [m for start, end in sorted(spans) for m in CUE_RE.finditer(text, start, end + 1)]


def not_saying(text: str, cue: re.Match[str]) -> bool:
    """A cue that says nothing: «مما يشير إلى أن»، «وهو ما يؤكد أن» (a fact confirms; «وفق ما
    أوضح» and «ما قال إنه» still say), «كتب عليها» (written on), «لافتة» without «إلى» (a banner), «75 متهما» (a count). Raw-text tests: this runs for
    every cue."""
    if text.startswith(_ON, cue.end() + 1) and cue.group(1).endswith(("كتب", "كتبت")):
        return True
    if cue.group(1).endswith("لافتة") and not text.startswith(("إلى", "الى"), cue.end() + 1):
        return True  # «لافتة» is also a banner
    if cue.start() >= 2 and text[cue.start() - 2].isdigit() and cue.group(1).translate(FLAT) in PARTICIPLES:
        if text[max(0, cue.start() - 8) : cue.start()].split()[-1].isdigit():
            return True  # «بإعدام 75 متهما»: a count of the accused, not one accusing
    if cue.group(1) in ("ورد", "وردت") and text.startswith(_IN, cue.end() + 1):
        return True  # «ورد في التقرير أن»: appeared, not replied
    if cue.group(1) == "رد" and text[max(0, cue.start() - 4) : cue.start()].endswith(("في ", "على ", "بـ", '"', "«")):
        return True  # «وفي رد آخر، قال …»، «بـ"رد قوي"»: a reply, the noun
    return text[max(0, cue.start() - 8) : cue.start()].endswith(_FACT) and _SAY.fullmatch(cue.group(1)) is None

