"""The Ray engine gives the same articles as the local engine.

Starts a real local Ray cluster on loopback (``ray start --head``) and connects to
it by address, as a user would with a remote cluster.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.model import Article

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'marsad[ray]'")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def ray_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    ray_bin = Path(sys.executable).parent / "ray"
    if not ray_bin.exists():
        ray_bin = Path(shutil.which("ray") or "ray")
    port = _free_port()
    temp = tmp_path_factory.mktemp("ray")
    start = [
        str(ray_bin), "start", "--head", "--node-ip-address=127.0.0.1", f"--port={port}",
        "--num-cpus=2", "--include-dashboard=false", "--disable-usage-stats",
        f"--temp-dir={temp}",
    ]
    subprocess.run(start, check=True, capture_output=True, timeout=180)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        if ray.is_initialized():
            ray.shutdown()
        subprocess.run([str(ray_bin), "stop", "--force"], capture_output=True, timeout=120)


def _articles() -> list[Article]:
    texts = [
        "قتل ثلاثة مدنيين في قصف مدفعي لقوات النظام على بلدة في ريف إدلب الجنوبي، الأربعاء.",
        "اندلعت اشتباكات عنيفة بين قوات النظام وهيئة تحرير الشام قرب مدينة حماة.",
        "قال وزير الخارجية إن المحادثات ستستأنف الشهر المقبل في جنيف.",
        "",  # an empty article comes back in its place too
    ]
    return [
        Article.create(text, id=f"ray-{i}", published=None) for i, text in enumerate(texts * 5)
    ]


def test_ray_matches_local_engine(ray_address: str) -> None:
    from marsad.engines.local import run_local

    from marsad.engines.ray_engine import RayOptions, run_ray

    articles = _articles()
    local = [a.to_dict() for a in run_local(articles, workers=1)]
    remote = [a.to_dict() for a in run_ray(articles, RayOptions(address=ray_address, batch_size=3, chunk_size=7))]
    assert [a["id"] for a in remote] == [a.id for a in articles]
    assert json.dumps(remote, sort_keys=True) == json.dumps(local, sort_keys=True)
