"""Review of round eleven (issue #6): protest words are whole words (a drone «مسيّرة» and a refusal
«رفضه» are no protest), and an intervention is a grievance only with a crowd before it (sentences
written for this file; default pipeline without the entity tagger)."""

from __future__ import annotations

from coding import code
from marsad.actors.text import words
from marsad.events.placing import protested


def _protested(text: str, name: str) -> bool:
    return protested(words(text), text.index(name))


def test_drones_attacking_keep_their_target() -> None:
    (strike,) = code("وشنت طائرات مسيرة تركية، الخميس، غارات على مواقع وحدات حماية الشعب الكردية في قرية جنديرس.")
    assert strike.actor2 == "YPG: Kurdish People's Protection Units"


def test_what_a_crowd_protests_against_is_still_read() -> None:
    assert _protested("وخرجت مسيرة للأكراد، الأحد، ضد الهجمات التي يشنها الجيش التركي", "الجيش")
    assert _protested("خلال احتجاج للطلاب على قرار الحكومة", "الحكومة")
    assert _protested("في اعتصام ضد الجيش", "الجيش")


def test_a_refusal_or_a_drone_is_no_protest() -> None:
    assert not _protested("وجدد الجيش رفضه للهدنة ثم قصف على مواقع وحدات حماية الشعب", "وحدات")
    assert not _protested("وأغارت طائرات مسيرة، الخميس، على مواقع وحدات حماية الشعب", "وحدات")
    assert not _protested("وأغارت الطائرة المسيرة على مواقع الجيش", "الجيش")


def test_an_intervention_without_a_crowd_is_no_grievance() -> None:
    (strike,) = code("وقصفت الطائرات الروسية، الخميس، مقرا للتدخل السريع في بلدة كفرنبل بريف إدلب.")
    assert strike.location == "Kafr Nobol"
    (hit,) = code("وقتل ثلاثة مدنيين، الخميس، في غارات روسية استهدفت مركزا للتدخل الإنساني في بلدة كفرنبل بريف إدلب.")
    assert hit.location == "Kafr Nobol"
