"""The API doc pages (/docs, /redoc) render in Chromium without a request outside the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium_cdp import Browser

from marsad.store import Store


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_doc_page_renders_from_local_files(
    page: str, tmp_path: Path, chromium: str, live_server
) -> None:
    pytest.importorskip(
        "fastapi_offline", reason="fastapi-offline not installed: /docs and /redoc are off"
    )
    db = str(tmp_path / "empty.db")
    Store(db).close()
    base = live_server(db)
    with Browser(chromium) as browser:
        browser.call("Network.enable")
        browser.goto(base + page)
        browser.wait_for("document.body.innerText.includes('/api/events/{event_id}')")
        urls = [
            e["params"]["request"]["url"]
            for e in browser.events
            if e["method"] == "Network.requestWillBeSent"
        ]
    assert any(url.endswith("/openapi.json") for url in urls)
    local = (base + "/", f"blob:{base}/", "data:")  # blobs and data URLs are made in the page
    elsewhere = [url for url in urls if not url.startswith(local)]
    assert elsewhere == []
