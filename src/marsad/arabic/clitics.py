"""Conservative, lexicon-aware segmentation of Arabic clitics.

A word is split only when the corpus says so: a proclitic chain (و ف, then ب ل ك
or the future س) is removed when the remainder is an attested word that is
clearly more frequent than the whole form, or when the whole form is unattested
and the remainder is attested. So «بحلب» -> حلب and «لروسيا» -> روسيا, while
بوتين, لبنان, فلسطين and وزارة stay whole because «وتين», «بنان», «لسطين» and
«زاره» are rare or unseen. The article ال and the pronoun suffixes are removed
under the same kind of test, decided on the clitic-free core alone so that
«والرقة» and «الرقة» always get the same stem. The counts come from
``marsad/data/arabic/word_counts.tsv.gz`` (built by
:mod:`marsad.arabic.build_lexicon`), loaded on first use.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

from marsad.arabic.normalize import finish_light, normalize_light

#: A split needs the remainder to be at least this frequent...
MIN_COUNT = 3
#: ...and this many times as frequent as the whole form (unless the whole is unattested).
PROCLITIC_RATIO = 2.0
SUFFIX_RATIO = 2.0
#: The article is removed unless the bare form is very rare next to the definite one
#: (المانيا vs مانيا): names that always carry the article keep it.
ARTICLE_RATIO = 0.05
MIN_STEM = 3

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_FUTURE_NEXT = frozenset("يتنا")
#: The letters a proclitic chain can start with.
_CLITIC_FIRST = frozenset((*_CONJ, *_PREP, "س"))
#: Longest first, so that هما is tried before هم and ها before ه.
_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ي")

#: Frequent function words that begin like a clitic or the article but are whole words.
KEEP_WHOLE = frozenset(
    "الذي التي الذين اللذين اللتين اللذان اللتان اللاتي اللواتي الله الي الا الان لله "
    "كان كانت لكن لكنه لكنها ليس ليست لدي لدينا فيه فيها فيما بينما كما كلما لما "
    "لماذا بعد بعدما بين ولكن وكان وكانت انه انها".split()
)


@cache
def word_counts() -> dict[str, int]:
    """Corpus counts of normalised word forms (package data, loaded once)."""
    blob = resources.files("marsad").joinpath("data/arabic/word_counts.tsv.gz").read_bytes()
    text = gzip.decompress(blob).decode("utf-8")
    fields = text.split()  # form, count, form, count...: a form holds no white space
    if len(fields) != 2 * (text.count("\n") + (not text.endswith("\n"))):
        raise ValueError("word_counts.tsv.gz: a line is not 'form<TAB>count'")
    # not a loop over the lines: 0.05 instead of 0.065 s of CPU in every process that tokenises
    return dict(zip(fields[0::2], map(int, fields[1::2]), strict=True))


def _freq(light: str, counts: dict[str, int]) -> int:
    return counts.get(finish_light(light), 0)


def _accepts(part: int, whole: int, ratio: float) -> bool:
    """The test for every split: remainder attested and clearly commoner than the whole."""
    return part >= MIN_COUNT and (whole < MIN_COUNT or part >= ratio * whole)


def _proclitic_candidates(light: str) -> list[tuple[int, str]]:
    """(characters removed, core) for each proclitic chain ``light`` could start with."""
    if light[:1] not in _CLITIC_FIRST:  # most words, the definite ones among them
        return []
    out: list[tuple[int, str]] = []
    for conj in ("", *_CONJ):
        if not light.startswith(conj):
            continue
        rest = light[len(conj) :]
        if conj:
            out.append((len(conj), rest))
        if rest[:1] in _PREP:
            out.append((len(conj) + 1, rest[1:]))
            if rest.startswith("لل"):  # ل + ال, alef elided (للقوات) or ال elided (للاجئين)
                out.append((len(conj) + 1, "ا" + rest[1:]))
                out.append((len(conj) + 1, "ال" + rest[1:]))
        elif rest[:1] == "س" and rest[1:2] in _FUTURE_NEXT:
            out.append((len(conj) + 1, rest[1:]))
    return [(n, core) for n, core in out if len(core) >= MIN_STEM]


def _looks_like_conjunction(core: str, freq: int, counts: dict[str, int]) -> bool:
    """A core that itself reads as و/ف + a commoner word (كوفي -> ك+وفي) is no core."""
    return core[0] in _CONJ and _freq(core[1:], counts) > freq


def _strip_proclitics(light: str, counts: dict[str, int]) -> tuple[int, str]:
    """The commonest accepted (characters removed, core); a reading with the article first."""
    candidates = _proclitic_candidates(light)
    if not candidates:  # most words: whole, attested or not (no count to read)
        return 0, light
    whole = _freq(light, counts)
    best, best_rank = (0, light), (False, -1)
    for removed, core in candidates:
        freq = _freq(core, counts)
        article = _article_after(light, removed, core)  # للمتابعة: ل+المتابعة, not ل+لمتابعة
        rank = (article, freq)
        if (
            _accepts(freq, whole, 0.0 if article else PROCLITIC_RATIO)
            and rank >= best_rank
            and not _looks_like_conjunction(core, freq, counts)
        ):
            best, best_rank = (removed, core), rank
    if best_rank[1] < 0 and whole < MIN_COUNT:
        return _unattested(light)
    return best


def _article_after(light: str, removed: int, core: str) -> bool:
    """و, ب or ل before the article (وال, بال, لل + 3 letters): a near-certain split.

    ف and ك are left out: فال and كال begin many foreign names (فالنسيا, كاليفورنيا).
    """
    return core.startswith("ال") and len(core) >= 5 and set(light[:removed]) <= {"و", "ب", "ل"}


def _unattested(light: str) -> tuple[int, str]:
    """A word the corpus never saw: strip only a proclitic before the article."""
    for removed, core in _proclitic_candidates(light):
        if _article_after(light, removed, core):
            return removed, core
    return 0, light


def _strip_suffix(core: str, counts: dict[str, int]) -> tuple[str, int]:
    if not core.endswith(_SUFFIXES):  # most words: no suffix to try, no count to read
        return core, 0
    whole = _freq(core, counts)
    for suffix in _SUFFIXES:
        if not core.endswith(suffix) or len(core) - len(suffix) < MIN_STEM:
            continue
        base = core[: -len(suffix)]
        options = [base[:-1] + "ة", base] if base.endswith("ت") else [base]
        if suffix == "ي":  # in news a final ي is a nisba (سوري, حسني), not "my"...
            options = options[:1] if base.endswith("ت") else []  # ...except after ة (حكومتي)
        for option in sorted(options, key=lambda o: -_freq(o, counts)):
            if _accepts(_freq(option, counts), whole, SUFFIX_RATIO):
                return option, len(suffix)
    return core, 0


def segment(surface: str, norm: str) -> tuple[str, int, int]:
    """Stem of a word, plus how many normalised characters precede and follow it.

    ``norm`` is ``normalize(surface)``. The stem is normally
    ``norm[prefix:len(norm) - suffix]``; it differs when a taa marbuta is restored
    before a suffix (مدينتهم -> مدينه) or an article elided after ل is restored
    and kept (للعراق -> العراق).
    """
    if len(norm) <= MIN_STEM or norm in KEEP_WHOLE:
        return norm, 0, 0
    counts = word_counts()
    light = normalize_light(surface)
    removed, core = _strip_proclitics(light, counts)
    restored = len(core) - (len(light) - removed)  # article letters elided after ل
    if core.startswith("ال") and len(core) - 2 >= MIN_STEM and core not in KEEP_WHOLE:
        bare = core[2:]
        if _freq(bare, counts) >= max(MIN_COUNT, ARTICLE_RATIO * _freq(core, counts)):
            return finish_light(bare), removed + 2 - restored, 0
        return finish_light(core), removed, 0
    stem, suffix = _strip_suffix(core, counts)
    return finish_light(stem), removed, suffix
