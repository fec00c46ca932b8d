"""The quote scorer's matching rule, speaker rule and report, and the gold checker, on
hand-made records whose scores are known."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.cli import main
from marsad.eval.quotes import check_gold, matches, quote_head, same_speaker, score


def q(start: int, end: int, kind: str = "direct", speaker: str = "بوتين", art: str = "a") -> dict[str, object]:
    return {"article_id": art, "start": start, "end": end, "kind": kind, "speaker": speaker}


def test_spans_match_when_they_overlap_by_half_the_shorter() -> None:
    assert matches(q(0, 10), q(5, 40))  # 5 of the shorter 10
    assert not matches(q(0, 10), q(6, 40))  # 4 of 10
    assert matches(q(0, 100), q(40, 50))  # inside
    assert not matches(q(0, 10), q(10, 20))  # touching is no overlap


def test_speakers_are_the_same_when_one_contains_the_others_words() -> None:
    assert same_speaker("الرئيس الروسي فلاديمير بوتين", "بوتين")
    assert same_speaker("الخارجية الروسية", "وزارة الخارجية الروسية")
    assert same_speaker("أردوغان", "اردوغان")  # hamza folded
    assert same_speaker("للمرصد السوري", "المرصد السوري لحقوق الإنسان")
    assert same_speaker("وبوتين", "بوتين")
    assert not same_speaker("بوتين", "أردوغان")
    assert not same_speaker("وزارة الدفاع", "وزارة الخارجية")
    assert not same_speaker("", "بوتين")


GOLD = [q(0, 100), q(200, 300, "reported", "أردوغان"), {"article_id": "b", "no_quotes": True}]
SYSTEM = [q(10, 100, speaker="الرئيس بوتين"), q(210, 260, speaker="وزارة الخارجية"),
          q(0, 50, art="b"), {"article_id": "c", "no_quotes": True}]


def test_scores_with_no_quotes_lines_on_either_side() -> None:
    s = score(SYSTEM, GOLD)
    assert (s.tp, s.n_system, s.n_gold) == (2, 3, 2)  # b's quote is false; c's no_quotes line is no quote
    assert (s.speaker_ok, s.kind_ok) == (1, 1)
    assert abs(s.jaccard_sum - (0.9 + 0.5)) < 1e-9
    assert abs(s.f1 - 0.8) < 1e-9


def test_matching_is_one_to_one_most_overlapping_first() -> None:
    s = score([q(0, 60), q(20, 100)], [q(10, 100)])
    assert (s.tp, s.n_system, s.n_gold) == (1, 2, 1)
    assert abs(s.jaccard_sum - 80 / 90) < 1e-9  # (20, 100) against (10, 100), not (0, 60)


def test_cli_report_from_an_articles_file(tmp_path: Path, capsys: object) -> None:
    gold_path, sys_path = tmp_path / "gold.jsonl", tmp_path / "sys.jsonl"
    gold_path.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in GOLD), encoding="utf-8")
    by_art: dict[object, list[dict[str, object]]] = {}
    for x in SYSTEM:
        if not x.get("no_quotes"):
            by_art.setdefault(x["article_id"], []).append({k: v for k, v in x.items() if k != "article_id"})
    sys_path.write_text("\n".join(json.dumps({"id": a, "quotes": qs}, ensure_ascii=False)
                                  for a, qs in by_art.items()), encoding="utf-8")
    assert main(["eval", "quotes", "--gold", str(gold_path), "--system", str(sys_path)]) == 0
    out = capsys.readouterr().out.strip().splitlines()  # type: ignore[attr-defined]
    assert out[0] == "gold quotes: 2  system quotes: 3  matched: 2"
    assert out[1:] == ["precision: 0.667", "recall: 1.000", "speaker_accuracy: 0.500",
                       "kind_accuracy: 0.500", "span_jaccard: 0.700", "quote_f1: 0.80"]


TEXT = 'وقال الوزير: «الوضع في المدينة هادئ تماماً». وأكد المتحدث أن القوات انسحبت من البلدة.'


def _line(first: str, end_at: str, kind: str = "direct", **kw: object) -> dict[str, object]:
    start = TEXT.index(first)
    end = TEXT.index(end_at) + len(end_at)
    return {"article_id": "x", "kind": kind, "speaker": "الوزير", "quote_text": quote_head(TEXT, start, end),
            "start": start, "end": end, **kw}


def test_quote_head_is_the_first_words_as_written() -> None:
    long_text = " ".join(f"w{i}" for i in range(30))
    assert quote_head(long_text, 0, len(long_text)) == " ".join(f"w{i}" for i in range(15))
    start = TEXT.index("الوضع")
    assert quote_head(TEXT, start, start + len("الوضع في")) == "الوضع في"  # a short quote whole


def test_gold_checker_accepts_a_good_file_and_names_each_fault() -> None:
    texts = {"x": TEXT, "y": "نص بلا اقتباس."}
    good = [_line("الوضع", "تماماً"), _line("القوات", "البلدة", "reported"), {"article_id": "y", "no_quotes": True}]
    assert check_gold(good, texts, ["x", "y"]) == []
    bad = [
        {**_line("الوضع", "تماماً"), "quote_text": "الوضع في القرية"},
        {**_line("القوات", "البلدة", "reported"), "end": len(TEXT) + 5},
        _line("«الوضع", "تماماً»"),
        {**_line("القوات", "البلدة"), "kind": "indirect"},
        {"article_id": "x", "no_quotes": True},
        {"article_id": "z", "no_quotes": True},
    ]
    errors = check_gold(bad, texts, ["x", "y"])
    assert any(e.startswith("line 1: quote_text is not the text") for e in errors)
    assert any(e.startswith("line 2: offsets") for e in errors)
    assert "line 3: span starts or ends with a space or quotation mark" in errors
    assert any(e.startswith("line 4: kind 'indirect'") for e in errors)
    assert "line 6: unknown article_id 'z'" in errors
    assert "x: a no_quotes line beside quotes" in errors
    assert "y: listed but missing" in errors


def test_cli_runs_the_pipeline_on_the_gold_articles(tmp_path: Path, capsys: object) -> None:
    """Without --system the gold's articles are read from --news by docno and analysed;
    an article not in the gold is not read."""
    news, gold_path = tmp_path / "news.jsonl", tmp_path / "gold.jsonl"
    rows = [{"docno": "x", "time": "2018-05-01", "title": "", "text": TEXT},
            {"docno": "w", "time": "2018-05-01", "title": "", "text": TEXT}]
    news.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    gold = [_line("الوضع", "تماماً"), {**_line("القوات", "البلدة", "reported"), "speaker": "المتحدث"}]
    gold_path.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in gold), encoding="utf-8")
    assert main(["eval", "quotes", "--gold", str(gold_path), "--news", str(news)]) == 0
    out = capsys.readouterr().out.strip().splitlines()  # type: ignore[attr-defined]
    assert out[0] == "gold quotes: 2  system quotes: 2  matched: 2"
    assert out[-1] == "quote_f1: 1.00"
