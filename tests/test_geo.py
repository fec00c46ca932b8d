"""Geocoder behaviour on sentences written for these tests (news style)."""

from __future__ import annotations

import pytest

from marsad.geo import geocode_text, lookup
from marsad.geo.gazetteer import gazetteer
from marsad.geo.text import key, strip_variants
from marsad.model import Article, Entity


def places(text: str) -> list[tuple[str, str, int, str]]:
    """(mention text, reference, precision, feature) for each resolved place."""
    return [
        (p.text, p.pcode or str(p.geonames_id), p.geo_precision, p.feature)
        for p in geocode_text(text)
    ]


def refs(text: str) -> list[str]:
    return [r for _, r, _, _ in places(text)]


def test_lookup_folds_spelling_variants() -> None:
    assert key("سورية") == key("سوريه")
    assert [c.geonames_id for c in lookup("سورية")][:1] == [163843]
    assert [c.pcode for c in lookup("اعزاز")][:1] == [c.pcode for c in lookup("إعزاز")][:1]
    assert lookup("أمريكا")[0].geonames_id == lookup("الولايات المتحدة")[0].geonames_id


def test_lookup_is_a_key_index() -> None:
    gaz = gazetteer()
    assert "حلب" in gaz.index
    # every Syrian community name is reachable through its own key
    missing = [c.name_ar for c in gaz.entries[:2000] if c.feature == "community"
               and c not in gaz.get(key(c.name_ar.split("_")[0]))]
    assert missing == []


def test_proclitics_are_stripped_with_offsets() -> None:
    assert (2, "الرقه") in strip_variants("وبالرقه")
    assert (1, "الرقه") in strip_variants("للرقه")
    text = "سقطت قذائف على وحلب وبإدلب وفي الرقة وللرقة."
    found = places(text)
    assert [t for t, *_ in found] == ["حلب", "إدلب", "الرقة", "لرقة"]
    for p in geocode_text(text):
        assert text[p.start : p.end] == p.text


def test_multi_word_names() -> None:
    text = "وصلت تعزيزات إلى جسر الشغور ومعرة النعمان ثم إلى دير الزور وتل رفعت."
    assert refs(text) == ["C4199", "C3985", "SY09", "C1621"]


def test_countryside_and_governorate_constructions() -> None:
    found = places("قصفت الطائرات ريف حلب الشمالي وأرياف حماة واللاذقية.")
    assert [(r, prec) for _, r, prec, _ in found] == [("SY02", 3), ("SY05", 3), ("SY06", 3)]
    found = places("دارت اشتباكات في محافظة إدلب وفي مدينة إدلب.")
    assert [(r, f) for _, r, _, f in found] == [("SY07", "admin1"), ("C3871", "community")]


def test_near_gives_precision_two_and_area_of_a_town_one() -> None:
    # «منطقة X» of a town is coded to the town (issue 6); «قرب/جنوب X» stays 2
    found = places("انفجرت عبوة قرب مدينة منبج، واندلعت اشتباكات في منطقة تل رفعت شمالي سوريا.")
    assert [(r, prec) for _, r, prec, _ in found] == [("C1767", 2), ("C1621", 1), ("163843", 3)]
    found = places("دارت معارك عنيفة جنوب بلدة أبو الظهور وفي منطقة أبو الظهور بإدلب.")
    assert [(r, prec) for _, r, prec, _ in found] == [("C3891", 2), ("C3891", 1), ("SY07", 3)]


def test_town_preferred_over_subdistrict_of_same_name() -> None:
    assert refs("انفجرت سيارة مفخخة في عفرين.") == ["C1366"]
    assert refs("سيطرت القوات على ناحية تل رفعت.") == ["SY020402"]
    assert refs("سيطرت القوات على بلدة تل رفعت.") == ["C1621"]


def test_same_name_villages_use_context() -> None:
    # Duma of Rural Damascus, not the villages of Hama or As-Sweida
    found = geocode_text("قصفت القوات الغوطة الشرقية واستهدفت مدينة دوما.")
    assert [(p.feature, p.admin1) for p in found] == [("region", "Rural Damascus"), ("community", "Rural Damascus")]
    assert found[1].pcode == "C2338"


def test_common_words_need_evidence() -> None:
    assert refs("دعا المتظاهرون إلى الحرية والسلام وفتح الباب أمام الحوار.") == []
    assert "C1202" in refs("تقدمت القوات التركية نحو مدينة الباب في ريف حلب.")


