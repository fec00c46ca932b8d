"""The numpy network tagger on a small random network: export format, forward pass
against a direct implementation of torch's convolutions, batching, determinism."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.ner.lexicon import Lexicon
from marsad.ner.neural import DOC_DIM, NeuralTagger, doc_matrix, is_network
from marsad.ner.nntrain import LABELS, Settings, Vocab, export

# Written for these tests.
SENTENCES = [
    (["قال", "الرئيس", "سمير", "في", "بيروت"], ["O", "O", "B-PERS", "O", "B-LOC"]),
    (["وزارة", "الصحة", "أعلنت", "أمس"], ["B-ORG", "I-ORG", "O", "O"]),
]
WORDS = ["في", "قال", "الرئيس", "بيروت"]


def _network(tmp_path: Path, with_doc: bool) -> tuple[Path, dict[str, np.ndarray], Vocab]:
    """A random network in torch's parameter names and shapes, exported."""
    s = Settings(hidden=8, dilations=(1, 2), feat_dim=6, char_dim=4, char_filters=5)
    rng = np.random.default_rng(0)
    vocab = Vocab(WORDS, rng.normal(size=(len(WORDS), 10)).astype(np.float32), Lexicon(), SENTENCES)
    h, k = s.hidden, len(LABELS)
    d_in = 2 * 10 + s.feat_dim + s.char_filters

    def r(*shape: int) -> np.ndarray:
        return rng.normal(scale=0.5, size=shape).astype(np.float32)

    sd = {
        "feat.weight": r(len(vocab.feats) + 1, s.feat_dim), "char.weight": r(len(vocab.chars) + 2, s.char_dim),
        "cconv.weight": r(s.char_filters, s.char_dim, 3), "cconv.bias": r(s.char_filters),
        "inp.weight": r(h, d_in), "inp.bias": r(h), "doc.weight": r(k, DOC_DIM) * with_doc,
        "out.weight": r(k, h), "out.bias": r(k), "trans": r(k, k),
    }
    sd["feat.weight"][0] = sd["char.weight"][0] = 0.0  # padding rows, as torch keeps them
    for i in range(len(s.dilations)):
        sd[f"convs.{i}.weight"], sd[f"convs.{i}.bias"] = r(h, h, 3), r(h)
    path = tmp_path / "net.npz"
    export(sd, vocab, s, path, WORDS)
    return path, sd, vocab


def _conv(x: np.ndarray, w: np.ndarray, b: np.ndarray, d: int) -> np.ndarray:
    """torch ``Conv1d(padding=d, dilation=d)`` over ``[length, channels]``, directly."""
    n = len(x)
    out = np.tile(b, (n, 1)).astype(np.float64)
    for t in range(n):
        for j, off in enumerate((-d, 0, d)):
            if 0 <= t + off < n:
                out[t] += w[:, :, j] @ x[t + off]
    return out


def _reference(tagger: NeuralTagger, sd: dict[str, np.ndarray], words: list[str]) -> np.ndarray:
    """One sentence's first-pass emissions computed layer by layer from the torch state."""
    h = np.maximum(np.stack([tagger.word_vector(w) for w in words]), 0.0)
    for i, d in enumerate(tagger.w.dilations):
        h = h + np.maximum(_conv(h, sd[f"convs.{i}.weight"], sd[f"convs.{i}.bias"], d), 0.0)
    result: np.ndarray = h @ sd["out.weight"].T + sd["out.bias"]
    return result


def test_forward_matches_direct_convolutions_and_batching(tmp_path: Path) -> None:
    path, sd, _ = _network(tmp_path, with_doc=False)
    assert is_network(path) and not is_network(tmp_path / "missing.npz")
    tagger = NeuralTagger(path, Lexicon())
    sents = [w for w, _ in SENTENCES]
    ems = tagger._emissions(sents)
    for words, em in zip(sents, ems, strict=True):
        assert em.shape == (len(words), len(LABELS))
        # float16 weights in the file: compare at that precision
        np.testing.assert_allclose(em, _reference(tagger, sd, words), rtol=2e-2, atol=2e-2)
        np.testing.assert_allclose(em, tagger._emissions([words])[0], rtol=1e-5, atol=1e-5)


def test_tags_are_bio_deterministic_and_scored(tmp_path: Path) -> None:
    path, _, _ = _network(tmp_path, with_doc=True)
    sents = [w for w, _ in SENTENCES] + [[], ["كلمة", "جديدة", "تماما"]]
    first = NeuralTagger(path, Lexicon()).scored_document(sents)
    again = NeuralTagger(path, Lexicon()).scored_document(sents)
    assert first == again
    for words, (tags, probs) in zip(sents, first, strict=True):
        assert len(tags) == len(probs) == len(words)
        assert set(tags) <= set(LABELS)
        assert all(0.0 < p <= 1.0 + 1e-9 for p in probs)


