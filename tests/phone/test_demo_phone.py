"""The demo on the phone: `pinshang demo` prints the demo group's join page on its embedded
platform, and the printed invite's and draw slip's QR codes, rendered to PNG through the
printing path and decoded by a barcode reader (zxing-cpp), open the join page and the result
page of that group on the embedded platform."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import zxingcpp  # type: ignore[import-untyped]
from PIL import Image

from desktop.app import open_for_counter
from desktop.core.groups import GroupState
from desktop.documents.templates import draw_slip_document, invite_document
from desktop.printing.render import render_document
from desktop.services.registry import Services
from desktop.store.keychain import token_name
from desktop.sync.demo_platform import DemoPlatform, demo_phone_url, start_demo_platform
from desktop.sync.runtime import SyncRuntime
from tests.support.deal_flow import cashier, manager

ROOT = Path(__file__).resolve().parents[2]


def decoded_qr(png: Path) -> str:
    found = [b.text for b in zxingcpp.read_barcodes(Image.open(png)) if b.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(found) == 1, found
    return str(found[0])


def group_api(url: str) -> dict[str, object]:
    """What the join page's script asks the platform for the invite at `url`."""
    parts = urlsplit(url)
    group_id, token = parts.path.split("/")[2], parse_qs(parts.query)["t"][0]
    answer = requests.get(f"{parts.scheme}://{parts.netloc}/p/api/groups/{group_id}", params={"t": token},
                          timeout=10)
    assert answer.status_code == 200, answer.text
    data: dict[str, object] = answer.json()
    return data


def test_pinshang_demo_prints_the_phone_url_of_its_group(tmp_path: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "desktop", "demo", "--data-dir", str(tmp_path / "data")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    ) as process:
        out = process.stdout
        assert out is not None
        lines: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(target=lambda: [lines.put(line) for line in out], daemon=True)
        reader.start()
        try:
            printed = ""
            while "demo group on the phone" not in printed:
                printed = lines.get(timeout=90)
            url = printed.rsplit(" ", 1)[1].strip()
            assert url.startswith("http://127.0.0.1:") and "/j/G" in url and "?t=" in url
            page = requests.get(url, timeout=10)
            assert page.status_code == 200 and "/static/phone/join.js" in page.text
            info = group_api(url)  # the group is on the platform: pushed before the address was printed
            assert info["group_id"] == urlsplit(url).path.split("/")[2]
            assert info["seats"] == {"state": "open", "size": 5, "taken": 3, "pending": 0, "left": 2}
        finally:
            process.terminate()
            process.wait(timeout=30)
            reader.join(timeout=10)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Services, SyncRuntime, DemoPlatform]]:
    services = open_for_counter(tmp_path)
    services.demo.seed()
    runtime = SyncRuntime(services)
    platform = start_demo_platform(tmp_path, runtime)
    runtime.start(thread=False)
    assert runtime.worker is not None
    runtime.worker.run_round()
    try:
        yield services, runtime, platform
    finally:
        runtime.stop()
        platform.stop()
        services.close()


def test_the_printed_invite_and_draw_slip_open_the_demo_groups_pages(demo, tmp_path: Path, qapp) -> None:
    services, runtime, platform = demo
    group_id = next(g.id for g in services.group_views.list_groups() if g.state is GroupState.OPEN)
    invite = tmp_path / "invite.png"
    render_document(invite_document(services.print_data.invite(group_id)), invite)
    url = decoded_qr(invite)
    assert url == demo_phone_url(services) and url.startswith(platform.url + f"/j/{group_id}?t=")
    page = requests.get(url, timeout=10)
    assert page.status_code == 200 and "/static/phone/join.js" in page.text
    info = group_api(url)
    assert info["group_id"] == group_id
    assert info["commitment"] == services.group_views.view(group_id).commitment

    for phone in ("13900000001", "13900000002"):  # the counter fills the demo group
        services.groups.enrol(cashier(services), group_id, phone, "cash")
    assert runtime.worker is not None
    runtime.worker.run_round()
    outcome = runtime.draw(manager(services), group_id)
    assert json.loads(outcome.proof_json)["v"] == "pinshang-draw-v2"  # online: the platform's beacon
    runtime.worker.run_round()
    slip = tmp_path / "slip.png"
    render_document(draw_slip_document(services.print_data.draw_slip(group_id)), slip)
    result = decoded_qr(slip)
    assert result.startswith(platform.url + f"/d/{group_id}?s=")
    page = requests.get(result, timeout=10)
    assert page.status_code == 200 and "/static/phone/draw.js" in page.text
    store = parse_qs(urlsplit(result).query)["s"][0]
    drawn = requests.get(f"{platform.url}/p/api/draws/{group_id}", params={"s": store}, timeout=10).json()
    assert drawn["group_id"] == group_id and drawn["version"] == "pinshang-draw-v2"
    assert drawn["proof"] == json.loads(outcome.proof_json) and drawn["winners"] == drawn["proof"]["winners"]


def test_a_demo_rerun_without_its_token_pairs_again_and_its_phone_page_opens(tmp_path: Path) -> None:
    """A second `pinshang demo` on the same folder where the keychain lost the pairing's token
    (no keychain backend keeps it between runs): the demo pairs again with the platform it seeded
    (nothing seeded twice, no coins spent twice), syncs, and its group's phone page opens."""
    services = open_for_counter(tmp_path)
    services.demo.seed()
    runtime = SyncRuntime(services)
    start_demo_platform(tmp_path, runtime).stop()
    first = services.sync.pairing()
    assert first is not None and runtime.token() is not None
    runtime.vault.delete(token_name(first.terminal_id))
    services.close()

    services = open_for_counter(tmp_path)
    services.demo.seed()
    runtime = SyncRuntime(services)
    platform = start_demo_platform(tmp_path, runtime)
    try:
        assert runtime.token() is not None
        again = services.sync.pairing()
        assert again is not None and again.store_id == first.store_id
        runtime.start(thread=False)
        assert runtime.worker is not None
        runtime.worker.run_round()
        url = demo_phone_url(services)
        assert url is not None and url.startswith(platform.url + "/j/G")
        assert group_api(url)["seats"] == {"state": "open", "size": 5, "taken": 3, "pending": 0, "left": 2}
    finally:
        runtime.stop()
        platform.stop()
        services.close()
