"""CRF features for a sentence of words, built from cached per-word feature lists.

Feature extraction in Python dominates tagging time, so everything that depends on
one word only (normalised form, clitic split, affixes, clusters, gazetteer) is
computed once per distinct word and cached as ready-made string lists, one for each
window position; a sentence's features are then concatenations of cached lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from marsad.ner.lexicon import Lexicon
from marsad.ner.text import normalize, shape

_PRO_1 = ("", "و", "ف")
_PRO_2 = ("", "ب", "ك", "ل")
#: Proclitic pairs in the order :meth:`FeatureExtractor.split` tries them, with the second.
_PREFIXES = tuple((p1 + p2, p2) for p1 in _PRO_1 for p2 in _PRO_2)
#: The pairs a word can start with, by its first letter (the empty pair always; order kept).
_PREFIXES_BY_FIRST = {c: tuple(p for p in _PREFIXES if p[0][:1] in ("", c)) for c in "وفبكل"}
_NO_PREFIX = _PREFIXES[:1]
_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه")
_UNSEEN = 10**9
#: Cluster columns (see ``clusters.CLUSTER_SETS``) given for the ±1 neighbours: 128 and
#: 512 clusters over both sides, 256 over left-only and right-only contexts.
_NEAR = (1, 2, 4, 6)


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """One word's features as seen from each window position, and its stem."""

    own: list[str]
    left1: list[str]
    right1: list[str]
    left2: list[str]
    right2: list[str]
    stem: str
    norm: str


@dataclass(frozen=True, slots=True)
class WordIds:
    """:class:`WordFeatures` as a trained model's attribute ids; ``own`` starts with
    the padding id, so that every token has at least one."""

    own: list[int]
    left1: list[int]
    right1: list[int]
    left2: list[int]
    right2: list[int]
    stem: str
    norm: str


#: The fields of a word's own features after the constant ``b``, in their order (then
#: its clusters ``c0=…`` or ``s0=…``, else ``c=none``; its gazetteer and trigger marks;
#: ``cap`` for a capitalised Latin word).
OWN_FIELDS = ("w", "st", "pc", "sf", "sh", "sp2", "sp3", "ss1", "ss2", "ss3", "ss4", "ln", "fq")


class OwnValues(NamedTuple):
    """A word's own features as values (:meth:`FeatureExtractor.own_values`)."""

    #: One per :data:`OWN_FIELDS`: the normalised form and the stem come first.
    values: tuple[str, ...]
    #: ``"c"``: the clusters are the form's; ``"s"``: the stem's.
    cluster_kind: str
    clusters: tuple[str, ...]
    marks: list[str]
    cap: bool


class FeatureIndex:
    """A trained network's feature ids (feature string -> id, 0 for a feature it lacks),
    looked up by field and value: building a new word's ~20 feature strings and hashing
    them cost more than all the rest of its encoding."""

    def __init__(self, ids: dict[str, int]) -> None:
        self.ids = ids
        by_field: dict[str, dict[str, int]] = {}
        for feature, i in ids.items():
            field, eq, value = feature.partition("=")
            if eq:  # a field never holds "=": each string maps back to its (field, value)
                by_field.setdefault(field, {})[value] = i
        self._own = [by_field.get(k, {}) for k in OWN_FIELDS]
        self._clusters = {
            kind: [by_field.get(f"{kind}{i}", {}) for i in range(_cluster_columns(by_field, kind))]
            for kind in "cs"
        }

    def own_ids(self, v: OwnValues) -> list[int]:
        """The ids of :meth:`FeatureExtractor._compute`'s ``own`` strings, in their order."""
        get = self.ids.get
        out = [get("b", 0)]
        out += [d.get(x, 0) for d, x in zip(self._own, v.values, strict=True)]
        if v.clusters:
            columns = self._clusters[v.cluster_kind]
            out += [d.get(c, 0) for d, c in zip(columns, v.clusters, strict=False)]
            out += [0] * (len(v.clusters) - len(columns))  # columns no feature was kept for
        else:
            out.append(get("c=none", 0))
        out += [get(m, 0) for m in v.marks]
        if v.cap:
            out.append(get("cap", 0))
        return out


def _cluster_columns(by_field: dict[str, dict[str, int]], kind: str) -> int:
    """How many cluster columns of ``kind`` (``c0``, ``c1``, …) reach a kept feature."""
    return max((int(f[1:]) + 1 for f in by_field if f[:1] == kind and f[1:].isdigit()), default=0)


#: Word (normalised form or stem) -> entity types a first pass gave it in the document.
DocTypes = dict[str, set[str]]


def doc_kinds(doc: DocTypes, words: list[WordFeatures] | list[WordIds]) -> list[list[str]]:
    """Per word, the sorted entity types the first pass gave it (form or stem) nearby."""
    empty: set[str] = set()
    return [sorted(doc.get(w.norm, empty) | doc.get(w.stem, empty)) for w in words]


