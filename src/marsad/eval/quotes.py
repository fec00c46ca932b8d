"""Score extracted quotes against a gold file written with docs/quotes-guideline.md.

A system quote matches a gold quote of the same article when their character spans
overlap by at least half of the shorter span; pairs are made one-to-one, greedily, the
most overlapping (Jaccard) first. Prints precision and recall, then on matched pairs
speaker accuracy, kind accuracy and mean span Jaccard; the F1 last (``quote_f1: 0.71``).
The gold file's own consistency (offsets, ``quote_text``, every listed article present)
is checked by :func:`check_gold`, which ``scripts/quotes_gold_check.py`` runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.eval.events import Matched, analysed_articles

#: How many words of the quote a gold line copies as ``quote_text`` (the repository keeps no more).
HEAD_WORDS = 15
KINDS = ("direct", "reported")
GOLD_KEYS = frozenset({"article_id", "kind", "speaker", "quote_text", "start", "end", "note"})


@dataclass(frozen=True)
class Scores(Matched):
    speaker_ok: int
    kind_ok: int
    jaccard_sum: float

    def report(self) -> str:
        return self.lines("quote", {
            "speaker_accuracy": self.speaker_ok, "kind_accuracy": self.kind_ok,
            "span_jaccard": self.jaccard_sum,
        })  # fmt: skip


def _span(q: dict[str, Any]) -> tuple[int, int]:
    return int(q["start"]), int(q["end"])


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = overlap(a, b)
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


def matches(s: dict[str, Any], g: dict[str, Any]) -> bool:
    """Spans overlapping by at least half of the shorter one (a reported clause's end is
    a judgement call; its beginning and speaker are not)."""
    a, b = _span(s), _span(g)
    inter = overlap(a, b)
    return inter > 0 and 2 * inter >= min(a[1] - a[0], b[1] - b[0])


_WORDS = re.compile(r"\w+")


def _speaker_words(speaker: str) -> list[str]:
    from marsad.arabic import normalize

    return _WORDS.findall(normalize(speaker))


def _same_word(a: str, b: str) -> bool:
    """Equal, or equal but for one proclitic (و ف ل ب) or «لل» for «ال» («للمرصد», «المرصد»)."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if x[1:] == y and x[0] in "وفلب" or x.startswith("لل") and y == "ال" + x[2:]:
            return True
    return False


def same_speaker(system: str, gold: str) -> bool:
    """Every word of one speaker is in the other (after Arabic normalisation):
    «بوتين» and «الرئيس الروسي فلاديمير بوتين» are the same speaker."""
    s, g = _speaker_words(system), _speaker_words(gold)
    if not s or not g:
        return False

    def within(xs: list[str], ys: list[str]) -> bool:
        return all(any(_same_word(x, y) for y in ys) for x in xs)

    return within(g, s) or within(s, g)


