"""Find a quote's offsets from copied words, so nobody counts characters.

One quote: python scripts/quotes_offsets.py ID "first words" ["last words"] [--after ANCHOR]
prints the gold line's ``start``, ``end`` and ``quote_text`` and the span's two ends to check.
A file: python scripts/quotes_offsets.py --jsonl IN.jsonl OUT.jsonl, where each IN line has
``article_id``, ``kind``, ``speaker``, ``from`` (the quote's first words) and optionally ``to``
(its last words), ``after`` (text before the quote, to pick a later occurrence) and
``occurrence``; ``no_quotes`` lines pass through. Without ``to`` the quote ends at the closing
quotation mark when it opens with one, else at the end of the sentence; check those ends.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from gold_locate import locate  # scripts/ is on sys.path when a script in it runs
from quotes_gold_check import CORPUS, article_texts

from marsad.eval.quotes import quote_head

_OPEN, _CLOSE = "«“\"", "»”\""
_SENT_END = re.compile(r"[.!?؟\n]")


def default_end(text: str, start: int) -> int:
    """The closing mark after a quotation opened just before ``start``, else the sentence end."""
    before = text[:start].rstrip()
    if before[-1:] in _OPEN:
        close = re.compile(f"[{_CLOSE}]").search(text, start)
        if close:
            return close.start()
    stop = _SENT_END.search(text, start)
    end = stop.start() if stop else len(text)
    return start + len(text[start:end].rstrip(" ،,:؛"))


def span_of(text: str, first: str, last: str = "", after: str = "", occurrence: int = 1) -> tuple[int, int]:
    start = locate(text, first.strip(), occurrence, after)[0]
    end = locate(text, last.strip(), 1, text[:start])[1] if last.strip() else default_end(text, start)
    if end <= start:
        raise ValueError(f"the end {last!r} comes before the start {first!r}")
    return start, end


def gold_line(rec: dict[str, Any], text: str) -> dict[str, Any]:
    if rec.get("no_quotes"):
        return {"article_id": rec["article_id"], "no_quotes": True}
    start, end = span_of(text, rec["from"], rec.get("to", ""), rec.get("after", ""), int(rec.get("occurrence", 1)))
    out = {"article_id": rec["article_id"], "kind": rec["kind"], "speaker": rec["speaker"],
           "quote_text": quote_head(text, start, end), "start": start, "end": end}
    return out | ({"note": rec["note"]} if rec.get("note") else {})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("args", nargs="+", help="ID FIRST [LAST], or IN OUT with --jsonl")
    parser.add_argument("--jsonl", action="store_true")
    parser.add_argument("--after", default="")
    parser.add_argument("--news", default=str(CORPUS))
    a = parser.parse_args()
    texts = article_texts(Path(a.news))
    if a.jsonl:
        lines = Path(a.args[0]).read_text(encoding="utf-8").splitlines()
        out = []
        for n, line in enumerate(lines, 1):
            if line.strip():
                rec = json.loads(line)
                try:
                    out.append(json.dumps(gold_line(rec, texts[rec["article_id"]]), ensure_ascii=False))
                except (KeyError, ValueError) as exc:
                    raise SystemExit(f"line {n}: {exc}") from exc
        Path(a.args[1]).write_text("\n".join(out) + "\n", encoding="utf-8")
        return 0
    text = texts[a.args[0]]
    start, end = span_of(text, a.args[1], a.args[2] if len(a.args) > 2 else "", a.after)
    print(json.dumps({"start": start, "end": end, "quote_text": quote_head(text, start, end)}, ensure_ascii=False))
    print(f"begins: {text[start:start + 40]!r}\nends:   {text[max(start, end - 40):end]!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
