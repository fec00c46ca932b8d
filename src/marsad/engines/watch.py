"""Watch a folder and analyse each file as it appears.

Polling (no extra dependency) with a short interval: a file is taken once its
size and modification time have been stable for one poll, so a file still being
written is not read half-way. Files are remembered by (path, mtime, size): a
rewritten file is analysed again, and the store's idempotent upsert keeps a
re-run (or a restart of the watcher) from duplicating anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Signature = tuple[float, int]


@dataclass
class FolderWatcher:
    """Yields paths of new or changed files under ``root`` once they are stable."""

    root: Path
    interval: float = 0.1
    pattern: str = "*"
    _seen: dict[Path, Signature] = field(default_factory=dict)
    _pending: dict[Path, Signature] = field(default_factory=dict)

    def _scan(self) -> dict[Path, Signature]:
        found: dict[Path, Signature] = {}
        for path in self.root.rglob(self.pattern):
            if path.is_file() and not path.name.startswith("."):
                stat = path.stat()
                found[path] = (stat.st_mtime, stat.st_size)
        return found

    def poll(self) -> list[Path]:
        """One scan: the files that became ready since the last one."""
        ready = []
        current = self._scan()
        for path, sig in sorted(current.items()):
            if self._seen.get(path) == sig:
                continue
            if self._pending.get(path) == sig:
                ready.append(path)
                self._seen[path] = sig
                self._pending.pop(path)
            else:
                self._pending[path] = sig
        return ready


def watch_folder(
    root: Path,
    handle: Callable[[Path], None],
    *,
    interval: float = 0.1,
    stop: Callable[[], bool] = lambda: False,
) -> None:
    """Call ``handle(path)`` for each new file until ``stop()`` is true."""
    watcher = FolderWatcher(root, interval)
    while not stop():
        for path in watcher.poll():
            handle(path)
        time.sleep(interval)
