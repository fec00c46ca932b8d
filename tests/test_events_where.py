"""events.where: the borrowed place of an event whose sentence names none (written examples)."""

from __future__ import annotations

from marsad.events import where
from marsad.model import Article, Place

TEXT = "قصف على بلدة كفرنبل. ثم اشتباكات في بلدة سراقب ثم في سراقب وكفرنبل.\nوقتل ثلاثة في الاشتباكات."


def _place(name: str, start: int, pcode: str, feature: str = "city") -> Place:
    return Place(start, start + len(name), name, name, name, "Syria", pcode=pcode, feature=feature)


def _at(name: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.index(name, pos + 1)
    return pos


def test_dominant_place_answers_for_the_places_it_is_given() -> None:
    article = Article.create(TEXT)
    kafr = (_place("كفرنبل", _at("كفرنبل"), "K"), _place("كفرنبل", _at("كفرنبل", 1), "K"),
            _place("سراقب", _at("سراقب"), "S"))
    saraqib = (_place("سراقب", _at("سراقب"), "S"), _place("سراقب", _at("سراقب", 1), "S"),
               _place("كفرنبل", _at("كفرنبل", 1), "K"))
    assert where.dominant_place(article, kafr) == kafr[0]
    assert where.dominant_place(article, saraqib) == saraqib[0]  # not the answer remembered for ``kafr``
    assert where.dominant_place(article, kafr) == kafr[0]
    assert where.dominant_place(article, saraqib[:1]) is None  # one passing mention, no headline


def test_preceding_place_is_the_nearest_usable_one_in_the_paragraph() -> None:
    article = Article.create(TEXT)
    places = (_place("كفرنبل", _at("كفرنبل"), "K"), _place("سوريا", _at("سراقب") - 5, "SY", "country"),
              _place("سراقب", _at("سراقب"), "S"), _place("كفرنبل", _at("كفرنبل", 1), "K"))
    assert where.preceding_place(article, places, _at("ثم")) == places[0]
    assert where.preceding_place(article, places, _at("ثم", 1)) == places[2]
    assert where.preceding_place(article, list(places), TEXT.index("\n") - 1) == places[3]
    assert where.preceding_place(article, places, TEXT.index("وقتل")) is None  # another paragraph
