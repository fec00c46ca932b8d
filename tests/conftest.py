"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` relative to the repository root; skips the test when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"../shared not found: {SHARED_DIR} (tests that need the shared data skip)")
    return SHARED_DIR
