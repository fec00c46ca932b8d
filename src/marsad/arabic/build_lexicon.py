"""Compile the word-frequency table that clitic segmentation consults.

Run ``python -m marsad.arabic.build_lexicon [corpus.jsonl.gz] [out.tsv.gz]``. It
counts the bare (whitespace-and-punctuation delimited) normalised Arabic word
forms in the titles and texts of the ANT corpus v2.1 (Apache-2.0) and writes
the forms seen at least ``MIN_COUNT`` times, most frequent first, as
``form<TAB>count`` lines. Only word counts are shipped, never article text.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import ARABIC_WORD

MIN_COUNT = 3
DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[3].parent / "shared/data/news/ant2018_all.jsonl.gz"
)
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data/arabic/word_counts.tsv.gz"


def count_forms(corpus: Path) -> Counter[str]:
    """Counts of normalised Arabic word forms over titles and texts of a JSONL(.gz) corpus."""
    counts: Counter[str] = Counter()
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
            counts.update(ARABIC_WORD.findall(normalize(text)))
    return counts


def write_table(counts: Counter[str], out: Path, min_count: int = MIN_COUNT) -> int:
    """Write the table (deterministic: by count, then form) and return its size."""
    rows = sorted(
        ((c, f) for f, c in counts.items() if c >= min_count), key=lambda r: (-r[0], r[1])
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    # No file name and no timestamp in the gzip header: the output is byte-reproducible.
    with open(out, "wb") as sink, gzip.GzipFile("", "wb", fileobj=sink, mtime=0) as raw:
        raw.write("".join(f"{f}\t{c}\n" for c, f in rows).encode("utf-8"))
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    out = Path(args[1]) if len(args) > 1 else DEFAULT_OUT
    counts = count_forms(corpus)
    kept = write_table(counts, out)
    print(f"{len(counts)} forms counted, {kept} kept (count >= {MIN_COUNT}) -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
