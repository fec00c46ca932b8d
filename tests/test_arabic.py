"""marsad.arabic: normalisation, tokens with offsets, clitic stems, sentences, language."""

from __future__ import annotations

import pytest

from marsad.arabic import normalize, split_sentences, tokenize
from marsad.arabic.normalize import normalize_with_offsets, span_back
from marsad.arabic.step import annotate, detect_language
from marsad.model import Article, Token


def test_normalize_folds_variants_and_drops_marks() -> None:
    assert normalize("أَحْمَد") == "احمد"
    assert normalize("إدلب آمنة") == "ادلب امنه"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مسؤول رئيس") == "مسوول رييس"
    assert normalize("قـــوات") == "قوات"  # tatweel
    assert normalize("کردی") == "كردي"  # Persian kaf and yeh
    assert normalize("٣٥ و۱۲") == "35 و12"
    assert normalize("\u200fحلب\u200c") == "حلب"  # bidi and zero-width marks
    assert normalize("ﻻ") == "لا"  # presentation-form ligature


def test_normalize_replaces_as_a_translate_of_its_table() -> None:
    """Replacing each distinct character in turn gives ``str.translate``'s answer for every
    code point, alone and in one string, because no replacement holds a character to change."""
    from marsad.arabic.normalize import _LIGHT_TABLE, _TABLE, normalize_light, replacements, table

    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    for chars, function in ((_TABLE, normalize), (_LIGHT_TABLE, normalize_light)):
        _, changes = replacements(chars)
        assert not any(set(mapped) & changes.keys() for mapped in changes.values())
        assert function(every) == every.translate(chars)
        assert [function(c) for c in every[:0x10000]] == [c.translate(chars) for c in every[:0x10000]]
    assert table() == _TABLE and table() is not _TABLE


def test_normalize_with_offsets_maps_back() -> None:
    text = "قَصْفٌ على إِدْلِبَ"
    norm, offsets = normalize_with_offsets(text)
    assert norm == "قصف علي ادلب"
    start = norm.index("ادلب")
    a, b = span_back(offsets, start, start + 4)
    assert text[a:b].startswith("إِدْلِب")


def test_offsets_follow_each_character_dropped_expanded_or_kept() -> None:
    from marsad.arabic.normalize import char_map

    for text in ("قَصْفٌ ﻻ‏حلب", "ﷲ أكبر", "", "abc ١٢", "ـــ"):
        norm, offsets = normalize_with_offsets(text)
        expected = [i for i, piece in enumerate(char_map(text)) for _ in piece] + [len(text)]
        assert norm == "".join(char_map(text)) and offsets == expected


def _stems(text: str) -> dict[str, str]:
    return {t.text: t.stem for t in tokenize(text) if t.kind == "word"}


def test_clitics_are_removed_when_the_corpus_confirms() -> None:
    stems = _stems("وبإدلب لروسيا بحلب والقوات للقوات ولبنان وبريطانيا")
    assert stems["وبإدلب"] == normalize("إدلب")
    assert stems["لروسيا"] == "روسيا"
    assert stems["بحلب"] == "حلب"
    assert stems["والقوات"] == "قوات"
    assert stems["للقوات"] == "قوات"
    assert stems["ولبنان"] == "لبنان"
    assert stems["وبريطانيا"] == "بريطانيا"


@pytest.mark.parametrize(
    "word", ["بوتين", "لبنان", "فلسطين", "وزارة", "واشنطن", "بريطانيا", "ليبيا", "فرنسا", "كوفي"]
)
def test_words_that_merely_start_like_a_clitic_stay_whole(word: str) -> None:
    assert tokenize(word)[0].stem == normalize(word)


def test_article_and_pronoun_suffix() -> None:
    stems = _stems("قواته رئيسها مدينتهم الرقة والرقة")
    assert stems["قواته"] == "قوات"
    assert stems["رئيسها"] == normalize("رئيس")
    assert stems["مدينتهم"] == "مدينه"  # ت before a suffix is the taa marbuta
    assert stems["الرقة"] == stems["والرقة"]  # same stem with or without و


