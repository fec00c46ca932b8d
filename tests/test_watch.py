"""`marsad watch`: the folder watcher and the watch loop into a store."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from marsad.engines.local import upsert_stream
from marsad.engines.watch import FolderWatcher, watch_folder
from marsad.ingest import read_inputs
from marsad.pipeline import default_pipeline
from marsad.store import Store
from marsad.store.queries import EventQuery

# Written for these tests, in news style.
ARTICLE = (
    "قتل أربعة مدنيين وأصيب سبعة آخرون بجروح جراء غارات جوية استهدفت بلدة معرة النعمان "
    "بريف إدلب الجنوبي يوم الثلاثاء، بحسب ما أفاد به ناشطون محليون.\n"
)
QUIET = "عقد المجلس البلدي اجتماعه الدوري لمناقشة خطة تنظيف الحدائق العامة.\n"


def _touch(path: Path, text: str, mtime: float) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))


def test_new_file_is_ready_only_once_stable(tmp_path: Path) -> None:
    watcher = FolderWatcher(tmp_path)
    assert watcher.poll() == []
    path = tmp_path / "a.txt"
    _touch(path, "نص أول", 1_000.0)
    assert watcher.poll() == []  # first sighting: may still be being written
    _touch(path, "نص أول أطول", 1_001.0)  # still growing
    assert watcher.poll() == []
    assert watcher.poll() == [path]  # unchanged for one poll: ready
    assert watcher.poll() == []  # and never again while unchanged


def test_rewritten_file_is_ready_again_and_hidden_files_are_ignored(tmp_path: Path) -> None:
    watcher = FolderWatcher(tmp_path)
    path = tmp_path / "sub" / "b.txt"
    path.parent.mkdir()
    _touch(path, "نص", 1_000.0)
    _touch(tmp_path / ".partial.txt", "نص", 1_000.0)
    watcher.poll()
    assert watcher.poll() == [path]
    _touch(path, "نص معدل بعد النشر", 2_000.0)
    assert watcher.poll() == []
    assert watcher.poll() == [path]


def test_watch_folder_stores_the_events_of_a_new_article(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    default_pipeline()  # models load before the watcher starts
    handled: list[Path] = []
    store = Store(str(tmp_path / "w.db"))

    def handle(path: Path) -> None:  # runs in the watcher thread; the test reads after join
        list(upsert_stream(read_inputs([str(path)]), store))
        handled.append(path)

    done = threading.Event()
    thread = threading.Thread(
        target=watch_folder, args=(inbox, handle), kwargs={"interval": 0.02, "stop": done.is_set}
    )
    thread.start()
    try:
        (inbox / "quiet.txt").write_text(QUIET, encoding="utf-8")
        (inbox / "raid.txt").write_text(ARTICLE, encoding="utf-8")
        deadline = time.monotonic() + 60
        while len(handled) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        done.set()
        thread.join(timeout=30)
    assert sorted(p.name for p in handled) == ["quiet.txt", "raid.txt"]
    assert not thread.is_alive()
    events = store.query_events(EventQuery())
    stats = store.stats()
    store.close()
    assert stats["articles"] == 2
    assert events, "the raid article's events should be in the store"
    assert {e["admin1"] for e in events} == {"Idleb"}
