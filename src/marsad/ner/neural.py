"""The shipped entity tagger: a small convolutional network with a CRF output, in numpy.

Why this shape: ANERcorp is small, so the network leans on what was learned without
labels (word vectors trained on the ANT news corpus, frozen; the word clusters and
gazetteer of :mod:`marsad.ner.lexicon` through the CRF's per-word features) and adds a
character CNN for words the vectors lack. Everything that depends on one word only is
folded into one cached vector per distinct word, so tagging a document costs one
matmul per convolution layer over all its tokens (sentences laid end to end with zero
gaps, which equals padding each sentence) and a batched Viterbi. A second decoding
adds learned scores for the entity types the first gave the same word (or its
neighbours) in the sentences around it (:mod:`marsad.ner.stack`): a name introduced
in a telling context is then recognised when repeated bare.

Weights come from :mod:`marsad.ner.nntrain` (torch, training only).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from itertools import chain
from pathlib import Path

import numpy as np

from marsad.ner.crf import DocumentTagging, Scored, decode, decode_document, merged, viterbi_batch
from marsad.ner.features import DocTypes, FeatureExtractor, FeatureIndex
from marsad.ner.lexicon import CLUSTERS_FILE, Lexicon

#: The shipped network's file in the package data.
MODEL_FILE = "cnn.npz"
#: Characters of a word seen by the character CNN (longer words are cut).
MAX_CHARS = 20
#: Entity types of the document features: the word's own, its left and right neighbour's.
DOC_TYPES = ("LOC", "ORG", "PERS", "MISC")
DOC_DIM = 3 * len(DOC_TYPES)


def neighbour_columns(m: np.ndarray) -> np.ndarray:
    """Fill the document features' neighbour columns from the own-type columns (in place):
    each row's left and right neighbour's types, as the network reads them."""
    k = len(DOC_TYPES)
    m[1:, k : 2 * k] = m[:-1, :k]
    m[:-1, 2 * k :] = m[1:, :k]
    return m


def doc_matrix(keys: list[tuple[str, str]], doc: DocTypes) -> np.ndarray:
    """``[n, DOC_DIM]`` 0/1: the types a first pass gave each word (its normalised form
    or stem, ``keys``), and each neighbour, in the sentences around it
    (:func:`marsad.ner.stack.doc_windows`)."""
    m = np.zeros((len(keys), DOC_DIM), np.float32)
    for i, (norm, stem) in enumerate(keys):
        for kind in doc.get(norm, ()):
            m[i, DOC_TYPES.index(kind)] = 1.0
        for kind in doc.get(stem, ()):
            m[i, DOC_TYPES.index(kind)] = 1.0
    return neighbour_columns(m)


#: Fewest rows a word-encoding matmul is given. BLAS takes other code paths for
#: very few rows, whose sums round differently: a word's vector would then depend on
#: how many words were new with it, and so on what the cache held.
MIN_ROWS = 32
#: Per sentence, each word's (normalised form, stem): what the document layer matches.
Keys = list[list[tuple[str, str]]]


def _rows_matmul(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``x @ w`` with each row's result independent of the other rows (zero rows pad
    ``x`` to :data:`MIN_ROWS`)."""
    if len(x) >= MIN_ROWS:
        out: np.ndarray = x @ w
        return out
    padded = np.zeros((MIN_ROWS, x.shape[1]), x.dtype)
    padded[: len(x)] = x
    out = (padded @ w)[: len(x)]
    return out


def is_network(path: str | Path) -> bool:
    """Whether a model file holds a network (else a CRF)."""
    if not Path(path).is_file():
        return False
    with np.load(path, allow_pickle=False) as z:
        return "w_inp" in z.files


