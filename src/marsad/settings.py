"""Run-time defaults that depend on the machine."""

from __future__ import annotations

import os
from typing import Literal

#: Which sentences the entity tagger reads: ``"events"`` only those the event coder
#: can read (trigger sentences, their neighbours, the lead; ``marsad.ner.step``), about
#: a third of the text; ``"all"`` every sentence, for users who read the entities
#: themselves (the article view then shows entities outside event context too).
EntityScope = Literal["events", "all"]
ENTITY_SCOPES: tuple[EntityScope, ...] = ("events", "all")
DEFAULT_ENTITY_SCOPE: EntityScope = "events"


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)