def test_doc_matrix_marks_own_and_neighbour_types() -> None:
    m = doc_matrix([("قال", "قال"), ("بسمير", "سمير"), ("امس", "امس")], {"سمير": {"PERS"}})
    pers = 2  # index of PERS in DOC_TYPES
    assert m.shape == (3, DOC_DIM)
    assert m[1, pers] == 1 and m[0, 8 + pers] == 1 and m[2, 4 + pers] == 1
    assert m.sum() == 3


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="marsad train ner"):
        NeuralTagger(tmp_path / "none.npz")


def test_bounded_cache_gives_the_same_tags(tmp_path: Path) -> None:
    path, _, _ = _network(tmp_path, with_doc=True)
    sents = [w for w, _ in SENTENCES]
    small = NeuralTagger(path, Lexicon(), cache_size=3)
    big = NeuralTagger(path, Lexicon())
    for _ in range(2):
        assert small.tag_document(sents) == big.tag_document(sents)
    assert len(small._cache) <= len({t for s in sents for t in s})
    medium = NeuralTagger(path, Lexicon(), cache_size=6)  # evicts the older half, keeps the rest
    for words in [*sents, *sents[::-1], ["قال", "سمير", "جديد"]]:
        assert medium.tag_document([words]) == big.tag_document([words])
        assert len(medium._cache) <= 6
        assert all(np.array_equal(medium.word_vector(t), big.word_vector(t)) for t in words)


def test_a_model_without_its_lexicon_is_refused(tmp_path: Path) -> None:
    path, _, _ = _network(tmp_path, with_doc=False)
    with pytest.raises(FileNotFoundError, match="clusters"):
        NeuralTagger(path)  # its folder has no clusters: the features would silently degrade
    assert NeuralTagger(path, Lexicon()).tag(["قال", "سمير"])


def test_window_types_match_doc_windows_and_doc_matrix() -> None:
    """The tagger's document features (all sentences at once) equal the per-sentence
    reference (training's path) on a random document."""
    from marsad.ner.neural import DOC_TYPES
    from marsad.ner.stack import doc_windows, typed_keys, window_types

    rng = np.random.default_rng(3)
    vocab = [(f"w{i}", f"s{i % 5}") for i in range(12)]
    tags = ["O", "B-PERS", "I-PERS", "B-LOC", "B-ORG", "I-MISC"]
    keys = [[vocab[j] for j in rng.integers(0, 12, rng.integers(1, 8))] for _ in range(30)]
    typed = [typed_keys(k, [tags[j] for j in rng.integers(0, 6, len(k))]) for k in keys]
    got = window_types(keys, typed, DOC_TYPES, window=3)
    want = np.concatenate([doc_matrix(k, d) for k, d in zip(keys, doc_windows(typed, window=3), strict=True)])
    assert got.any() and np.array_equal(got, want[:, : len(DOC_TYPES)])


def test_char_windows_match_per_word_ids(tmp_path: Path) -> None:
    """The vectorised character windows equal a word-by-word lookup (unknown characters
    are 1, an empty form one unknown character, 0 beyond each word)."""
    path, _, _ = _network(tmp_path, with_doc=False)
    tagger = NeuralTagger(path, Lexicon())
    chars = tagger.w.chars
    forms = ["سمير", "", "", "x\U0001f600y", "في"]
    got, starts = tagger._char_windows(forms)
    want: list[list[int]] = []
    for f in forms:
        ids = [0, *([chars.get(c, 1) for c in f] or [1]), 0]
        want += [ids[j - 1 : j + 2] for j in range(1, len(ids) - 1)]
    assert got.tolist() == want
    assert starts.tolist() == [0, 4, 5, 6, 9]


#: How far two float32 computations of the same scores may differ. OpenBLAS's result for
#: a row of a product can depend on how many rows are multiplied with it and on how its
#: threads split them (seen on AMD EPYC with OpenBLAS 0.3.30/0.3.31's Haswell kernels:
#: the last bits of some rows move), so the tagger guarantees equal scores up to this
#: rounding, not bit for bit; a cache or batching bug moves them by far more.
ROUNDING = {"rtol": 1e-5, "atol": 1e-4}


def test_word_vectors_do_not_depend_on_the_words_encoded_with_them() -> None:
    """A word's cached vector is the same (up to float rounding) whether it was new alone
    or among many, so what the cache held never changes a result."""
    from marsad.ner.tagger import load_tagger

    tagger = load_tagger()
    if not hasattr(tagger, "_encode"):
        pytest.skip("the shipped model is not a network")
    words = ["قال", "الرئيس", "سمير", "في", "بيروت", "وزارة", "الصحة", "أعلنت", "أمس", "x"] * 5
    together, _ = tagger._encode(words)
    for i, word in enumerate(words[:10]):
        alone, _ = tagger._encode([word])
        np.testing.assert_allclose(alone[0], together[i], **ROUNDING)


