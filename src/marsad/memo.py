"""Bounded per-word memos read in one pass: the tokenizer's, the geocoder's and the linker's per-word answers.

News repeats its words, and most words of an article have been seen: looking every word up
with ``map(cache.get, words)`` is one C-level pass, and only the new words are computed in
Python. A memo is a plain dict emptied when full, so memory stays flat on any stream.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import compress
from operator import is_
from threading import Lock
from typing import Generic, TypeVar

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


#: Articles a batch analyses at once (:meth:`marsad.pipeline.Pipeline.process_many`): the
#: per-article memos shared between steps remember this many articles.
ARTICLES_AT_ONCE = 64


class RecentTexts(Generic[V]):
    """A value per article text for the last :data:`ARTICLES_AT_ONCE` texts, keyed by the
    text's identity: steps replace the frozen article but keep its text object, and one
    step's search is read again by a later step. The texts are held, so an identity is
    never reused by another string while remembered. Writes take a lock: the web API
    analyses in threads, and a racing eviction could grow the memo past its bound."""

    def __init__(self, size: int = ARTICLES_AT_ONCE) -> None:
        self._size = size
        self._items: dict[int, tuple[str, V]] = {}
        self._lock = Lock()

    def get(self, text: str) -> V | None:
        item = self._items.get(id(text))
        return item[1] if item is not None and item[0] is text else None

    def clear(self) -> None:
        """Forget every text (a caller that changed what the values depend on)."""
        with self._lock:
            self._items.clear()

    def put(self, text: str, value: V) -> V:
        with self._lock:
            while len(self._items) >= self._size:
                del self._items[next(iter(self._items))]  # the oldest
            self._items[id(text)] = (text, value)
        return value