def test_org_names_and_adjectives_are_not_places() -> None:
    text = "أعلنت قوات سوريا الديمقراطية وهيئة تحرير الشام أن مصادر سورية أكدت الخبر."
    assert refs(text) == []
    assert refs("وصل وفد إلى سورية.") == ["163843"]


def test_capital_standing_for_government_is_marked() -> None:
    found = places("واشنطن ترفض الاتهامات، وعقدت قمة في موسكو، والقوات المدعومة من أنقرة تتقدم.")
    assert [(t, f) for t, _, _, f in found] == [
        ("واشنطن", "capital_metonym"), ("موسكو", "capital"), ("أنقرة", "capital_metonym")
    ]


def test_dateline_country_picks_the_city() -> None:
    assert refs("عمان، الأردن (وكالات) -- أعلنت الحكومة")[:1] == ["250441"]


def test_entities_veto_and_support() -> None:
    text = "قال مصطفى إن الوضع هادئ."
    person = Entity(start=4, end=9, text="مصطفى", label="PERS", score=0.9)
    article = Article.create(text, id="x")
    from dataclasses import replace

    from marsad.geo.step import geocode_article

    assert geocode_article(replace(article, entities=(person,))).places == ()


@pytest.mark.parametrize("name", ["عفرين", "تل رفعت", "أبو الظهور", "حميميم", "موسكو", "تركيا"])
def test_seed_names_are_in_the_gazetteer(name: str) -> None:
    assert lookup(name)


def test_story_set_abroad_keeps_syrian_villages_out() -> None:
    text = "سقطت قذائف على حي الروضة شرقي مدينة تعز جنوب غربي اليمن."
    assert [p.country for p in geocode_text(text)] == ["Yemen", "Yemen"]


def test_verb_after_a_comma_does_not_make_a_metonym() -> None:
    found = places("دارت معارك جنوبي العاصمة الليبية طرابلس، استخدمت فيها المدفعية.")
    assert [(t, f) for t, _, _, f in found] == [("طرابلس", "capital")]
    found = places("أعلنت أنقرة أنها سترد، فيما حذرت طهران من التصعيد.")
    assert [f for *_, f in found] == ["capital_metonym", "capital_metonym"]


def test_news_spellings_of_towns() -> None:
    assert refs("دخلت الحافلات إلى الدوما وخرج الجرحى من دومة.") == ["C2338", "C2338"]
    assert refs("قال: استعدي يا روسيا.") == ["2017370"]
    assert refs("قال إنه سيبقى معنا دوماً.") == []


def test_airbases_are_filed_under_their_community_at_precision_two() -> None:
    found = places("قصفت طائرات حربية مطار التيفور العسكري في ريف حمص الشرقي فجر اليوم.")
    assert found[0] == ("مطار التيفور", "C2662", 2, "airbase")
    assert refs("وسقطت صواريخ على قاعدة T-4 الجوية وسط سوريا.")[0] == "C2662"
    # Aleppo's airport, not the village Nayrab of Idleb; Kweires airbase of Aleppo, not Kweires of Idleb
    assert refs("هبطت طائرة شحن في مطار النيرب العسكري شرقي حلب.")[0] == "C1007"
    assert refs("انسحبت القوات من محيط مطار كويرس العسكري في سوريا.")[0] == "C1294"
    assert refs("دخلت الفصائل بلدة كويرس بريف إدلب الجنوبي.")[0] == "C3979"
    assert places("وصل وفد عسكري إلى قاعدة حميميم الجوية في اللاذقية.")[0][1:] == ("C3588", 2, "airbase")


@pytest.mark.parametrize("quoted", ['"تيفور"', "«تيفور»", "“تيفور”", '"التيفور"'])
def test_a_quoted_name_after_a_facility_noun_is_the_facility(quoted: str) -> None:
    # quoted as the unquoted form: facility + name, the airbase, not a bare village
    found = places(f"قصفت طائرات حربية مطار {quoted} العسكري في ريف حمص الشرقي.")
    assert found[0] == (f"مطار {quoted[:-1]}", "C2662", 2, "airbase")
    assert places('وصل وفد عسكري إلى قاعدة "حميميم" الجوية في اللاذقية.')[0][1:] == ("C3588", 2, "airbase")


def test_a_quote_across_a_line_break_does_not_join_words() -> None:
    assert not [p for p in places('قصفت الطائرات مطار\n"تيفور" اليوم.') if p[3] == "airbase"]


