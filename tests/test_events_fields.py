"""Actors, tolls and confidence on sentences written for this file (default pipeline
without the entity tagger): the weakest fields on unseen articles."""

from __future__ import annotations

from datetime import date

import pytest

from coding import code
from marsad.actors.linker import link_text
from marsad.actors.text import words
from marsad.events.abroad import adjective_country
from marsad.events.attribution import civilian_victims
from marsad.events.coder import Draft
from marsad.events.confidence import FEATURES, SIGNS, event_features, predict, weights
from marsad.events.fatalities import count_deaths
from marsad.events.merge import merge_drafts
from marsad.events.triggers import find_triggers
from marsad.model import Place, Span


@pytest.mark.parametrize("phrase, deaths", [
    ("استهدفت الغارة موقعا عسكريا دون أن تسفر عن سقوط قتلى أو جرحى", 0),
    ("ولم يسفر القصف عن وقوع ضحايا", 0),
    ("لا يقل عدد القتلى عن 20 شخصا", 20),
    ("قتل وأصيب عدد من المدنيين في القصف", 3),
    ("طفل قتل وأصيب أربعة مدنيين في القصف", 1),
    ("قتل ما لا يقل عن 14 مدنيا في الغارات", 14),
    ("أن 30 شخصا على الأقل سقطوا قتلى ليل الخميس في غارات", 30),
    ("ومن بين الضحايا تسع نساء وخمسة أطفال", None),
])
def test_tolls(phrase: str, deaths: int | None) -> None:
    assert count_deaths(words(phrase)) == deaths


def test_civilians_killed_past_an_approximator() -> None:
    assert civilian_victims(words("قتل ما لا يقل عن 17 مدنيا جراء قصف مدفعي على البلدة"))
    assert not civilian_victims(words("قتل ما لا يقل عن 14 عنصرا من قوات النظام"))


def test_high_explosive_is_no_blast() -> None:
    kinds = {h.definition.sub_event_type for h in find_triggers(words("قصفت البلدة بصواريخ شديدة الانفجار"))}
    assert "Remote explosive/landmine/IED" not in kinds


def test_dead_of_a_strike_on_no_named_side_are_civilians() -> None:
    (event,) = code("قتل سبعة أشخاص، أمس الثلاثاء، في غارات جوية روسية على بلدة سراقب بريف إدلب.")
    assert (event.actor1, event.actor2, event.fatalities) == (
        "Military Forces of Russia (2000-)", "Civilians (Syria)", 7)


def test_subject_named_by_nationality_before_the_verb() -> None:
    events = code("وقالت مصادر محلية إن المعسكر الروسي المتمركز جنوبي مدينة حلفايا استهدف أمس الثلاثاء "
                  "بلدة سراقب بريف إدلب بصواريخ ثقيلة.")
    assert [e.actor1 for e in events] == ["Military Forces of Russia (2000-)"]


def test_confidence_table_keeps_the_expected_signs() -> None:
    _, w = weights()
    assert set(w) == set(FEATURES)
    assert all(SIGNS[k] * v >= 0 for k, v in w.items())


def test_confidence_ranks_better_evidence_higher() -> None:
    weak = event_features([frozenset({"undated", "borrowed"})], 2, "")
    strong = event_features([frozenset({"strong", "dated", "named"}), frozenset({"strong"})], 1, "X")
    assert 0.0 < predict(weak) < predict(strong) < 1.0


def test_unattributed_missiles_on_the_army_are_the_western_striker_named_in_the_story() -> None:
    missiles = "وقالت وكالة الأنباء الرسمية إن عددا من الصواريخ استهدف مستودعات للجيش السوري في مدينة حمص فجر الثلاثاء."
    (event,) = code("وأعلنت وزارة الدفاع أن الضربات التي نفذتها الولايات المتحدة فجر الثلاثاء استمرت ساعة. " + missiles)
    assert (event.actor1, event.actor2) == ("Military Forces of the United States", "Military Forces of Syria (2000-)")
    (denied,) = code(missiles + " ونفت الولايات المتحدة أي علاقة لها بالأمر.")
    assert denied.actor1.startswith("Unidentified")


def test_a_battle_takes_the_opponent_named_in_another_report_of_the_same_fight() -> None:
    town = Place(0, 4, "سقبا", "سقبا", "Saqba", "SY", pcode="C9", geo_precision=1)
    day = date(2018, 3, 17)

    def draft(sub: str, actor2: str, inter2: int) -> Draft:
        return Draft(sub, day, 1, town, "Military Forces of Syria (2000-)", 1, actor2, inter2, 0, Span(0, 4), 0.7)

    events = merge_drafts([draft("Government regains territory", "", 0), draft("Armed clash", "Faylaq al-Rahman", 2)], "a")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Government regains territory", "Faylaq al-Rahman")]
    two = merge_drafts([draft("Government regains territory", "", 0), draft("Armed clash", "Faylaq al-Rahman", 2),
                        draft("Armed clash", "Jaish al-Islam", 2)], "a")
    assert ("Government regains territory", "") in [(e.sub_event_type, e.actor2) for e in two]


