"""Actor knowledge base and linker on sentences written for the project."""

from __future__ import annotations

from marsad.actors import link_text, load_kb
from marsad.actors.kb import by_name, inter_for, resolve_name
from marsad.events.ontology import interaction


def names(text: str, country: str = "Syria") -> list[str]:
    return [a.name for a in link_text(text, country)]


def test_kb_covers_the_theatres_and_has_valid_inter_codes() -> None:
    kb = load_kb()
    assert all(1 <= a.inter <= 8 for a in kb)
    homes = {a.country for a in kb}
    assert {"Syria", "Iraq", "Yemen", "Libya", "Palestine"} <= homes
    assert len({a.name for a in kb}) == len(kb)


def test_clitics_and_longest_match() -> None:
    text = "اندلعت اشتباكات بين لقوات النظام ووحدات حماية الشعب الكردية وهيئة تحرير الشام"
    assert names(text) == [
        "Military Forces of Syria (2000-)",
        "YPG: Kurdish People's Protection Units",
        "Hayat Tahrir al-Sham",
    ]


def test_foreign_state_forces_are_external_in_syria() -> None:
    actors = link_text("قصفت المدفعية التركية مواقع قرب البلدة", "Syria")
    assert actors[0].name == "Military Forces of Turkey (2016-)"
    assert actors[0].inter == 8
    home = link_text("اعتقلت القوات التركية عشرة أشخاص في إسطنبول", "Turkey")
    assert home[0].inter == 1


def test_generic_actors_take_the_country() -> None:
    assert names("قتل ثلاثة مدنيين", "Iraq") == ["Civilians (Iraq)"]
    assert names("هاجم مسلحون مجهولون حاجزا", "Yemen") == ["Unidentified Armed Group (Yemen)"]
    army = [a for a in load_kb() if a.name == "Military Forces of {country}"][0]
    assert resolve_name(army, "Iraq") == "Military Forces of Iraq (2014-)"
    assert inter_for(army, "Iraq") == 1


def test_offsets_point_at_the_mention() -> None:
    text = "وأعلن الحشد الشعبي السيطرة على القرية"
    actor = link_text(text, "Iraq")[0]
    assert text[actor.start : actor.end] == "الحشد الشعبي"
    assert actor.name == "Popular Mobilization Forces"


def test_interaction_codes() -> None:
    assert interaction(1, 2) == 12
    assert interaction(8, 2) == 28
    assert interaction(7, 1) == 17
    assert interaction(3, 0) == 30


def test_one_word_definite_aliases_need_the_article() -> None:
    assert names("أعلن تحالف من الأحزاب موقفه") == []
    assert names("قصف التحالف مواقع التنظيم") == ["Global Coalition Against Daesh"]
    assert names("شن التحالف غارات", "Yemen") == ["Operation Restoring Hope"]


def test_islamic_state_is_named_for_its_theatre() -> None:
    assert names("هاجم تنظيم داعش نقطة للجيش", "Iraq")[0] == "Islamic State (Iraq)"
    assert names("هاجم تنظيم داعش نقطة للجيش", "Syria")[0] == "Islamic State (Syria)"


def test_islamic_state_abroad_is_its_branch_in_that_country() -> None:
    # a country with no entry of its own in the base gets the group's branch named for it (ACLED's usage)
    group, iraq = by_name("Islamic State (Syria)"), by_name("Islamic State (Iraq)")
    assert group is not None and iraq is not None
    assert resolve_name(group, "France") == resolve_name(iraq, "FR") == "Islamic State (France)"
    assert resolve_name(iraq, "Syria") == "Islamic State (Syria)"  # the event's country, not the mention's
    assert resolve_name(group, "Lebanon") == "Islamic State (Syria)"  # the Syrian war's spill-over
    qaeda = by_name("Al Qaeda")
    assert qaeda is not None and resolve_name(qaeda, "France") == "Al Qaeda"  # no branches


def test_head_noun_anaphora_refers_to_the_last_group_with_that_head() -> None:
    text = ("أعلنت الجبهة الوطنية للتحرير أمس موقفها من الاتفاق. وكانت الجبهة قد بدأت سحب السلاح. "
            "وقالت هيئة تحرير الشام إن الهيئة لن تنسحب، وأكدت حركة أحرار الشام أن الحركة مستعدة.")
    found = [(a.text, a.name) for a in link_text(text)]
    assert ("الجبهة", "National Front for Liberation") in found
    assert ("الهيئة", "Hayat Tahrir al-Sham") in found
    assert ("الحركة", "Ahrar al-Sham") in found
    assert [n for t, n in link_text("وقالت الحركة في بيان إنها ترفض القرار.")] == []  # no group named before


def test_one_word_aliases_with_hamza_link() -> None:
    assert [a.name for a in link_text("قصفت إسرائيل مواقع قرب دمشق وأصيب أطفال.")] == [
        "Military Forces of Israel", "Civilians (Syria)"]


def test_the_bare_coalition_is_the_one_of_the_theatre() -> None:
    assert [a.name for a in link_text("شنت طائرات التحالف غارات على الحوثيين", "Yemen")][0] == "Operation Restoring Hope"
    assert [a.name for a in link_text("شنت طائرات التحالف غارات على داعش", "Syria")][0] == \
        "Global Coalition Against Daesh"
    assert [a.name for a in link_text("قال التحالف العربي إن طائرات التحالف قصفت")][1] == "Operation Restoring Hope"