class NeuralWeights:
    """Arrays of a trained network (float32 in memory; the vector table stays float16)."""

    def __init__(self, path: str | Path) -> None:
        with np.load(path, allow_pickle=False) as z:
            self.labels = [str(x) for x in z["labels"].tolist()]
            self.words = {str(w): i + 2 for i, w in enumerate(z["words"].tolist())}
            self.feats = {str(f): i + 1 for i, f in enumerate(z["feats"].tolist())}
            self.chars = {str(c): i + 2 for i, c in enumerate(z["chars"].tolist())}
            # The two large tables stay int8 (a scale per row): only new words' rows are read.
            self.vectors = (z["vectors_q"], z["vectors_s"].astype(np.float32).ravel())  # rows 0/1: pad/unknown
            self.feat = (z["w_feat_q"], z["w_feat_s"].astype(np.float32))
            a = {k: z[k].astype(np.float32) for k in z.files if k.startswith(("w_", "b_")) and k[-2:] not in ("_q", "_s")}
            self.dilations = [int(d) for d in z["dilations"].tolist()]
        self.arrays = a
        #: Each convolution's three taps (left, centre, right neighbour) as row-major
        #: matrices: three matmuls with contiguous outputs are faster than one ``[H, 3H]``
        #: with strided slices, and give the same numbers (not so for the character CNN
        #: and output layer, whose last bits would move with their layout).
        self.taps = [
            tuple(np.ascontiguousarray(np.split(a[f"w_conv{k}"], 3, axis=1)[j]) for j in range(3))
            for k in range(len(self.dilations))
        ]
        self.trans = a["w_trans"]


