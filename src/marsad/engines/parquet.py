"""Events to Parquet shards as the analysed stream goes by (``marsad run --parquet DIR``).

Written from the process that consumes the stream (the local engine's main
process or the Ray driver), one file per ``chunk_size`` articles in the export
schema, so a large run can skip the single-writer SQLite store. Engine-neutral:
it sees only analysed articles.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.model import Article, event_to_dict


@dataclass
class ParquetShards:
    """Events of every ``chunk_size`` articles to ``DIR/events-NNNNN.parquet`` (export schema).

    Used as a pass-through over the analysed stream: ``for a in shards.tee(stream)``.
    A chunk without events writes no file; the last :meth:`flush` writes the last one.
    The first shard written clears the shards of an earlier run from ``directory``, so a
    re-run never leaves stale or duplicated events beside the new ones.
    """

    directory: Path
    chunk_size: int = 10_000
    shards: list[Path] = field(default_factory=list)
    _events: list[dict[str, Any]] = field(default_factory=list)
    _articles: int = 0

    def add(self, article: Article) -> None:
        stamp = int(time.time())
        for event in article.events:
            row = event_to_dict(event, article.text)
            row.update(article_id=article.id, source=article.source, url=article.url,
                       timestamp=stamp)  # fmt: skip
            self._events.append(row)
        self._articles += 1
        if self._articles >= self.chunk_size:
            self.flush()

    def flush(self) -> None:
        from marsad.store.exports import write_export

        if self._events:
            self.directory.mkdir(parents=True, exist_ok=True)
            if not self.shards:
                for stale in self.directory.glob("events-*.parquet"):
                    stale.unlink()
            path = self.directory / f"events-{len(self.shards):05d}.parquet"
            write_export(self._events, "parquet", path)
            self.shards.append(path)
        self._events, self._articles = [], 0

    def tee(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Yield ``articles`` unchanged, writing their events shard by shard."""
        for article in articles:
            self.add(article)
            yield article
        self.flush()
