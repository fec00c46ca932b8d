"""All run-time settings as one typed object."""

from __future__ import annotations

import os
from dataclasses import dataclass


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@dataclass(frozen=True)
class Settings:
    """Settings shared by the CLI, the engines and the server."""

    db_path: str = "marsad.db"
    workers: int = 1
    batch_size: int = 64
    min_confidence: float = 0.0
    progress: bool = True