def test_news_spellings_missing_from_ocha() -> None:
    assert refs("تعرضت بلدة حمورية في الغوطة الشرقية لقصف مدفعي.")[0] == "C2316"
    assert refs("وخرج مدنيون من الشيفونية في الغوطة الشرقية.")[0] == "C2334"


def test_palestinian_regions_are_regions_not_the_country() -> None:
    found = places("شهد قطاع غزة مسيرات غاضبة، وامتدت المواجهات إلى الضفة الغربية.")
    assert [(t, f, prec) for t, _, prec, f in found] == [("قطاع غزة", "region", 3), ("الضفة الغربية", "region", 3)]


@pytest.mark.parametrize("text, word", [
    ("وأورد التقرير أسماء الضحايا في دمشق.", "أورد"),
    ("أسقطت الدفاعات طائرة من طراز سوخوي فوق حماة.", "طراز"),
    ("فرض الجيش حصارا خانقا على البلدة منذ أشهر في ريف دمشق.", "حصار"),
    ("وقال مصدر مقرب من الأسد إن القصف طال حماة.", "الأسد"),
    ("وأعلنت منظمة الخوذ البيضاء انتشال جثث من تحت الأنقاض في إدلب.", "البيضاء"),
    ("سقطت قذيفة على مدرسة ابتدائية في مدينة درعا.", "مدرسة"),
])
def test_common_words_are_not_places_even_when_tagged(text: str, word: str) -> None:
    start = text.index(word)
    # the tagger's LOC over the word, or over the longer name holding it
    wide = text.index("الخوذ") if word == "البيضاء" else start
    for ent in (Entity(start, start + len(word), word, "LOC"), Entity(wide, start + len(word), "", "LOC"), None):
        found = geocode_text(text, (ent,) if ent else ())
        assert not [p for p in found if p.start <= start < p.end], (word, ent)


def test_a_name_after_a_water_body_is_not_the_town() -> None:
    assert refs("اقتربت الطائرة من بحيرة طبريا في إسرائيل.") == ["294640"]
    assert refs("وصلت التعزيزات إلى مدينة طبريا في إسرائيل.")[0] != "294640"


def test_capital_by_country_code() -> None:
    from marsad.geo import capital

    baghdad, paris = capital("IQ"), capital("FR")
    assert baghdad is not None and (baghdad.name_en, baghdad.feature) == ("Baghdad", "capital")
    assert paris is not None and paris.name_en == "Paris" and paris.latitude is not None
    assert capital("SY") is None  # Syria's places are OCHA's communities, not GeoNames cities
    assert capital("XX") is None


def test_gazetteer_rows_become_candidates_by_field_name(tmp_path) -> None:
    """``Gazetteer.load`` builds its entries column by column: each row gives the candidate
    its fields name (in the file's order), repeated strings are shared, other fields refused."""
    import dataclasses
    import gzip
    import json

    from marsad.geo.gazetteer import Candidate, Gazetteer

    names = [f.name for f in dataclasses.fields(Candidate)][::-1]
    values = {"name_ar": "تل عرن", "name_en": "Tal Aran", "feature": "community", "country": "Syria",
              "admin1": "Aleppo", "admin2": "As-Safira", "admin3": "Tal Aran", "pcode": "C1234",
              "geonames_id": 0, "latitude": 36.1, "longitude": None, "rank": 2, "cc": "SY"}
    rows = [[values[n] for n in names], [{**values, "name_en": "Tell Aran", "latitude": None}[n] for n in names]]
    path = tmp_path / "gaz.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"fields": names, "entries": rows, "index": {"تل عرن": [0, 1]}}).encode()))
    gaz = Gazetteer.load(path)
    assert gaz.entries == [Candidate(**dict(zip(names, row, strict=True))) for row in rows]
    assert gaz.entries[0].country is gaz.entries[1].country and gaz.get("تل عرن") == gaz.entries
    rows[1][names.index("admin3")] = None  # a null in a text column: kept, as before eb0c80c
    path.write_bytes(gzip.compress(json.dumps({"fields": names, "entries": rows, "index": {}}).encode()))
    assert Gazetteer.load(path).entries[1].admin3 is None
    path.write_bytes(gzip.compress(json.dumps({"fields": [*names[:-1], "elevation"], "entries": rows, "index": {}}).encode()))
    with pytest.raises(ValueError, match="elevation"):
        Gazetteer.load(path)
