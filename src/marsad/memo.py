"""Bounded per-word memos read in one pass: the tokenizer's, the geocoder's and the linker's per-word answers.

News repeats its words, and most words of an article have been seen: looking every word up
with ``map(cache.get, words)`` is one C-level pass, and only the new words are computed in
Python. A memo is a plain dict emptied when full, so memory stays flat on any stream.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from itertools import compress
from operator import is_
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

_IS_NONE = partial(is_, None)


def lookup_many(memo: dict[K, V], keys: Sequence[K], compute: Callable[[K], V], limit: int) -> list[V]:
    """``compute(k)`` for each of ``keys``, remembered in ``memo`` (at most ``limit`` entries;
    it is emptied when full). ``compute`` must be pure and never return None."""
    found: list[V | None] = list(map(memo.get, keys))
    if None in found:
        for j in compress(range(len(found)), map(_IS_NONE, found)):  # the new words only
            key = keys[j]
            value = memo.get(key)  # an earlier word of this call may have been the same
            if value is None:
                if len(memo) >= limit:
                    memo.clear()
                value = memo[key] = compute(key)
            found[j] = value
    return found  # type: ignore[return-value]  # no None is left


def peek_many(memo: Mapping[K, V], keys: Sequence[K], compute: Callable[[K], V]) -> list[V]:
    """``compute(k)`` for each of ``keys``, read from ``memo`` where it holds k and computed
    (not stored) where not: a reader of another step's memo that must not grow it."""
    found: list[V | None] = list(map(memo.get, keys))
    if None in found:
        for j in compress(range(len(found)), map(_IS_NONE, found)):
            found[j] = compute(keys[j])
    return found  # type: ignore[return-value]  # no None is left
