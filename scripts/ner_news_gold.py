"""Annotated news for the entity tagger (`docs/ner-guideline.md`, `docs/gold.md`).

    # batches of ANT articles for annotators (sentences as the tagger's training sees them)
    python scripts/ner_news_gold.py draw --seed 2031 --articles 40 --batches 7 --out /tmp/ann
    # a blind calibration batch: the first sentences of ANERcorp's development part
    python scripts/ner_news_gold.py calib --sentences 150 --out /tmp/ann
    # annotators' JSON lines -> gold/ner_news.X.jsonl (token spans; no article text)
    python scripts/ner_news_gold.py merge /tmp/ann/B1.jsonl ... --out gold/ner_news.X.jsonl
    # entity F1 of one annotation against another (or the calibration against ANERcorp)
    python scripts/ner_news_gold.py agree gold/ner_news.a.jsonl gold/ner_news.b.jsonl
    python scripts/ner_news_gold.py agree-calib /tmp/ann/C.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path

from marsad.eval.ner import score
from marsad.ner.annotated import read_annotations
from marsad.ner.conll import read_conll
from marsad.ner.distil import article_sentences
from marsad.ner.text import corpus_articles
from marsad.ner.train import split_dev

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ANT = SHARED / "news" / "ant2018_all.jsonl.gz"
TRAIN = SHARED / "ner" / "anercorp" / "train.txt"
SILVER_EVERY = 6  # articles i % 6 == 0 were tagged for the silver data: not drawn


def draw(args: argparse.Namespace) -> None:
    """Seeded draw of articles of 150-400 tokens (not silver ones), written in batches.
    Into a folder that already holds batches, the draw adds new ones (numbered on, never
    an article drawn before)."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, str] = {}
    if (out / "manifest.json").exists():
        manifest = json.loads((out / "manifest.json").read_text())
    first = 1 + max((int(key.split(".")[0][1:]) for key in manifest), default=0)
    seen = set(manifest.values())
    pool = [
        (i, docno) for i, (docno, text) in enumerate(corpus_articles(ANT))
        if i % SILVER_EVERY and docno not in seen and 150 <= sum(map(len, article_sentences(text))) <= 400
    ]
    picked = random.Random(args.seed).sample(pool, args.articles * args.batches)
    wanted = {docno: (first + n // args.articles, n % args.articles + 1) for n, (_, docno) in enumerate(picked)}
    lines: dict[int, list[str]] = {}
    for docno, text in corpus_articles(ANT):
        if docno in wanted:
            b, a = wanted[docno]
            lines.setdefault(b, []).append(f"# article B{b}.a{a} {docno}")
            lines[b] += [f"B{b}.a{a}.s{k}\t{' '.join(ws)}" for k, ws in enumerate(article_sentences(text))]
    for b, rows in lines.items():
        (out / f"B{b}.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    manifest.update({f"B{b}.a{a}": d for d, (b, a) in wanted.items()})
    (out / "manifest.json").write_text(json.dumps(manifest, indent=0))
    print(f"{len(picked)} articles of {len(pool)} in batches B{first}-B{first + len(lines) - 1} -> {out}")


def calib(args: argparse.Namespace) -> None:
    """The first ``--sentences`` of ANERcorp's development part, unlabelled."""
    dev = split_dev(read_conll(TRAIN, "anercorp"))[1][: args.sentences]
    rows = [f"C.s{k}\t{' '.join(ws)}" for k, (ws, _) in enumerate(dev)]
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "C.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")


def _batch_sentences(path: Path) -> dict[str, list[str]]:
    """Sentence id -> tokens, from a batch file."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sid, text = line.split("\t", 1)
            out[sid] = text.split(" ")
    return out


def align(words: list[str], names: list[tuple[str, str]]) -> Iterator[tuple[int, int, str, str] | str]:
    """Token spans of ``names`` (in sentence order; a name not found after the last one
    is looked for from the start); a name not found at all is yielded as its text."""
    pos = 0
    for text, label in names:
        toks = text.split()
        n = len(toks)
        hits = [i for i in range(len(words) - n + 1) if words[i : i + n] == toks]
        after = [i for i in hits if i >= pos]
        if not hits:
            yield text
            continue
        start = (after or hits)[0]
        pos = start + n
        yield start, start + n, label, " ".join(toks)


def merge(args: argparse.Namespace) -> None:
    """Annotators' lines -> one JSON line per article: docno and names as
    ``[sentence, start, end, type, words]``; every article of the batches is written,
    with or without names."""
    docnos = json.loads((Path(args.batches) / "manifest.json").read_text())
    per_article: dict[str, list[list[object]]] = {}
    lost = total = 0
    for path in map(Path, args.files):
        batch = path.stem.split(".")[0]
        sentences = _batch_sentences(Path(args.batches) / f"{batch}.txt")
        for sid in sentences:
            per_article.setdefault(docnos[sid.rsplit(".", 1)[0]], [])
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            art, k = rec["s"].rsplit(".", 1)
            found = [(str(t), str(lab)) for t, lab in rec["ents"] if lab in ("PERS", "LOC", "ORG", "MISC")]
            total += len(rec["ents"])
            for hit in align(sentences[rec["s"]], found):
                if isinstance(hit, str):
                    lost += 1
                    print(f"not found in {rec['s']}: {hit}")
                else:
                    per_article[docnos[art]].append([int(k[1:]), *hit])
    with open(args.out, "w", encoding="utf-8") as f:
        for docno, spans in sorted(per_article.items()):
            f.write(json.dumps({"docno": docno, "names": spans}, ensure_ascii=False) + "\n")
    print(f"{len(per_article)} articles, {total - lost} names kept, {lost} not found -> {args.out}")


def _tags(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for start, end, label in spans:
        tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    return tags


def agree(args: argparse.Namespace) -> None:
    """Entity F1 of the second file against the first, on the articles both hold."""
    a, b = read_annotations([args.first]), read_annotations([args.second])
    pairs = []
    for docno, text in corpus_articles(ANT):
        if docno in a and docno in b:
            for k, ws in enumerate(article_sentences(text)):
                pairs.append((_tags(len(ws), [s[:3] for s in a[docno].get(k, [])]),
                              _tags(len(ws), [s[:3] for s in b[docno].get(k, [])])))
    print(score(pairs).report())


def agree_calib(args: argparse.Namespace) -> None:
    """The calibration batch's annotation scored against ANERcorp's own labels."""
    dev = split_dev(read_conll(TRAIN, "anercorp"))[1]
    got: dict[int, list[tuple[int, int, str]]] = {}
    for line in Path(args.file).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            k = int(rec["s"].rsplit(".", 1)[1][1:])
            names = [(str(t), str(lab)) for t, lab in rec["ents"]]
            hits = list(align(dev[k][0], names))
            for h in hits:
                if isinstance(h, str):
                    print(f"not found in {rec['s']}: {h}")
            got[k] = [h[:3] for h in hits if not isinstance(h, str)]
    n = 1 + max(got, default=-1) if args.sentences is None else args.sentences
    print(score((tags, _tags(len(ws), got.get(k, []))) for k, (ws, tags) in enumerate(dev[:n])).report())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("draw", help="batches of ANT articles to annotate")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--articles", type=int, default=40, help="articles per batch")
    p.add_argument("--batches", type=int, default=7)
    p.add_argument("--out", required=True)
    p = sub.add_parser("calib", help="ANERcorp development sentences to annotate blind")
    p.add_argument("--sentences", type=int, default=150)
    p.add_argument("--out", required=True)
    p = sub.add_parser("merge", help="annotators' JSON lines -> a gold file")
    p.add_argument("files", nargs="+")
    p.add_argument("--batches", required=True, help="the folder draw wrote")
    p.add_argument("--out", required=True)
    p = sub.add_parser("agree", help="entity F1 between two gold files")
    p.add_argument("first")
    p.add_argument("second")
    p = sub.add_parser("agree-calib", help="the calibration batch against ANERcorp")
    p.add_argument("file")
    p.add_argument("--sentences", type=int, default=None, help="sentences the batch held (default: up to the last named)")
    args = ap.parse_args()
    {"draw": draw, "calib": calib, "merge": merge, "agree": agree, "agree-calib": agree_calib}[args.cmd](args)


if __name__ == "__main__":
    main()