def test_token_offsets_and_stem_span() -> None:
    text = "وقصفت الطائرات الروسية وَبِإِدْلِبَ 3 مواقع."
    tokens = tokenize(text)
    assert [t.kind for t in tokens] == ["word"] * 4 + ["number", "word", "punct"]
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert token.norm == normalize(token.text)
    idlib = tokens[3]
    assert text[idlib.stem_start : idlib.stem_end] == "إِدْلِبَ"
    assert normalize(text[idlib.stem_start : idlib.stem_end]) == idlib.stem == "ادلب"


@pytest.mark.parametrize(
    ("word", "stem", "span"),
    [
        ("بحلب", "حلب", "حلب"),  # each letter normalises to one: counts are offsets
        ("والرقة", "الرقه", "الرقة"),
        ("وبإدلب", "ادلب", "إدلب"),
        ("ﻟﻠﻘﻮات", "قوات", "ﻘﻮات"),  # presentation forms: one letter each
        ("وَبِحَلَبَ", "حلب", "حَلَبَ"),  # marks dropped: counted back over the original
        ("مدينتهم", "مدينه", "مدينت"),  # taa marbuta restored in the stem, not in the span
    ],
)
def test_stem_span_in_the_original_characters(word: str, stem: str, span: str) -> None:
    token = tokenize(word)[0]
    assert (token.stem, word[token.stem_start : token.stem_end]) == (stem, span)


def test_tokenize_latin_symbols_and_tatweel_prefix() -> None:
    tokens = tokenize("قال لـ AFP إن 20% من F16")
    assert [(t.text, t.kind) for t in tokens] == [
        ("قال", "word"),
        ("لـ", "word"),
        ("AFP", "latin"),
        ("إن", "word"),
        ("20", "number"),
        ("%", "punct"),
        ("من", "word"),
        ("F16", "latin"),
    ]
    assert tokens[1].norm == "ل"


def _sentences(text: str) -> list[str]:
    return [s.text_of(text) for s in split_sentences(text)]


def test_sentences_split_on_arabic_and_latin_punctuation() -> None:
    text = "قصفت المدفعية البلدة. هل توقف القصف؟ لا! سقط ثلاثة قتلى؛ وأصيب آخرون\nخبر آخر"
    assert _sentences(text) == [
        "قصفت المدفعية البلدة.",
        "هل توقف القصف؟",
        "لا!",
        "سقط ثلاثة قتلى؛",
        "وأصيب آخرون",
        "خبر آخر",
    ]


def test_sentences_keep_quotes_abbreviations_and_decimals() -> None:
    text = (
        "قال المتحدث: «الوضع خطير. نحن نراقب» ثم غادر. "
        "وصرح د. سامي الأحمد بأن النمو بلغ 3.5 في المئة. "
        "وأضاف: “لن نتراجع.” انتهى."
    )
    assert _sentences(text) == [
        "قال المتحدث: «الوضع خطير. نحن نراقب» ثم غادر.",
        "وصرح د. سامي الأحمد بأن النمو بلغ 3.5 في المئة.",
        "وأضاف: “لن نتراجع.”",
        "انتهى.",
    ]


def test_unclosed_quote_does_not_swallow_next_paragraph() -> None:
    text = "قال: “بدأ الهجوم. وتقدمت القوات\nفقرة ثانية. وجملة ثالثة."
    assert _sentences(text) == ["قال: “بدأ الهجوم. وتقدمت القوات", "فقرة ثانية.", "وجملة ثالثة."]


def test_sentence_boundaries_are_line_breaks_or_terminator_runs() -> None:
    """The boundary regex, written to open with one character class, finds what the plain
    alternation «a line break, or terminators then closers» finds."""
    import random
    import re

    from marsad.arabic import sentences

    plain = re.compile(r"\n|[.!?؟؛…]+[\"'”»)\]]*")
    pieces = ("\n", ".", "!", "?", "؟", "؛", "…", '"', "'", "”", "»", ")", "]", "«", " ", "قال", "3")
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 12)))
        found = [m.span() for m in sentences._BOUNDARY.finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)], ascii(text)


