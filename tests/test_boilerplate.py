"""Boilerplate removal on the seed report, the example corpus and own lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import read_inputs
from marsad.ingest.boilerplate import clean_article, clean_text, ends_article, is_boilerplate
from marsad.model import Article

REPO = Path(__file__).resolve().parent.parent
P1 = "قُتل خمسة مدنيين بقصف مدفعي على بلدة التمانعة في ريف إدلب الجنوبي."
P2 = "وقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت الأنقاض."


def test_seed_report_footer_removed_body_intact(shared_dir: Path) -> None:
    seed = next((shared_dir / "seed").glob("*.txt"))
    raw = seed.read_text(encoding="utf-8")
    lines = [line for line in raw.split("\n") if line.strip()]
    footer = lines[-2:]
    assert footer[0].startswith("اترك")  # the comment form the seed was scraped with
    cleaned = clean_text(raw)
    assert footer[0] not in cleaned and footer[1] not in cleaned
    body_end = raw.index(footer[0])
    assert cleaned == raw[:body_end].strip()  # everything before the footer, untouched
    [article] = read_inputs([str(seed)])
    assert clean_article(article).text == article.text[: article.text.index(footer[0])].strip()


@pytest.mark.parametrize(
    "line",
    [
        "اقرأ أيضاً: نزوح مئات العائلات من ريف حماة",
        "إقرأ ايضا",
        "للمزيد: تفاصيل الهجوم على الحاجز",
        "شارك",
        "شارك الخبر",
        "شارك على فيسبوك",
        "تابعونا على تويتر",
        "تابعوا آخر الأخبار عبر قناتنا على تلغرام",
        "اشترك في النشرة البريدية",
        "فيسبوك | تويتر | واتساب",
        "© 2019 جميع الحقوق محفوظة",
        "جميع الحقوق محفوظة لموقع الأخبار 2019",
        "الوسوم: سوريا، إدلب",
        "مواضيع ذات صلة",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)
    assert clean_text(f"{P1}\n\n{line}\n\n{P2}") == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "line",
    [
        "شارك الآلاف في تظاهرة وسط مدينة البصرة للمطالبة بتحسين الخدمات.",
        "وتابع المتحدث أن القوات الحكومية ستواصل عملياتها.",
        "تابع المحتجون اعتصامهم أمام مبنى المحافظة لليوم الثالث.",
        "انضم عشرات المقاتلين إلى قوات سوريا الديمقراطية الشهر الماضي، بحسب فيسبوك المجموعة.",
        "اخترنا لكم أبرز ما جاء في البيان الختامي للقمة.",
        "المزيد من القتلى سقطوا في القصف على الأحياء الشرقية.",
        "التعليقات على الحادثة كانت غاضبة في مواقع التواصل.",
    ],
)
def test_sentences_that_look_like_boilerplate_are_kept(line: str) -> None:
    assert not is_boilerplate(line) and not ends_article(line)
    assert clean_text(f"{P1}\n{line}\n{P2}") == f"{P1}\n{line}\n{P2}"


@pytest.mark.parametrize(
    "marker",
    [
        "اترك تعليقاً",
        "اترك رداً",
        "أضف تعليقك",
        "التعليقات (3)",
        "الآراء الواردة أدناه لا تعبر عن رأي الموقع بل عن أصحابها",
        "Leave a Reply",
    ],
)
def test_comment_form_ends_the_article(marker: str) -> None:
    text = f"{P1}\n\n{P2}\n\n{marker}\n\nالاسم *\n\nأحمد: رحم الله الشهداء"
    assert clean_text(text) == f"{P1}\n\n{P2}"


def test_long_lines_are_never_boilerplate() -> None:
    long_line = "اقرأ أيضاً " + " ".join([P1] * 4)
    assert not is_boilerplate(long_line)


def test_clean_article_keeps_hash_and_is_idempotent() -> None:
    raw = f"{P1}\n\nشارك\n\n{P2}\n\nاترك تعليقاً"
    article = Article.create(raw, id="x", title="عنوان")
    cleaned = clean_article(article)
    assert cleaned.text == f"{P1}\n\n{P2}"
    assert (cleaned.id, cleaned.title, cleaned.content_hash) == ("x", "عنوان", article.content_hash)
    assert clean_article(cleaned) is cleaned  # nothing left to clean: same object


def test_only_boilerplate_is_an_error() -> None:
    cleaned = clean_article(Article.create("شارك\nتابعونا على فيسبوك", id="y"))
    assert cleaned.error and "no article text" in cleaned.error


def test_example_corpus_reads_and_cleans() -> None:
    articles = list(read_inputs([str(REPO / "examples")]))
    assert len(articles) == 8 and all(a.error is None for a in articles)
    assert all(a.published is not None and a.published.year == 2019 for a in articles)
    assert all(a.title and a.id.startswith("example-2019-") for a in articles)
    cleaned = {a.id: clean_article(a) for a in articles}
    footer = cleaned["example-2019-008"]
    assert "اترك" not in footer.text and "البريد الإلكتروني" not in footer.text
    assert footer.text.endswith("للمطالبة بالإفراج عن المعتقلين.")
    for article in cleaned.values():
        assert not any(is_boilerplate(line) for line in article.text.split("\n"))