def _by_article(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Quotes per article; a ``no_quotes`` line is no quote (an annotator's file as system)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for q in records:
        if not q.get("no_quotes"):
            out.setdefault(str(q["article_id"]), []).append(q)
    return out


def pairs_by_article(
    system: Iterable[dict[str, Any]], gold: Iterable[dict[str, Any]]
) -> Iterator[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Greedy one-to-one matching per article, most overlapping pairs first: yields
    ``(system, gold)`` for matches, ``(system, None)`` and ``(None, gold)`` for the rest."""
    sys_by, gold_by = _by_article(system), _by_article(gold)
    for art in sorted(set(sys_by) | set(gold_by)):
        ss, gs = sys_by.get(art, []), gold_by.get(art, [])
        pairs = [(jaccard(_span(s), _span(g)), i, j) for i, s in enumerate(ss) for j, g in enumerate(gs) if matches(s, g)]
        used_s: dict[int, int] = {}
        used_g: set[int] = set()
        for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            if i not in used_s and j not in used_g:
                used_s[i] = j
                used_g.add(j)
        for i, s in enumerate(ss):
            yield s, (gs[used_s[i]] if i in used_s else None)
        yield from ((None, g) for j, g in enumerate(gs) if j not in used_g)


def score(system: Iterable[dict[str, Any]], gold: Iterable[dict[str, Any]]) -> Scores:
    tp = n_sys = n_gold = speaker_ok = kind_ok = 0
    jac = 0.0
    for s, g in pairs_by_article(system, gold):
        n_sys += s is not None
        n_gold += g is not None
        if s is not None and g is not None:
            tp += 1
            speaker_ok += same_speaker(str(s.get("speaker") or ""), str(g.get("speaker") or ""))
            kind_ok += s.get("kind") == g.get("kind")
            jac += jaccard(_span(s), _span(g))
    return Scores(tp, n_sys, n_gold, speaker_ok, kind_ok, jac)


def system_quotes(article_ids: list[str], news: Path, skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The quotes the default pipeline finds on the gold's articles, with ``article_id``
    (the articles read and analysed as ``marsad eval events`` does)."""
    from dataclasses import asdict

    return [
        {**asdict(q), "article_id": done.id}
        for done in analysed_articles(article_ids, news, skip)
        for q in done.quotes
    ]


def quote_head(text: str, start: int, end: int, words: int = HEAD_WORDS) -> str:
    """The quote's first ``words`` words as written (its ``quote_text``)."""
    ends = [m.end() for m in re.finditer(r"\S+", text[start:end])][:words]
    return text[start : start + ends[-1]] if ends else ""


def check_gold(records: list[dict[str, Any]], texts: dict[str, str], listed: Iterable[str] = ()) -> list[str]:
    """What is wrong with a gold file (empty when nothing): ``texts`` maps docno to the
    article text, ``listed`` the ids that must all appear."""
    errors: list[str] = []
    seen: dict[str, set[str]] = {}
    for n, rec in enumerate(records, 1):
        errors.extend(f"line {n}: {e}" for e in _check_line(rec, texts))
        art = str(rec.get("article_id", ""))
        seen.setdefault(art, set()).add("none" if rec.get("no_quotes") else "quote")
        if rec.get("start") is not None and not rec.get("no_quotes"):
            key = f"{rec.get('start')}:{rec.get('end')}"
            if key in seen[art]:
                errors.append(f"line {n}: the same span twice in {art}")
            seen[art].add(key)
    errors.extend(f"{art}: a no_quotes line beside quotes" for art, kinds in seen.items() if {"none", "quote"} <= kinds)
    errors.extend(f"{art}: listed but missing" for art in listed if art not in seen)
    return errors


def _check_line(rec: dict[str, Any], texts: dict[str, str]) -> list[str]:
    art = str(rec.get("article_id", ""))
    if art not in texts:
        return [f"unknown article_id {art!r}"]
    if rec.get("no_quotes"):
        extra = set(rec) - {"article_id", "no_quotes", "note"}
        return [f"no_quotes line with {sorted(extra)}"] if extra else []
    errors = [f"missing {k}" for k in ("kind", "speaker", "quote_text", "start", "end") if k not in rec]
    errors += [f"unknown field {k}" for k in sorted(set(rec) - GOLD_KEYS)]
    if errors:
        return errors
    text, start, end = texts[art], rec["start"], rec["end"]
    if rec["kind"] not in KINDS:
        errors.append(f"kind {rec['kind']!r} is not one of {KINDS}")
    if not str(rec["speaker"]).strip():
        errors.append("empty speaker")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return errors + [f"offsets {start}-{end} outside the text (length {len(text)})"]
    quoted = str(rec["quote_text"])
    if text[start : start + len(quoted)] != quoted or start + len(quoted) > end:
        errors.append(f"quote_text is not the text at {start}: {text[start:start + len(quoted)]!r}")
    if len(quoted.split()) > HEAD_WORDS:
        errors.append(f"quote_text longer than {HEAD_WORDS} words")
    if text[start:end] != text[start:end].strip() or text[start] in "«“\"" or text[end - 1] in "»”\"":
        errors.append("span starts or ends with a space or quotation mark")
    return errors