def test_detect_language() -> None:
    assert detect_language("أعلنت وزارة الدفاع مقتل خمسة عناصر في Aleppo") == "ar"
    assert detect_language("The ministry said five soldiers were killed in the attack.") == "en"
    assert detect_language("Le ministère a annoncé cinq morts") == "other"
    # Arabic wins ties and needs as many letters as the Latin ones, wherever they are
    assert detect_language("abcd حلبب") == "ar"
    assert detect_language("حلب and the Aleppo offensive") == "en"
    assert detect_language("12 ,. ؟") == "other"


def test_annotate_sets_language_tokens_and_sentences() -> None:
    article = Article.create("سقطت قذيفة على حلب. وقتل شخصان.")
    out = annotate(article)
    assert out.language == "ar"
    assert [s.text_of(out.text) for s in out.sentences] == ["سقطت قذيفة على حلب.", "وقتل شخصان."]
    assert [t.text for t in out.tokens][:3] == ["سقطت", "قذيفة", "على"]
    assert article.tokens == ()  # the input is not mutated


def test_tokens_are_ordinary_model_tokens() -> None:
    from dataclasses import asdict

    from marsad.model import Token

    for token in tokenize("وبحلب 12 قتيلا."):
        assert isinstance(token, Token)
        assert token == Token(**asdict(token))
        assert hash(token) == hash(Token(**asdict(token)))


def test_tokens_without_the_slot_setters_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback for a Token that is no longer a slotted class builds the same tokens."""
    import importlib

    module = importlib.import_module("marsad.arabic.tokenize")
    text = "قال لـ AFP إن 20% من F16 ـوبحلب، 3.5 كم"
    fast = tokenize(text)
    monkeypatch.setattr(module, "_SETTERS", None)
    slow = tokenize(text)
    assert [(t.start, t.end, t.text, t.norm, t.stem, t.kind, t.stem_start, t.stem_end) for t in fast] == [
        (t.start, t.end, t.text, t.norm, t.stem, t.kind, t.stem_start, t.stem_end) for t in slow
    ]


def test_normalised_is_normalize_of_each_word_remembered_or_not() -> None:
    from marsad.arabic.tokenize import _NORMS, normalised

    words = ["الأمم", "٣", "إنّ", "كلمةٌ_لم_تُقرأ", "", "الأمم"]
    assert normalised(words) == [normalize(w) for w in words]
    assert set(words) <= _NORMS.keys()  # remembered
    assert normalised(words) == [normalize(w) for w in words]  # now from the memo


def test_lazy_tokens_are_the_tuple_of_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """An annotated article's tokens are built when first read, and then behave as the
    tuple of :func:`tokenize` (length, items, slices, equality, truth, pickling)."""
    import importlib
    import pickle

    module = importlib.import_module("marsad.arabic.tokenize")
    built: list[str] = []
    real = module.tokenize

    def counted(text: str) -> list[Token]:
        built.append(text)
        return real(text)

    monkeypatch.setattr(module, "tokenize", counted)
    text = "قال لـ AFP إن 20% من F16 ـوبحلب، 3.5 كم"
    tokens = annotate(Article.create(text)).tokens
    assert tokens and not built  # truth without building
    expected = tuple(real(text))
    assert tokens == expected and expected == tokens and built == [text]
    assert len(tokens) == len(expected) and tokens[2] == expected[2] and tokens[1:4] == expected[1:4]
    assert list(tokens) == list(expected) and built == [text]  # built once
    assert pickle.loads(pickle.dumps(tokens)) == expected
    for blank in ("", "  \n", "\u200b\u200f "):
        lazy = module.Tokens(blank)
        assert bool(lazy) is bool(real(blank)) and (lazy == ()) is (not real(blank))


def test_token_spans_are_the_tokens_offsets() -> None:
    from marsad.arabic.tokenize import token_spans

    for text in ("قال لـ AFP إن 20% من F16 ـوبحلب، 3.5 كم", "", " \u200b ", "«نص»\nآخر"):
        assert token_spans(text) == [(t.start, t.end) for t in tokenize(text)]