def test_bare_rebels_in_a_yemen_story_are_the_houthis() -> None:
    houthis = "Military Forces of Yemen (2017-) Supreme Political Council"
    assert [a.name for a in link_text("وشن المتمردون قصفا مدفعيا على قرى الجريبة", "Yemen")] == [houthis]
    assert [a.name for a in link_text("وشن المتمردون قصفا مدفعيا على قرى", "Syria")] == []


def test_the_libyan_army_is_haftars_the_accord_government_is_named_by_it() -> None:
    assert [a.name for a in link_text("سيطرت قوات الجيش الليبي على مدينة درنة", "Libya")] == ["Libyan National Army"]
    assert [a.name for a in link_text("قصفت قوات حكومة الوفاق مواقع", "Libya")] == [
        "Military Forces of Libya (2016-) Government of National Accord"]


def test_kb_entries_carry_type_inter_and_country() -> None:
    generic = {a.name for a in load_kb() if "{country}" in a.name}
    for actor in load_kb():
        assert actor.actor_type in {"state", "rebel", "political militia", "identity militia", "external",
                                    "civilians", "protesters", "rioters"}, actor.name
        assert actor.country or actor.name in generic or actor.inter == 8 or actor.name == "Al Qaeda", actor.name


def test_theatre_groups_and_states_with_clitics_and_spellings() -> None:
    assert names("اشتباكات بين جيش خالد بن الوليد وقوات النظام") == [
        "Jaish Khalid Bin al Walid", "Military Forces of Syria (2000-)"]
    assert names("وقصفت ميليشيا فاطميون ولواء القدس البلدة") == ["Liwa Fatemiyoun", "Liwa al-Quds"]
    assert names("هاجمت عصائب أهل الحق ومنظمة بدر وكتائب حزب الله مواقع", "Iraq") == [
        "Asaib Ahl al-Haq", "Badr Organization", "Kataib Hezbollah"]
    assert names("تقدمت ألوية العمالقة بإسناد القوات الإماراتية", "Yemen") == [
        "Giants Brigades", "Military Forces of the United Arab Emirates"]
    assert names("اشتبكت قوة الردع الخاصة مع الكانيات", "Libya") == [
        "Rada Special Deterrence Force", "Al Kaniyat Militia"]
    assert names("أطلقت كتائب شهداء الأقصى وحركة فتح", "Palestine") == [
        "Al Aqsa Martyrs Brigade", "Fatah Movement"]
    assert names("وقصفت مقاتلات التحالف العربي مواقع لجماعة أنصار الله", "Yemen") == [
        "Operation Restoring Hope", "Military Forces of Yemen (2017-) Supreme Political Council"]


def test_a_deterrent_force_or_opened_fire_is_no_group() -> None:
    assert names("إن القوة لردع أي هجوم جاهزة", "Libya") == []
    assert names("فتح مسلحون النار على الحافلة", "Libya") == ["Unidentified Armed Group (Libya)"]


def test_the_islamic_state_and_al_qaeda_take_the_yemen_theatre() -> None:
    assert names("تبنى تنظيم داعش الهجوم", "Yemen") == ["Islamic State (Yemen)"]
    assert names("هاجم تنظيم القاعدة نقطة تفتيش", "Yemen") == ["AQAP: Al Qaeda in the Arabian Peninsula"]


def test_assads_regime_and_forces_by_his_name() -> None:
    assert names("قصفت قوات الرئيس بشار الأسد مواقع تسيطر عليها قوات مناوئة لنظام بشار الأسد") == [
        "Military Forces of Syria (2000-)", "Military Forces of Syria (2000-)"]
    assert names("قال الرئيس بشار الأسد إن الحرب انتهت") == []


def test_matching_forms_fold_letters_digits_and_marks() -> None:
    from marsad.actors.text import norm, words

    assert norm("إدلبُ") == "ادلب" and norm("المحافظة") == "المحافظه" and norm("مستشفى") == "مستشفي"
    assert norm("٢٠١٨") == "2018" and norm("ـكُ") == "ك" and norm("ک") == "ك"
    assert [w for _, _, w in words("قُتِل ٣ مدنيين في مُؤسسة")] == ["قتل", "3", "مدنيين", "في", "موسسه"]


def test_whole_text_words_are_remembered_per_text_object() -> None:
    from marsad.actors.text import text_words, words

    text = "قصفت الطائرات بلدة دوما. وقال المرصد إن ثلاثة قتلوا."
    first = text_words(text)
    assert first == words(text) and text_words(text) is first
    other = "".join(list(text))  # equal text, another object: its own words, equal
    assert text_words(other) is not first and text_words(other) == first
    assert text_words("وغادر الضيوف دمشق") == words("وغادر الضيوف دمشق")


def test_a_nationality_whose_country_name_begins_with_al_is_read() -> None:
    # «ألمانيا»/«ألبانيا»: the «أل» is part of the name, not an article to strip
    (police,) = link_text("وفتشت الشرطة الألمانية شقة في هامبورغ.", country="United Kingdom")
    assert (police.text, police.name) == ("الشرطة الألمانية", "Police Forces of Germany")