def doc_features(kinds: list[list[str]], i: int) -> list[str]:
    """``dk=TYPE`` for word ``i``'s document types, and ``-1dk=``/``+1dk=`` for its
    neighbours' (a surname known from elsewhere marks the first name before it)."""
    out = ["dk=" + k for k in kinds[i]]
    if i > 0 and kinds[i - 1]:
        out += ["-1dk=" + k for k in kinds[i - 1]]
    if i + 1 < len(kinds) and kinds[i + 1]:
        out += ["+1dk=" + k for k in kinds[i + 1]]
    return out


def _rank_bucket(rank: int) -> str:
    return "oov" if rank >= _UNSEEN else str(rank.bit_length())


class FeatureExtractor:
    """Turns word sequences into crfsuite feature lists, caching per word."""

    def __init__(
        self,
        lexicon: Lexicon,
        index: dict[str, int] | None = None,
        cache_size: int = 50_000,
        shared: FeatureExtractor | None = None,
        windows: bool = True,
    ) -> None:
        """``index``: a trained model's attribute ids, for :meth:`sentence_ids`;
        ``shared``: an extractor over the same lexicon whose string cache to reuse;
        ``windows=False``: only each word's own features (the network needs no others)."""
        self.lex = lexicon
        self.index = index or {}
        self.pad = len(self.index)
        self._cache: dict[str, WordFeatures] = shared._cache if shared else {}
        self._ids: dict[str, WordIds] = {}
        self._cache_size = cache_size
        self.windows = windows
        self._marks = self._gazetteer_marks()

    def clear_cache(self) -> None:
        """Forget the per-word features (for benchmarks and after a lexicon change)."""
        self._cache.clear()
        self._ids.clear()
        self._marks = self._gazetteer_marks()

    def _gazetteer_marks(self) -> dict[str, tuple[str, ...]]:
        """Word -> its gazetteer and trigger features, for the few words that have any: one
        lookup per word instead of six set tests."""
        lex = self.lex
        marks: dict[str, list[str]] = {}
        for key in lex.places:
            marks.setdefault(key, []).append("gL")
        for key in lex.place_parts - lex.places:
            marks.setdefault(key, []).append("gLp")
        for words, mark in ((lex.pers_triggers, "tP"), (lex.org_triggers, "tO"), (lex.loc_triggers, "tL")):
            for key in words:
                marks.setdefault(key, []).append(mark)
        for key, name in lex.names.items():
            marks.setdefault(key, []).append("lx=" + name)
        return {key: tuple(m) for key, m in marks.items()}

    def split(self, norm: str) -> tuple[str, str, str]:
        """``(proclitics, stem, suffix)``: the article ال is always split off; a
        one-letter proclitic or pronoun suffix only when the remainder is a much more
        frequent word in the news corpus (so وزير stays whole, بسوريا becomes سوريا)."""
        rank = self.lex.rank
        best, best_rank = ("", norm), rank.get(norm, _UNSEEN)
        for pre, p2 in _PREFIXES_BY_FIRST.get(norm[:1], _NO_PREFIX):
            if not norm.startswith(pre):
                continue
            rest = norm[len(pre):]
            if rest.startswith("ال") and len(rest) > 3 and p2 != "ك":
                return pre + "ال", rest[2:], ""
            if p2 == "ل" and rest.startswith("ل") and len(rest) > 2:
                return pre + "ل", rest[1:], ""
            r = rank.get(rest, _UNSEEN)
            if pre and len(rest) >= 2 and r * 3 < best_rank:
                best, best_rank = (pre, rest), r
        pre, stem = best
        if not stem.endswith(_SUFFIXES):
            return pre, stem, ""
        for suf in _SUFFIXES:
            if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                r = rank.get(stem[: -len(suf)], _UNSEEN)
                if r * 3 < rank.get(stem, _UNSEEN):
                    return pre, stem[: -len(suf)], suf
        return pre, stem, ""

    def word(self, word: str) -> WordFeatures:
        """The cached features of one word."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        wf = self._compute(word)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[word] = wf
        return wf

    def word_ids(self, word: str) -> WordIds:
        """The cached attribute ids of one word (attributes the model lacks are dropped)."""
        hit = self._ids.get(word)
        if hit is not None:
            return hit
        # Tagging needs only the ids: the feature strings are not cached here, as
        # they cost several KB a word and would grow a worker past 1 GB on a corpus.
        wf = self._cache.get(word) or self._compute(word)
        get = self.index.get
        lists = [
            [i for i in map(get, fs) if i is not None]
            for fs in (wf.own, wf.left1, wf.right1, wf.left2, wf.right2)
        ]
        lists[0].insert(0, self.pad)
        ids = WordIds(lists[0], lists[1], lists[2], lists[3], lists[4], stem=wf.stem, norm=wf.norm)
        if len(self._ids) >= self._cache_size:
            self._ids.clear()
        self._ids[word] = ids
        return ids

    def own_values(self, word: str) -> OwnValues:
        """What a word's own features say, as values: :meth:`_compute` spells them as
        strings, :class:`FeatureIndex` finds their ids without building the strings."""
        lex = self.lex
        norm = normalize(word) or word
        pre, stem, suf = self.split(norm)
        sh = shape(word)
        cl = lex.clusters.get(norm)
        ck = "c"
        if cl is None:
            cl, ck = lex.clusters.get(stem), "s"
        marks = self._marks.get(norm, ()) + self._marks.get(stem, ())
        values = (
            norm, stem, pre, suf, sh, stem[:2], stem[:3], stem[-1:], stem[-2:], stem[-3:], stem[-4:],
            str(min(len(stem), 9)), _rank_bucket(lex.rank.get(norm, _UNSEEN)),
        )
        gaz = sorted(set(marks)) if marks else []
        return OwnValues(values, ck, cl or (), gaz, sh == "lat" and word[:1].isupper())

    def _compute(self, word: str) -> WordFeatures:
        v = self.own_values(word)
        norm, stem, pre, _, sh = v.values[:5]
        cls = [f"{v.cluster_kind}{i}={c}" for i, c in enumerate(v.clusters)] or ["c=none"]
        own = ["b", *[f"{k}={x}" for k, x in zip(OWN_FIELDS, v.values, strict=True)], *cls, *v.marks]
        if v.cap:
            own.append("cap")
        if not self.windows:
            return WordFeatures(own, [], [], [], [], stem=stem, norm=norm)
        gaz = v.marks
        near = [f"st={stem}", f"pc={pre}", f"sh={sh}", *(cls[i] for i in _NEAR if i < len(cls)), *gaz]
        far = [f"st={stem}", *cls[1:2], *gaz]
        return WordFeatures(
            own=own,
            left1=["-1" + f for f in near],
            right1=["+1" + f for f in near],
            left2=["-2" + f for f in far],
            right2=["+2" + f for f in far],
            stem=stem,
            norm=norm,
        )

    def sentence(self, words: list[str], doc: DocTypes | None = None) -> list[list[str]]:
        """crfsuite features for each word of one sentence (window ±2, stem bigrams),
        plus, given ``doc``, the entity types a first pass gave the word nearby."""
        wfs = [self.word(w) for w in words]
        n = len(wfs)
        kinds = doc_kinds(doc, wfs) if doc else None
        out: list[list[str]] = []
        for i, wf in enumerate(wfs):
            f = list(wf.own)
            if kinds:
                f += doc_features(kinds, i)
            if i > 0:
                prev = wfs[i - 1]
                f += prev.left1
                f.append(f"bg-={prev.stem}|{wf.stem}")
                if i > 1:
                    f += wfs[i - 2].left2
            else:
                f.append("BOS")
            if i < n - 1:
                nxt = wfs[i + 1]
                f += nxt.right1
                f.append(f"bg+={wf.stem}|{nxt.stem}")
                if i < n - 2:
                    f += wfs[i + 2].right2
            else:
                f.append("EOS")
            out.append(f)
        return out

    def sentence_ids(self, words: list[str]) -> tuple[list[int], list[int]]:
        """:meth:`sentence`'s features without ``doc``, as ids: ``(flat ids, token offsets)``."""
        wis = [self.word_ids(w) for w in words]
        get = self.index.get
        n = len(wis)
        flat: list[int] = []
        offsets: list[int] = []
        bos, eos = get("BOS"), get("EOS")
        for i, wi in enumerate(wis):
            offsets.append(len(flat))
            flat += wi.own
            extra: list[int | None] = []
            if i > 0:
                prev = wis[i - 1]
                flat += prev.left1
                extra.append(get(f"bg-={prev.stem}|{wi.stem}"))
                if i > 1:
                    flat += wis[i - 2].left2
            else:
                extra.append(bos)
            if i < n - 1:
                nxt = wis[i + 1]
                flat += nxt.right1
                extra.append(get(f"bg+={wi.stem}|{nxt.stem}"))
                if i < n - 2:
                    flat += wis[i + 2].right2
            else:
                extra.append(eos)
            flat += [x for x in extra if x is not None]
        return flat, offsets

    def doc_ids(self, words: list[str], doc: DocTypes) -> tuple[list[int], list[int]]:
        """The document features of :meth:`sentence` alone, as ids (each token starts
        with the padding id, so its emission share can be summed separately)."""
        get = self.index.get
        kinds = doc_kinds(doc, [self.word_ids(w) for w in words])
        flat: list[int] = []
        offsets: list[int] = []
        for i in range(len(words)):
            offsets.append(len(flat))
            flat.append(self.pad)
            if kinds[i] or (i > 0 and kinds[i - 1]) or (i + 1 < len(words) and kinds[i + 1]):
                flat += [x for x in map(get, doc_features(kinds, i)) if x is not None]
        return flat, offsets
