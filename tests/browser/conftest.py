"""Fixtures for the dashboard tests in headless Chromium: the browser and a live server."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path to Chromium; skips when it is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"{CHROMIUM} not found: install it with `apt-get install -y chromium` "
            "(or set MARSAD_CHROMIUM) to run the dashboard browser tests"
        )
    return CHROMIUM


@pytest.fixture()
def live_server() -> Iterator[Callable[[str], str]]:
    """``start(db_path) -> base URL``: the marsad app under uvicorn on a free loopback port."""
    import uvicorn

    from marsad.web.app import create_app

    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(db_path: str) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(create_app(db_path), log_level="warning", lifespan="on")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)
