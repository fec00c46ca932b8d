"""Clause breaks and the negating words of events.context, on hand-made sentences."""

from marsad.actors.text import words
from marsad.events import context


def _breaks(text: str) -> list[str]:
    """The words a clause break comes before."""
    toks = words(text)
    return [w for i, (_, _, w) in enumerate(toks) if context.is_boundary(text, toks, i)]


def test_punctuation_and_subordinators_break_clauses() -> None:
    assert _breaks("قصفت الطائرات البلدة؛ وقتل خمسة") == ["وقتل"]
    assert _breaks("قصفت الطائرات البلدة: وقتل خمسة") == ["وقتل"]
    assert _breaks("قصفت الطائرات البلدة\nوقتل خمسة") == ["وقتل"]
    assert _breaks("قصفت الطائرات البلدة حيث قتل خمسة") == ["حيث"]
    assert _breaks("قصفت الطائرات البلدة، وقتل خمسة") == []  # a comma joins


def test_an_ellipsis_and_the_centre_of_a_place_do_not_break() -> None:
    assert _breaks("قال إن القصف... استمر") == []
    assert _breaks("قال إن القصف. استمر") == ["استمر"]
    assert _breaks("في مدينة حمص (وسط سوريا) قصف") == []
    assert _breaks("في وسط المدينة قصف") == []
    assert _breaks("اندلعت اشتباكات وسط حالة من الذعر") == ["وسط"]


def test_negates_remembers_what_it_computes() -> None:
    sample = ["لن", "سيشن", "تنفيذ", "تنفي", "ونفت", "يخططون", "الغارات", "سيطرت", "المزعوم", "قتل"]
    context._negates.cache_clear()
    first = [context._negates(w) for w in sample]
    assert first == [context._negates.__wrapped__(w) for w in sample]
    assert first == [True, True, False, True, True, True, False, False, True, False]
    assert first == [context._negates(w) for w in sample]  # read back from the cache
    assert context._negates.cache_info().hits == len(sample)
