"""The extract input contract: one validator, the same verdicts for the CLI and the API."""

from __future__ import annotations

import json
import re
import warnings
from datetime import UTC, datetime
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.contract import MAX_TEXT, ContractError, read_article

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.web.app import create_app

TOKEN = "contract-token"
TEXT = "نص قصير"  # written for these tests

# Raw input lines that break the contract, each with a word its message must hold.
BAD_LINES = [
    ("{not json", "invalid JSON"),
    (json.dumps(["a", "list"]), "object"),
    (json.dumps({"id": 7, "title": "بلا نص"}), "'text'"),
    (json.dumps({"id": "blank", "text": "   "}), "'text'"),
    (json.dumps({"id": "long", "text": "x" * (MAX_TEXT + 1)}), "longer"),
    (json.dumps({"id": ["x"], "text": TEXT}), "'id'"),
    (json.dumps({"id": True, "text": TEXT}), "'id'"),
    (json.dumps({"id": "t", "text": TEXT, "title": 5}), "'title'"),
    (json.dumps({"id": "s", "text": TEXT, "source": {"name": "x"}}), "'source'"),
    (json.dumps({"id": "d", "text": TEXT, "published": "يوم ما"}), "'published'"),
    ('{"id": NaN, "text": ' + json.dumps(TEXT) + "}", "NaN"),  # would become the id "nan"
    ('{"id": 1e400, "text": ' + json.dumps(TEXT) + "}", "'id'"),  # would become the id "inf"
]


def test_cli_and_api_refuse_the_same_records_with_the_same_messages(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(line + "\n" for line, _ in BAD_LINES), encoding="utf-8")
    assert main(["extract", "--input", str(src), "--output", str(out), "--workers", "1"]) == 0
    cli = [json.loads(line)["error"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(cli) == len(BAD_LINES)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    with TestClient(create_app(str(tmp_path / "api.db"), token=TOKEN)) as client:
        for n, ((line, word), cli_error) in enumerate(zip(BAD_LINES, cli, strict=True), 1):
            response = client.post("/api/articles", content=line.encode(), headers=headers)
            assert response.status_code == 400, line[:60]
            api_error = response.json()["error"]
            assert word in cli_error, cli_error
            assert cli_error.startswith(f"line {n}: ")
            assert re.sub(r"^(article 0|body): ", "", api_error) == cli_error[len(f"line {n}: ") :]


def test_unknown_fields_are_ignored_and_known_ones_read() -> None:
    record = {"id": 7, "text": TEXT, "docno": "X-1", "title": None, "published": "2019-01-24"}
    article = read_article(record)
    assert (article.id, article.text, article.title) == ("7", TEXT, "")
    assert article.published == datetime(2019, 1, 24)
    epoch = read_article({"text": TEXT, "published": 1548324000})
    assert epoch.published == datetime(2019, 1, 24, 10, 0, tzinfo=UTC)
    assert epoch.id == epoch.content_hash  # no id, no url: the text's hash is the key


def test_a_failed_record_keeps_what_could_be_read() -> None:
    with pytest.raises(ContractError) as exc:
        read_article({"id": "d", "text": TEXT, "published": "يوم ما"})
    failed = exc.value.failed("line 3")
    assert (failed.id, failed.text) == ("d", TEXT)
    assert failed.error is not None and failed.error.startswith("line 3: bad 'published'")
