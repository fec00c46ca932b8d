"""An event's confidence: a small logistic model over evidence features and cues.

The coder records, for each draft, what its evidence rested on (a strong or weak
trigger, an explicit date or the publication day, a place in the sentence or one
borrowed from earlier, a named or an inferred attacker, hedging words, where in the
article the sentence stands) and a few cues (``features_lex``: the sub-event type, the
sentence's place, the event's age, another event of its type that day, a place abroad,
the article's number of events). ``confidence = sigmoid(bias + sum(weight * feature))``
with weights fitted on the dev golds (``marsad train events-confidence``) and shipped as a
table in ``marsad/data/events/confidence.json``. So a threshold trades precision for recall;
``MIN_CONFIDENCE`` is the coder's own floor, 0: every event is kept (docs/gold.md, "Learned
confidence": a floor raised held-out F1 by about 0.01 but dropped plain protests abroad). A reported toll is deliberately no feature:
on the tuned dev articles tolled events were nearly always right, on new articles (dev3)
they were as often background tolls.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

#: The model's features, in the shipped table's order (all in [0, 1]).
FEATURES: tuple[str, ...] = (
    "strong",      # the trigger is a strong cue (an event noun/verb that alone says it happened)
    "dated",       # an explicit date in the clause or sentence
    "undated",     # no date at all: the publication day by default
    "named",       # the attacker is named in the text (not unidentified, not inferred from the story)
    "inferred",    # a side inferred from the story, not read from the sentence
    "borrowed",    # the place was named in an earlier sentence or the headline
    "hedged",      # hedging or attribution words in the clause (يعتقد، أنباء، يرجح، اتهم …)
    "early",       # the sentence is in the article's first fifth (the lead reports the news)
    "quoted",      # the trigger is inside a quotation
    "point",       # the place is a town or site (geo_precision 1)
    "region",      # only the province or country is known (geo_precision 3)
    "two_sided",   # both sides are coded
    "repeated",    # several sentences report the event
    "stale",       # the event is dated two days or more before publication (recalled, not reported)
)

#: The sign a careful coder expects of each weight (+1 strengthens, -1 weakens, 0 either):
#: the fit keeps to it, so that the table stays readable and a quirk of the dev sets
#: cannot make weaker evidence count as stronger.
SIGNS: dict[str, int] = {
    "strong": 1, "dated": 1, "undated": -1, "named": 1, "inferred": -1, "borrowed": -1, "hedged": -1,
    "early": 0, "quoted": -1, "point": 1, "region": 0, "two_sided": 1, "repeated": 1,
    "stale": -1,
}

#: Hedging and attribution stems (normalised, clitics off): the report is not the coder's own.
_HEDGES = ("يعتقد", "يرجح", "يشتبه", "انباء", "مزاعم", "زعم", "اتهم", "تتهم", "يتهم", "ربما", "محتمل", "مرجح",
           "يبدو", "قيل", "تردد", "شائعات", "غير مؤكد", "لم يتسن", "لم يتم التاكد")

_TABLE = ("data", "events", "confidence.json")
_DENSE = frozenset(FEATURES)
#: Events below this confidence are dropped by the coder (``merge.merge_with_features``); 0 keeps
#: all, and users raise the bar at query time (``--min-confidence``, the API's ``min_confidence``).
#: Leave-one-gold-set-out cross-validation (``marsad train events-confidence --cv``) found a small
#: gain at 0.05-0.25 (pooled held-out F1 0.718 -> 0.726 at 0.10: seven recaps and an arrest abroad
#: dropped), but at 0.10 the model, fitted on 59 wrong events, also dropped a lead-sentence protest
#: in Basra in the shipped examples (0.097: few protests abroad in the dev golds, so "abroad" and
#: "early" weigh against it) and a rule test's protest in Rafah (0.102). A coder that silently
#: drops plain protests is worse than a few recaps kept with a low score, so no floor is set.
MIN_CONFIDENCE = 0.0


def hedged(clause_words: Iterable[str]) -> bool:
    """Whether a clause's normalised words carry a hedging or attribution cue."""
    text = " " + " ".join(w.removeprefix("و") for w in clause_words) + " "
    return any(f" {h}" in text for h in _HEDGES)


def draft_cues(*, strong: bool, date_conf: float, named: bool, inferred: bool, borrowed: bool,
               hedge: bool, position: float, quoted: bool, stale: bool = False) -> frozenset[str]:
    """The coder-side evidence flags of one draft (see ``FEATURES``)."""
    flags = {
        "strong": strong, "dated": date_conf > 0, "undated": date_conf < 0, "named": named,
        "inferred": inferred, "borrowed": borrowed, "hedged": hedge, "early": position < 0.2, "quoted": quoted,
        "stale": stale,
    }
    return frozenset(k for k, v in flags.items() if v)


def event_features(cues: Sequence[frozenset[str]], geo_precision: int, actor2: str,
                   n_events: int = 1) -> dict[str, float]:
    """Features of a merged event: the best evidence of its drafts, its own fields, the
    lexical cues of any of its drafts (``features_lex``) and the article's number of events."""
    every: set[str] = set().union(*cues) if cues else set()
    best = every & _DENSE
    worst = {"undated", "inferred", "borrowed", "hedged", "quoted", "stale"}
    for flag in worst & best:  # a weakness counts only when every report of the event has it
        if not all(flag in c for c in cues):
            best.discard(flag)
    best |= {k for k, v in (("point", geo_precision == 1), ("region", geo_precision == 3),
                            ("two_sided", bool(actor2)), ("repeated", len(cues) > 1)) if v}
    out = {f: float(f in best) for f in FEATURES}
    out.update((c, 1.0) for c in every - _DENSE)
    out["n:" + ("1" if n_events <= 1 else "2-3" if n_events <= 3 else "4+")] = 1.0
    return out


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    path = resources.files("marsad").joinpath(*_TABLE)
    table: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return table


@lru_cache(maxsize=1)
def weights() -> tuple[float, dict[str, float]]:
    """The shipped (bias, weights of ``FEATURES``) table, read once."""
    table = _table()
    return float(table["bias"]), {k: float(v) for k, v in table["weights"].items()}


@lru_cache(maxsize=1)
def cue_weights() -> dict[str, float]:
    """The shipped weights of the lexical cues (``features_lex``); a cue not in it weighs 0."""
    return {k: float(v) for k, v in _table().get("lexical", {}).items()}


def clear() -> None:
    """Forget the table read (after the trainer wrote a new one)."""
    for f in (_table, weights, cue_weights):
        f.cache_clear()


def predict(features: Mapping[str, float]) -> float:
    """The probability, fitted on the dev golds, that an event with these features matches a gold event."""
    bias, w = weights()
    cues = cue_weights()
    z = bias + sum((w.get(k) or cues.get(k, 0.0)) * v for k, v in features.items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)