def test_a_named_attacker_is_not_lent_to_a_strike_on_its_own_forces() -> None:
    # the inferred Russian strike on the Syrian army keeps its attacker: the Syrian army named
    # in another report of the day is that strike's target, not its author (no army attacks itself)
    town = Place(0, 4, "سقبا", "سقبا", "Saqba", "SY", pcode="C9", geo_precision=1)
    day = date(2018, 3, 17)
    inferred = Draft("Air/drone strike", day, 1, town, "Military Forces of Russia (2000-)", 8,
                     "Military Forces of Syria (2000-)", 1, 0, Span(0, 4), 0.9, frozenset({"inferred"}))
    named = Draft("Air/drone strike", day, 1, town, "Military Forces of Syria (2000-)", 1, "", 0, 0, Span(5, 9), 0.7,
                  frozenset({"named"}))
    events = merge_drafts([inferred, named], "a")
    assert ("Military Forces of Russia (2000-)", "Military Forces of Syria (2000-)") in [(e.actor1, e.actor2) for e in events]
    assert all(e.actor1 != e.actor2 for e in events)


def test_aircraft_a_source_believes_foreign_are_that_states() -> None:
    (actor,) = link_text("وقال مدير المرصد إن طائرات حربية يرجح أنها روسية قصفت البلدة")
    assert actor.name == "Military Forces of Russia (2000-)" and actor.text.endswith("روسية")
    assert [adjective_country(w) for w in ("روسيه", "التركي", "ليبي")] == ["Russia", "Turkey", "Libya"]


def test_an_inferred_attacker_yields_to_the_one_a_later_sentence_names() -> None:
    events = code("قتل 30 شخصا على الأقل، أمس الثلاثاء، في غارات جوية على بلدة سراقب بريف إدلب. "
                  "وقال مدير المرصد إن طائرات حربية يرجح أنها روسية استهدفت بلدة سراقب بريف إدلب.")
    assert [(e.actor1, e.fatalities) for e in events] == [("Military Forces of Russia (2000-)", 30)]


def test_the_speaker_is_no_side_and_a_country_after_inna_is_the_attacker() -> None:
    (event,) = code("وكانت إسرائيل قالت إن إيران أطلقت، فجر الثلاثاء، 15 صاروخا على قواعد عسكرية إسرائيلية "
                    "في مرتفعات الجولان. وبين المرصد بعد ساعات أن الضربات الإسرائيلية أسفرت عن مقتل 23 عنصرا.")
    assert (event.actor1, event.actor2) == ("Military Forces of Iran (1989-)", "Military Forces of Israel")
    assert event.fatalities == 0  # the toll of Israel's strikes is not the toll of Iran's rockets


def test_a_lead_that_names_the_shelling_and_its_attacker_reports_it() -> None:
    (event,) = code("أعلنت مصادر طبية في مدينة سراقب السورية توقف المستشفى الوحيد في المدينة عن العمل نتيجة "
                    "القصف المدفعي والجوي العنيف لقوات النظام السوري على المدينة.")
    assert (event.event_type, event.actor1, event.location) == (
        "Explosions/Remote violence", "Military Forces of Syria (2000-)", "Saraqab")
    assert code("وأعلنت مصادر طبية توقف المستشفى الوحيد عن العمل نتيجة القصف العنيف على المدينة.") == []


def test_civilians_abducted_by_a_named_group() -> None:
    (event,) = code("وقال المرصد إن 20 مدنيا خطفوا الثلاثاء من بلدة سراقب بريف إدلب على يد تنظيم الدولة الإسلامية.")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Abduction/forced disappearance", "Islamic State (Syria)", "Civilians (Syria)")


def test_self_detonation_is_a_suicide_bomb_and_a_verdict_is_no_event() -> None:
    (event,) = code("وذكر رئيس الشرطة أن امرأة وطفليها فجروا أنفسهم في إحدى الكنائس في مدينة سراقب أمس الثلاثاء.")
    assert (event.sub_event_type, event.location) == ("Suicide bomb", "Saraqab")
    assert code("قضت المحكمة العسكرية في دمشق، الثلاثاء، بإعدام 17 متهما في وقائع تفجير كنائس في مدينة حمص.") == []


def test_a_government_takeover_after_a_deal_is_still_a_regain_unless_a_handover_is_told() -> None:
    # a deal earlier in the story does not make the army's takeover a handover (pooled dev sets:
    # the inference got 1 event right and 3 wrong); a town handed over says so («سلمت»، «تسلمت»)
    (taken,) = code("وكانت الفصائل قد وافقت على اتفاق تسوية الأسبوع الماضي. "
                    "وسيطرت قوات النظام، الثلاثاء، على بلدة الحراك من فصائل المعارضة.")
    assert (taken.sub_event_type, taken.actor1, taken.actor2) == (
        "Government regains territory", "Military Forces of Syria (2000-)", "Opposition Rebels (Syria)")


def test_missiles_of_a_state_that_strikes_syria_from_the_air_are_an_air_strike() -> None:
    (event,) = code("واستهدف هجوم صاروخي إسرائيلي فجر الثلاثاء مطار التيفور العسكري قرب حمص.")
    assert (event.actor1, event.sub_event_type) == ("Military Forces of Israel", "Air/drone strike")
    (ground,) = code("وقصفت المدفعية الإسرائيلية فجر الثلاثاء مطار التيفور العسكري قرب حمص بالصواريخ.")
    assert ground.sub_event_type == "Shelling/artillery/missile attack"