def test_threads_sharing_the_tagger_get_what_one_thread_gets() -> None:
    """``serve`` tags posted articles in a thread pool: the shared word cache must not mix
    documents (before its lock, about 1 document in 20 came out differently)."""
    import random
    import threading

    from marsad.ner.tagger import load_tagger

    tagger = load_tagger()
    rng = random.Random(1)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    common = ["قال", "الرئيس", "في", "بيروت", "وزير", "الخارجية", "دمشق", "أعلن"]

    def word() -> str:
        return rng.choice(common) if rng.random() < 0.5 else "".join(rng.choice(letters) for _ in range(5))

    docs = [[[word() for _ in range(30)] for _ in range(8)] for _ in range(200)]
    tagger.clear_cache()
    want = [tagger.scored_document(d) for d in docs]
    tagger.clear_cache()
    got: list[object] = [None] * len(docs)

    def work(first: int) -> None:
        for i in range(first, len(docs), 4):
            got[i] = tagger.scored_document(docs[i])

    threads = [threading.Thread(target=work, args=(j,)) for j in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    tagger.clear_cache()
    for g, w in zip(got, want, strict=True):
        assert isinstance(g, list) and [tags for tags, _ in g] == [tags for tags, _ in w]
        for (_, gs), (_, ws) in zip(g, w, strict=True):
            np.testing.assert_allclose(np.asarray(gs, float), np.asarray(ws, float), **ROUNDING)


def test_documents_in_one_forward_pass_get_the_scores_each_gets_alone() -> None:
    """The convolutions run over a batch's documents end to end: each document's label
    scores must be those of its own pass (up to float rounding), small documents and large alike."""
    import random

    from marsad.ner.tagger import load_tagger

    tagger = load_tagger()
    if not hasattr(tagger, "_first_passes"):
        pytest.skip("the shipped model is not a network")
    rng = random.Random(2)
    common = ["قال", "الرئيس", "في", "بيروت", "وزير", "الخارجية", "دمشق", "أعلن", "سمير", "x", "2018"]
    docs = [[[rng.choice(common) for _ in range(rng.randint(1, 40))] for _ in range(n)] for n in (1, 3, 0, 1, 12, 2)]
    tagger._fill([w for d in docs for s in d for w in s])
    together = tagger._first_passes(docs)
    for doc, (em, spans, keys) in zip(docs, together, strict=True):
        em_alone, spans_alone, keys_alone = tagger._first_passes([doc])[0]
        assert spans == spans_alone and keys == keys_alone
        for s, e in spans:
            np.testing.assert_allclose(em[s:e], em_alone[s:e], **ROUNDING)


def test_convolutions_without_padding_rows_equal_those_over_zero_padding() -> None:
    """The tokens' rows alone, a tap's rows that leave their sentence zeroed, give the
    scores of the layout with ``gap`` zero rows around each sentence (up to float rounding)."""
    import random

    from marsad.ner.tagger import load_tagger

    tagger = load_tagger()
    if not hasattr(tagger, "_convolutions"):
        pytest.skip("the shipped model is not a network")
    rng = random.Random(3)
    common = ["قال", "الرئيس", "في", "بيروت", "وزير", "الخارجية", "دمشق", "أعلن", "سمير", "x", "2018"]
    doc = [[rng.choice(common) for _ in range(n)] for n in (1, 2, 3, 40, 1, 7, 2)]
    tagger._fill([w for s in doc for w in s])
    em, spans, _ = tagger._first_passes([doc])[0]
    a, g = tagger.w.arrays, tagger.gap
    rows = [0] * g
    for s in doc:
        rows += [tagger._cache[w][0] for w in s] + [0] * g
    ids = np.array(rows)
    h = np.maximum(tagger._table[ids], 0.0)
    for k, (d, (left, centre, right)) in enumerate(zip(tagger.w.dilations, tagger.w.taps, strict=True)):
        c = h @ centre + a[f"b_conv{k}"]
        c[d:] += (h @ left)[:-d]
        c[:-d] += (h @ right)[d:]
        c = np.maximum(c, 0.0) + h
        c[ids == 0] = 0.0
        h = c
    np.testing.assert_allclose(em, h @ a["w_out"] + a["b_out"], **ROUNDING)
    assert [s for s, _ in spans] == [i for i in range(1, len(ids)) if ids[i] and not ids[i - 1]]


def test_imported_network_is_the_exported_state(tmp_path: Path) -> None:
    from marsad.ner.nntrain import imported

    path, sd, _ = _network(tmp_path, with_doc=True)
    back = imported(path)
    assert sorted(back) == sorted(sd)
    for name, value in sd.items():
        assert back[name].shape == value.shape, name
        # float16 in the file; the feature table int8 with a scale per row
        tol = np.abs(value).max() / 100 if name == "feat.weight" else 2e-3
        np.testing.assert_allclose(back[name], value, atol=tol, rtol=2e-3, err_msg=name)
