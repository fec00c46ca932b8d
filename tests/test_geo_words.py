"""The geocoder reads the actor linker's word list where the two splits agree, and its
per-word caches answer as the uncached tests do."""

from __future__ import annotations

import sys

from marsad.actors import text as actor_text
from marsad.actors.kb import alias_index
from marsad.actors.linker import _alias_starts
from marsad.geo import text as geo_text
from marsad.geo.gazetteer import gazetteer

PLAIN = "قصفت الطائرات بلدة دوما في ريف دمشق صباح الأحد."
WITH_DIGITS = "قتل ٣ مدنيين في قصف على مدينة إدلب عام ٢٠١٨."
WITH_YEH_BARREE = "زار الوفد مدينة کراچے ثم حلب."


def test_words_that_split_or_fold_apart_are_exactly_the_odd_characters() -> None:
    """Over all of Unicode: a character outside ``_differs`` is a word character of both
    splits or of neither, and normalises the same in both."""
    odd = geo_text._differs()
    ours, theirs = geo_text._WORD.fullmatch, actor_text._WORD.fullmatch
    wrong = []
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if odd.match(ch):
            continue
        mine, other = ours(ch) is not None, theirs(ch) is not None
        if mine != other or (mine and geo_text.norm(ch) != actor_text.norm(ch)):
            wrong.append(hex(cp))
    assert wrong == []
    assert odd.match("٣") and odd.match("ے") and not odd.match("ي")


def test_the_geocoder_reads_the_shared_words_where_they_agree() -> None:
    text = PLAIN
    geo_text.indexed_words.cache_clear()
    ws, forms = geo_text.indexed_words(text)
    assert ws == geo_text.words(text)
    assert ws is actor_text.text_words(text)  # one split for geocoder, trigger search and linker
    assert forms == [w for _, _, w in ws] and forms is actor_text.text_split(text)[1]
    assert geo_text.word_starts(text) == [a for a, _, _ in ws]


def test_texts_with_odd_characters_keep_the_geocoders_own_split() -> None:
    for text in (WITH_DIGITS, WITH_YEH_BARREE):
        ws, forms = geo_text.indexed_words(text)
        assert ws == geo_text.words(text) and forms == [w for _, _, w in ws]
        assert ws != actor_text.words(text)  # the splits differ here: the fallback is needed


def test_heads_of_a_word_list_are_each_words_heads() -> None:
    gaz = gazetteer()
    words = [w for _, _, w in geo_text.words(PLAIN + " " + WITH_DIGITS)] + ["وبحلب", "لدير"]
    assert gaz.heads_of(words) == [gaz.heads(w) for w in words]
    assert any(gaz.heads_of(words)) and not all(gaz.heads_of(words))


def test_heads_are_the_readings_that_name_or_begin_a_name() -> None:
    """:meth:`Gazetteer.heads` answers a word without a proclitic letter by two probes: the
    same readings as the rule over every clitic reading."""
    gaz = gazetteer()
    words = [w for _, _, w in geo_text.words(PLAIN + " " + WITH_DIGITS)] + ["حلب", "دير", "وبحلب", "لدير", "زملكا"]
    words += CLITIC_WORDS

    def rule(word: str) -> tuple[tuple[int, str], ...]:
        return tuple((cut, rest) for cut, rest in geo_text.strip_variants(word)
                     if rest in gaz.prefixes or ((cut == 0 or len(rest) >= 3) and rest in gaz.index))

    assert [gaz.heads(w) for w in words] == [rule(w) for w in words]
    plain = [w for w in words if not w.startswith(geo_text.CLITIC_LETTERS)]
    assert any(gaz.heads(w) for w in plain) and not all(gaz.heads(w) for w in plain)
    assert any(gaz.heads(w) for w in CLITIC_WORDS) and not all(gaz.heads(w) for w in CLITIC_WORDS)


#: Words with every kind of proclitic (and none that reads as a name: «وقال», «للمرة»).
CLITIC_WORDS = ["للرقه", "وللرقه", "والرقه", "فالرقه", "بالرقه", "وبالرقه", "فبحلب", "فلحلب", "ولحلب",
                "وحلب", "بدمشق", "لادلب", "كحلب", "وقال", "للمره", "وللمره", "فقد", "بعد", "لل", "و"]


def test_clitic_tails_hold_every_rest_of_the_readings() -> None:
    """:meth:`Gazetteer.heads` rules a word out when no tail of it is a key or begins one: every
    reading's rest must be among the tails."""
    for word in CLITIC_WORDS:
        assert {rest for _, rest in geo_text.strip_variants(word)} <= set(geo_text.clitic_tails(word)), word


def test_alias_starts_are_the_words_with_a_reading_that_begins_an_alias() -> None:
    index = alias_index()
    toks, forms = actor_text.split("وقصفت قوات النظام والجيش الحر مواقع لتنظيم داعش قرب المدينة")
    assert forms == [w for _, _, w in toks]
    expected = [i for i, (_, _, w) in enumerate(toks) if not index.keys().isdisjoint(actor_text.variants(w))]
    assert list(_alias_starts(forms, index)) == expected
    assert list(_alias_starts(forms, index)) == expected  # the same once remembered
    assert 0 < len(expected) < len(toks)


def test_alias_starts_pass_through_the_cores_exactly() -> None:
    """The words kept by the cores (a word less its leading clitic letters) are answered one by
    one: every reading of clitic letters and «ال» before a first alias word is kept, also of
    one made of clitic letters only («بوكو»), and words with no such reading are not."""
    index = alias_index()
    firsts = [k for k in index if len(k) > 2][:40] + [k for k in index if not k.lstrip(actor_text.VARIANT_LETTERS)]
    made = [p + k for k in firsts for p in ("", "و", "ف", "ب", "ل", "وب", "وال", "بال", "فال", "ولل", "لل", "ك", "ا")]
    made += ["و", "لا", "كل", "الاول", "والا", "بل", "السد", "الاسد", "قواتنا", "وبوكو", "للجيش", "ججيش"]
    expected = [i for i, w in enumerate(made) if not index.keys().isdisjoint(actor_text.variants(w))]
    assert list(_alias_starts(made, index)) == expected
    assert 0 < len(expected) < len(made)


def test_nationals_are_the_other_countries_adjectives_in_order() -> None:
    from marsad.geo.countries_ar import nationality
    from marsad.geo.step import _nationals

    text = "أعلنت السلطات الكندية والروسية أن قوات سورية وكندية وصلت إلى حلب"
    ws = geo_text.indexed_words(text)[0]
    expected: dict[str, list[int]] = {}
    for start, _, w in ws:
        iso = nationality(w)
        if iso and iso != "SY":
            expected.setdefault(iso, []).append(start)
    assert _nationals(text) == expected
    assert expected["CA"] == [text.index("الكندية"), text.index("وكندية")] and "RU" in expected


def test_nationals_are_found_on_the_first_question_only() -> None:
    """The geocoder hands the context a function: the adjectives are found when a rule first
    asks for them, once, and read as if they had been given."""
    from functools import partial

    from marsad.geo.resolve import Context
    from marsad.geo.step import _nationals

    text = "أعلنت السلطات الكندية أن قوات وصلت إلى حلب"
    calls: list[str] = []

    def found(t: str) -> dict[str, list[int]]:
        calls.append(t)
        return _nationals(t)

    ctx = Context(nationals=partial(found, text))
    assert calls == []
    assert ctx.nationals_of("CA") == [text.index("الكندية")] == Context(nationals=_nationals(text)).nationals_of("CA")
    assert ctx.nationals_of("RU") == [] and calls == [text]
