"""The linker's candidate filters (start words, second words) pick what a plain scan of the
alias index picks: the longest alias over every clitic reading, in the index's order."""

from __future__ import annotations

from marsad.actors.kb import KBActor, alias_index
from marsad.actors.linker import _bad_gap, _match_at
from marsad.actors.text import variants, words

TEXT = (
    "وقصفت قوات النظام السوري وقوات سوريا الديمقراطية والقوات التركية مواقع لقوات الأسد، "
    "فيما تقدمت قوات الجيش الحر وطائرات التحالف الدولي وجيش الإسلام قرب الطيران الروسي قوات"
)


def scan(toks: list[tuple[int, int, str]], i: int) -> tuple[int, KBActor] | None:
    """Every alias of every reading of word ``i``, longest first (no filter)."""
    best: tuple[int, KBActor] | None = None
    for form in variants(toks[i][2]):
        for key, actor in alias_index().get(form, ()):
            n = len(key)
            if best is not None and n <= best[0]:
                break
            if i + n <= len(toks) and all(key[j] in variants(toks[i + j][2]) for j in range(1, n)) \
                    and not _bad_gap(toks, i, n):
                best = (n, actor)
                break
    return best


def test_filtered_matching_equals_the_plain_scan() -> None:
    toks = words(TEXT)
    found = [_match_at(toks, i, alias_index()) for i in range(len(toks))]
    assert found == [scan(toks, i) for i in range(len(toks))]
    assert sum(f is not None for f in found) >= 6
    assert any(f is not None and f[0] >= 2 for f in found)  # multi-word aliases among them


def test_the_quick_test_never_rejects_a_word_with_a_reading_that_begins_an_alias() -> None:
    from itertools import product

    from marsad.actors.text import may_read_as

    keys = alias_index().keys()
    tails = set(keys) | {k[2:] for k in keys if k.startswith("ال")}
    clitics = ["", "و", "ف", "ب", "ل", "ك", "ال", "لل"]
    stems = [k for k in keys] + [k[2:] for k in keys if k.startswith("ال")] + [w for _, _, w in words(TEXT)]
    rejected = 0
    for a, b, stem in product(clitics, clitics, stems):
        word = a + b + stem
        if not keys.isdisjoint(variants(word)):
            assert may_read_as(word, tails), word
        rejected += not may_read_as(word, tails)
    assert rejected > 0
    assert not may_read_as("مدرسه", tails) and may_read_as("وبالقوات", tails)


def test_the_word_before_a_mention_is_the_last_word_of_its_window() -> None:
    """:func:`_word_before` reads the text's words; the same as splitting the 30 characters
    before each word start, a word cut by the window's edge included."""
    from marsad.actors.linker import _word_before
    from marsad.actors.text import text_words, words

    text = ("قالت مصادر محلية إن طائرات التحالف الدولي بقيادة الولايات المتحدة قصفت مواقع "
            "للتنظيم، فيما أعلن اتحاد الطلاب ونادي العمال أن المدنيين غادروا المدينةالمحاصرةمنذأسابيعطويلةجداجدا الآن")
    toks = text_words(text)
    for start, _, _ in toks:
        window = words(text[max(0, start - 30) : start])
        assert _word_before(text, toks, start) == (window[-1][2] if window else None)
    assert any(a < b - 30 < c for (a, c, _), (b, _, _) in zip(toks, toks[1:], strict=False))  # a cut word
    assert _word_before(text, toks, 5) == words(text[:5])[-1][2]  # not a word's start: split


def test_linking_snippets_keeps_the_articles_words_remembered() -> None:
    """The quote step links speakers, more per batch than it has articles: the linker reads a
    text's remembered words but does not remember a new text's, so the articles' stay."""
    from marsad.actors.linker import link_text
    from marsad.actors.text import known_split, text_words
    from marsad.memo import ARTICLES_AT_ONCE

    article = "قصفت قوات النظام مواقع لتنظيم داعش قرب المدينة"
    ws = text_words(article)
    for k in range(2 * ARTICLES_AT_ONCE):
        speaker = f"قال مصدر في الجيش الحر رقم {k}"
        assert [a.name for a in link_text(speaker)] == ["Free Syrian Army"]
    assert known_split(article)[0] is ws
