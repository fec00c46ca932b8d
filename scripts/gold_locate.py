"""Fill in character offsets for gold annotations written as quoted text.

Each input JSONL line has "article_id" and a quoted string in FIELD (default
"text"), optionally "occurrence" (1-based, default 1) or "after" (a string that
must precede the mention). Adds "start" and "end" (offsets into the article's
`text`) and fails loudly on a string that is not found.

Usage: python scripts/gold_locate.py IN.jsonl OUT.jsonl [--field text]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"


def locate(text: str, needle: str, occurrence: int = 1, after: str = "") -> tuple[int, int]:
    pos = text.find(after) + len(after) if after else 0
    if after and pos < len(after):
        raise ValueError(f"anchor not found: {after!r}")
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, pos)
        if start < 0:
            raise ValueError(f"not found: {needle!r} (occurrence {occurrence})")
        pos = start + 1
    return start, start + len(needle)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--field", default="text")
    args = parser.parse_args()
    texts = {}
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            texts[row["docno"]] = row["text"]
    out = []
    for n, line in enumerate(Path(args.input).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get(args.field):
            try:
                start, end = locate(texts[rec["article_id"]], rec[args.field],
                                    rec.pop("occurrence", 1), rec.pop("after", ""))
            except ValueError as exc:
                raise SystemExit(f"line {n}: {exc}") from exc
            rec["start"], rec["end"] = start, end
        out.append(json.dumps(rec, ensure_ascii=False))
    Path(args.output).write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
