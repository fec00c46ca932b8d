"""The Arabic layer on the project's seed report (read from ../shared at test time)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from marsad.arabic import normalize, split_sentences, tokenize
from marsad.arabic.dates import find_dates
from marsad.arabic.numbers import find_numbers
from marsad.arabic.step import annotate
from marsad.model import Article

PUBLISHED = datetime(2019, 1, 24, 12, 0)


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> str:
    path = shared_dir / "seed" / "putin-erdogan-moscow-summit.txt"
    if not path.is_file():
        pytest.skip(f"seed report not found: {path}")
    return path.read_text(encoding="utf-8")


def _stem_of(text: str, surface: str) -> str:
    for token in tokenize(text):
        if token.text == surface:
            return token.stem
    raise AssertionError(f"{surface} not in the seed")


def test_tokens_cover_the_text(seed: str) -> None:
    tokens = tokenize(seed)
    assert tokens
    for token in tokens:
        assert seed[token.start : token.end] == token.text
        assert token.start <= token.stem_start <= token.stem_end <= token.end
    for token in tokens:
        if token.stem in token.norm:  # not a restored ة (مدينته) or elided alef (للعراق)
            assert normalize(seed[token.stem_start : token.stem_end]) == token.stem


def test_seed_place_and_actor_stems(seed: str) -> None:
    assert _stem_of(seed, "بإدلب") == _stem_of(seed, "إدلب") == normalize("إدلب")
    assert _stem_of(seed, "واللاذقية") == _stem_of(seed, "اللاذقية")
    assert _stem_of(seed, "وحلب") == "حلب"
    assert _stem_of(seed, "وتركيا") == _stem_of(seed, "تركيا") == "تركيا"
    assert _stem_of(seed, "وإيران") == normalize("إيران")
    for whole in ("بوتين", "موسكو", "سوريا", "أنقرة"):
        assert _stem_of(seed, whole) == normalize(whole)


def test_seed_wednesday_resolves_to_the_day_before_publication(seed: str) -> None:
    found = find_dates(seed, PUBLISHED)
    wednesdays = [m for m in found if normalize(m.text) == "الاربعاء"]
    assert len(wednesdays) == len(re.findall("الأربعاء", seed))
    assert {m.date for m in wednesdays} == {date(2019, 1, 23)}
    next_month = [m for m in found if normalize(m.text) == "الشهر المقبل"]
    assert [(m.date, m.precision) for m in next_month] == [(date(2019, 2, 15), 3)]


def test_seed_vague_casualty_counts(seed: str) -> None:
    vague = [m for m in find_numbers(seed) if m.text == "عدد من"]
    assert len(vague) == seed.count("عدد من القتلى") > 0
    assert {(m.value, m.vague) for m in vague} == {(3, True)}


def test_seed_sentences_respect_quotes(seed: str) -> None:
    spans = split_sentences(seed)
    ends = {s.end for s in spans}
    inside_quote = seed.index("يثير القلق.") + len("يثير القلق.")
    assert inside_quote not in ends  # «... يثير القلق. الوضع في ...» is one quotation
    assert all(seed[s.start : s.end].strip() == seed[s.start : s.end] for s in spans)
    paragraphs = [p for p in seed.split("\n") if p.strip()]
    assert len(spans) >= len(paragraphs)


def test_seed_annotate(seed: str) -> None:
    article = annotate(Article.create(seed, published=PUBLISHED))
    assert article.language == "ar"
    assert len(article.tokens) == len(tokenize(seed))
    assert article.sentences == tuple(split_sentences(seed))