class NeuralTagger(DocumentTagging):
    """BIO tagger over PERS/LOC/ORG/MISC; tags a document (a list of sentences) at once."""

    def __init__(self, model: str | Path, lexicon: Lexicon | None = None, cache_size: int = 50_000) -> None:
        path = Path(model)
        if not path.is_file():
            raise FileNotFoundError(f"NER model not found: {path} (run `marsad train ner`)")
        self.w = NeuralWeights(path)
        self.labels = self.w.labels
        if lexicon is None and not (path.parent / CLUSTERS_FILE).is_file():
            # Without its clusters the network still runs, but far below its accuracy.
            raise FileNotFoundError(f"{CLUSTERS_FILE} not found beside {path}: copy the lexicon with the model")
        lex = lexicon if lexicon is not None else Lexicon.load(path.parent)
        # The network was trained without the CRF's self-trained name lexicon.
        # A word's features are read once (then its vector is cached), as ids, not strings.
        self.features = FeatureExtractor(replace(lex, names={}), cache_size=0, windows=False)
        self._feature_ids = FeatureIndex(self.w.feats)
        #: word -> (row of its first-layer pre-activation in ``_table``, (normalised form, stem))
        self._cache: dict[str, tuple[int, tuple[str, str]]] = {}
        self._cache_size = cache_size
        #: The cached words' pre-activations; row 0 stays zero (the gaps between sentences),
        #: so a document's layout is one gather. Grown on first use.
        self._table = np.zeros((1, self.w.arrays["b_inp"].shape[0]), np.float32)
        #: Per table row, the call that last used its word (the cache drops the least recent).
        self._used = np.zeros(1, np.int64)
        self._tick = 0
        self.gap = max(self.w.dilations)
        #: The word cache's rows are shared state: one document at a time (``serve``
        #: analyses posted articles in a thread pool).
        self._lock = threading.RLock()
        chars = self.w.chars
        #: Character id by code point (1: unknown), for the character CNN's input.
        self._char_ids = np.ones(max(map(ord, chars), default=0) + 2, np.intp)
        self._char_ids[[ord(c) for c in chars]] = list(chars.values())

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()
            self.features.clear_cache()

    def _encode(self, words: list[str]) -> tuple[np.ndarray, list[tuple[str, str]]]:
        """First-layer pre-activations ``[n, H]`` of distinct words, all at once (word
        vectors of the form and the stem, the feature bag, the character CNN), and each
        word's normalised form and stem."""
        w, a = self.w, self.w.arrays
        own = [self.features.own_values(t) for t in words]
        keys = [(v.values[0], v.values[1]) for v in own]  # (normalised form, stem)
        n, vocab = len(own), w.words
        # Unknown features are id 0, whose row is zero: the bag's sums are unchanged.
        ids = list(map(self._feature_ids.own_ids, own))
        offsets = np.cumsum([0] + [len(x) for x in ids[:-1]])
        fids = np.fromiter(chain.from_iterable(ids), np.intp)
        vids = np.fromiter(chain.from_iterable((vocab.get(f, 1), vocab.get(s, 1)) for f, s in keys), np.intp)
        vq, vs = w.vectors
        fq, fs = w.feat
        bag = np.add.reduceat(fq[fids] * fs[fids], offsets, axis=0)
        win, starts = self._char_windows([f[:MAX_CHARS] for f, _ in keys])
        emb = a["w_char"][win].reshape(len(win), -1)  # padding row 0 is zero, as around each word in training
        conv = np.maximum(_rows_matmul(emb, a["w_cconv"]) + a["b_cconv"], 0.0)
        # Max over each word's own characters: the same as over padded positions set to
        # zero, since the ReLU's outputs are never negative.
        x = np.concatenate([(vq[vids] * vs[vids, None]).reshape(n, -1), bag, np.maximum.reduceat(conv, starts)], axis=1)
        out = _rows_matmul(x, a["w_inp"]) + a["b_inp"]
        return out, keys

    def _char_windows(self, forms: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """``[chars, 3]``: the id of every character of the forms (end to end) with its
        left and right neighbour's (0 beyond its word; an empty form is one unknown
        character), and where each form's characters start. Only real characters: the
        character CNN then skips the padding that a ``[words, longest]`` matrix holds."""
        lens = np.fromiter(map(len, forms), np.intp, len(forms))
        codes = np.frombuffer("".join(forms).encode("utf-32-le", "surrogatepass"), np.uint32)
        ids = self._char_ids[np.minimum(codes, len(self._char_ids) - 1)]
        if not lens.all():
            ids = np.insert(ids, (np.cumsum(lens) - lens)[lens == 0], 1)
            lens = np.maximum(lens, 1)
        at = np.arange(len(ids)) + np.repeat(np.arange(1, len(forms) + 1), lens)  # a zero between forms
        padded = np.zeros(len(ids) + len(forms) + 1, np.intp)
        padded[at] = ids
        return np.stack([padded[at - 1], padded[at], padded[at + 1]], axis=1), np.cumsum(lens) - lens

    def word_vector(self, word: str) -> np.ndarray:
        """The cached first-layer pre-activation of one word (all that depends on the word
        alone)."""
        with self._lock:
            self._fill([word])
            return self._table[self._cache[word][0]].copy()

    def _fill(self, words: list[str]) -> None:
        """Encode and cache the words not yet cached (the cache is bounded: when full,
        the half least recently used goes)."""
        distinct = list(dict.fromkeys(words))
        cache = self._cache
        self._tick += 1
        new = [t for t in distinct if t not in cache]
        if not new:
            return
        if len(cache) + len(new) > self._cache_size:
            self._used[[cache[t][0] for t in distinct if t in cache]] = self._tick  # keep these
            self._evict(self._cache_size // 2)
            new = [t for t in distinct if t not in self._cache]
            if len(self._cache) + len(new) > self._cache_size:
                self._cache.clear()
                new = distinct
        first = len(self._cache) + 1
        end = first + len(new)
        if end > len(self._table):
            self._grow(max(end, self._cache_size + 1))
        vectors, keys = self._encode(new)
        self._table[first:end] = vectors
        self._used[first:end] = self._tick
        self._cache.update(zip(new, zip(range(first, end), keys, strict=True), strict=True))

    def _grow(self, rows: int) -> None:
        """Room for ``rows`` table rows (new pages are touched only when written)."""
        table = np.zeros((rows, self._table.shape[1]), np.float32)
        used = np.zeros(rows, np.int64)
        table[: len(self._table)] = self._table
        used[: len(self._used)] = self._used
        self._table, self._used = table, used

    def _evict(self, keep: int) -> None:
        """Keep the ``keep`` most recently used words, moved to the table's first rows
        (a word's vector does not depend on the others encoded with it)."""
        items = list(self._cache.items())
        if keep < len(items):
            used = self._used[[r for _, (r, _) in items]]
            items = [items[i] for i in np.sort(np.argsort(-used, kind="stable")[:keep]).tolist()]
        rows = np.array([r for _, (r, _) in items], np.intp)
        self._table[1 : len(items) + 1] = self._table[rows]
        self._used[1 : len(items) + 1] = self._used[rows]
        self._cache = {w: (i, k) for i, (w, (_, k)) in enumerate(items, 1)}

    def _layout(self, sentences: list[list[str]]) -> tuple[np.ndarray, list[int], Keys]:
        """All tokens' first-layer vectors, sentences end to end without gaps, each
        sentence's first row in the padded layout (``gap`` zero rows before and after each
        sentence: what the output layer and the document layer read), and each word's
        (normalised form, stem). The words must be cached (:meth:`_fill`)."""
        get = self._cache.__getitem__
        rows: list[int] = []
        starts: list[int] = []
        keys: Keys = []
        for k, words in enumerate(sentences):
            starts.append(len(rows) + (k + 1) * self.gap)
            found = list(map(get, words))
            rows += [r for r, _ in found]
            keys.append([k for _, k in found])
        ids = np.array(rows, np.intp)
        self._used[ids] = self._tick
        return self._table[ids], starts, keys

    def _convolutions(self, z: np.ndarray, lengths: list[int]) -> np.ndarray:
        """The last convolution's outputs of every row from first-layer pre-activations
        (sentences of ``lengths`` end to end). A tap's rows that would reach into another
        sentence are zeroed before they are added: the sums are then those of zero padding
        around each sentence, without computing the padding rows (13% of the rows of
        scope "events"' windows). Elementwise steps in place: the matmuls are the real work."""
        a = self.w.arrays
        ends = np.repeat(np.cumsum(lengths), lengths)
        starts = ends - np.repeat(lengths, lengths)
        row = np.arange(len(z))
        # per dilation, the rows whose left tap (added d rows on) and right tap (d rows back) leave their sentence
        cut = {d: (np.flatnonzero(row + d >= ends), np.flatnonzero(row - d < starts)) for d in set(self.w.dilations)}
        h = np.maximum(z, 0.0, out=z)
        for k, (d, (left, centre, right)) in enumerate(zip(self.w.dilations, self.w.taps, strict=True)):
            c = h @ centre
            c += a[f"b_conv{k}"]
            tap = h @ left
            tap[cut[d][0]] = 0.0
            c[d:] += tap[:-d]
            tap = h @ right
            tap[cut[d][1]] = 0.0
            c[:-d] += tap[d:]
            np.maximum(c, 0.0, out=c)
            c += h
            h = c
        return h

    def _first_passes(self, documents: list[list[list[str]]]) -> list[tuple[np.ndarray, list[tuple[int, int]], Keys]]:
        """Per document: the label scores of all rows of its padded layout (sentences end
        to end, ``gap`` zero rows around each), each sentence's rows, and its words'
        (normalised form, stem). The words must be cached (:meth:`_fill`). The
        convolutions run once over all documents' tokens (a row's outputs do not depend
        on the other rows, and large matmuls run nearer the core's peak); the output
        layer runs per document's padded rows, as the document alone would (its last bits
        move with the number of rows)."""
        g = self.gap
        sentences = [ws for doc in documents for ws in doc]
        z, starts, keys = self._layout(sentences)
        lengths = [len(ws) for ws in sentences]
        h = self._convolutions(z, lengths)
        padded = np.zeros((len(h) + g * (len(sentences) + 1), h.shape[1]), h.dtype)
        padded[np.arange(len(h)) + np.repeat(np.arange(1, len(sentences) + 1) * g, lengths)] = h
        w_out, b_out = self.w.arrays["w_out"], self.w.arrays["b_out"]
        out = []
        first = 0
        for doc in documents:
            last = first + len(doc)
            lo = starts[first] - g if doc else 0
            hi = starts[last - 1] + lengths[last - 1] + g if doc else 0
            spans = [(s - lo, s - lo + n) for s, n in zip(starts[first:last], lengths[first:last], strict=True)]
            out.append((padded[lo:hi] @ w_out + b_out, spans, keys[first:last]))
            first = last
        return out

    def _second_pass(
        self, keys: Keys, em: np.ndarray, spans: list[tuple[int, int]], paths: list[list[int]],
        groups: list[int] | None,
    ) -> list[np.ndarray]:
        """Each sentence's label scores with the document layer: the types the first pass
        (``paths``, its Viterbi labels) gave each word nearby add to its scores."""
        w_doc = self.w.arrays.get("w_doc")
        if w_doc is None:
            return [em[s:e] for s, e in spans]
        doc = self._doc_features(keys, paths, spans, len(em), groups)
        return [em[s:e] + doc[s:e] @ w_doc for s, e in spans]

    def _emissions(self, sentences: list[list[str]], groups: list[int] | None = None) -> list[np.ndarray]:
        """Label scores of each non-empty sentence, all sentences in one pass; with a
        document layer, the types the first pass gave each word nearby add to its scores
        (nearby in sentences: ``groups``, as in :func:`marsad.ner.crf.decode_document`)."""
        self._fill([t for words in sentences for t in words])
        em, spans, keys = self._first_passes([sentences])[0]
        paths = viterbi_batch([em[s:e] for s, e in spans], self.w.trans) if "w_doc" in self.w.arrays else []
        return self._second_pass(keys, em, spans, paths, groups)

    def _doc_features(
        self, keys: Keys, paths: list[list[int]], spans: list[tuple[int, int]], rows: int,
        groups: list[int] | None = None,
    ) -> np.ndarray:
        """:func:`doc_matrix` of every sentence (its words' ``keys``) from the first
        pass's labels ``paths``, laid out as the tokens are (gap rows hold no types, so
        the neighbour columns need no per-sentence shift); pieces of one sentence
        (``groups``) are one sentence of the window."""
        from marsad.ner.stack import typed_keys, window_types

        labels = self.labels
        outside = self.labels.index("O")
        typed = [
            typed_keys(k, [labels[i] for i in p]) if p.count(outside) < len(p) else []
            for k, p in zip(keys, paths, strict=True)
        ]
        n = len(DOC_TYPES)
        m = np.zeros((rows, DOC_DIM), np.float32)
        if any(typed):
            if groups is not None:
                keys, typed = merged(keys, groups), merged(typed, groups)
            m[np.concatenate([np.arange(s, e) for s, e in spans]), :n] = window_types(keys, typed, DOC_TYPES)
            neighbour_columns(m)
        return m

    def scored_document(
        self, sentences: list[list[str]], scores: bool = True, groups: list[int] | None = None
    ) -> Scored:
        """Labels and (with ``scores``) each label's marginal probability, per sentence."""
        with self._lock:
            return decode_document(sentences, self._emissions, self.w.trans, self.labels, scores, groups)

    def scored_documents(
        self, documents: list[tuple[list[list[str]], list[int] | None]], scores: bool = True
    ) -> list[Scored]:
        """:meth:`scored_document` of each ``(sentences, groups)``: each document has its
        own network pass and document layer, while the two Viterbi passes and
        forward-backward run over all documents' sentences at once. Their cost is a
        numpy step per position whatever the number of sentences, so a batch of
        articles pays for its longest sentence, not for each article's. Labels are the
        same as one by one (Viterbi is elementwise over sentences); marginals can move
        in their last bits (about 1e-16: BLAS sums a different number of rows)."""
        with self._lock:
            kept = [[k for k, ws in enumerate(sentences) if ws] for sentences, _ in documents]
            items = [
                ([sentences[k] for k in keep], [groups[k] for k in keep] if groups is not None else None)
                for keep, (sentences, groups) in zip(kept, documents, strict=True)
            ]
            # New words of all documents encoded at once (a word's vector does not depend on
            # the others encoded with it): a per-call cost paid once.
            self._fill([t for sentences, _ in items for words in sentences for t in words])
            firsts = self._first_passes([sentences for sentences, _ in items])
            flat = [em[s:e] for em, spans, _ in firsts for s, e in spans]
            paths = iter(viterbi_batch(flat, self.w.trans) if "w_doc" in self.w.arrays else [[]] * len(flat))
            ems: list[np.ndarray] = []
            for (_, groups), (em, spans, keys) in zip(items, firsts, strict=True):
                ems += self._second_pass(keys, em, spans, [next(paths) for _ in spans], groups)
            done = iter(decode(ems, self.w.trans, self.labels, scores))
            out: list[Scored] = []
            for keep, (sentences, _) in zip(kept, documents, strict=True):
                scored: Scored = [([], []) for _ in sentences]
                for k in keep:
                    scored[k] = next(done)
                out.append(scored)
            return out
