"""ESC/POS bytes (python-escpos Dummy printer) and sending them to a fake network printer."""

from __future__ import annotations

import pytest

from desktop.core.errors import ValidationError
from desktop.documents.document import Cut, Document, QrBlock, TextLine
from desktop.printing.escpos_backend import (
    ENTER_CHINESE,
    LEAVE_CHINESE,
    PrinterConfig,
    PrinterError,
    encode_gb18030,
    render_escpos_bytes,
    send,
)
from tests.printing.conftest import FakePrinter, free_closed_port

GS_QR = b"\x1d\x28\x6b"  # GS ( k
GS_RASTER = b"\x1d\x76\x30"  # GS v 0
GS_CUT = b"\x1dV"
JOIN_URL = "https://pinshang.example.cn/j/G7K2Q9"


def config(**changes: object) -> PrinterConfig:
    settings: dict[str, object] = {"name": "counter", "host": "127.0.0.1", **changes}
    return PrinterConfig(**settings)  # type: ignore[arg-type]


def small_doc(text: str = "中签 Winner ￥98.00", payload: str = JOIN_URL) -> Document:
    return Document("t", (TextLine(text), QrBlock(payload), Cut()))


def test_native_qr_carries_the_exact_payload_bytes() -> None:
    payload = "https://pinshang.example.cn/j/拼团?g=G7K2Q9"
    data = render_escpos_bytes(small_doc(payload=payload), config())
    encoded = payload.encode("utf-8")
    store = GS_QR + (len(encoded) + 3).to_bytes(2, "little") + b"1P0" + encoded
    assert store in data
    assert GS_QR + b"\x03\x001Q0" in data  # print the stored symbol


def test_chinese_mode_sends_fs_ampersand_and_gb18030_text() -> None:
    data = render_escpos_bytes(small_doc("中签率 Odds"), config())
    assert data.index(ENTER_CHINESE) < data.index("中签率 Odds".encode("gb18030"))
    assert data.index(LEAVE_CHINESE) < data.rindex(GS_CUT)
    assert GS_RASTER not in data


def test_image_mode_sends_raster_and_never_chinese_mode() -> None:
    data = render_escpos_bytes(small_doc("中签率 Odds"), config(chinese_mode="image", qr_mode="image"))
    assert GS_RASTER in data
    assert ENTER_CHINESE not in data and GS_QR not in data
    assert "中签".encode("gb18030") not in data


def test_yen_sign_is_printed_as_fullwidth_yuan_a3a4() -> None:
    assert encode_gb18030("¥98") == b"\xa3\xa498"
    assert encode_gb18030("￥98") == b"\xa3\xa498"
    data = render_escpos_bytes(small_doc("价 ¥98.00"), config())
    assert b"\xbc\xdb \xa3\xa498.00\n" in data


def test_every_document_ends_with_a_cut() -> None:
    without_cut = Document("t", (TextLine("abc"),))
    for document in (small_doc(), without_cut):
        data = render_escpos_bytes(document, config())
        assert data.endswith(b"\x1dV\x00")
        assert data.count(GS_CUT) == 1


def test_qr_falls_back_to_an_image_when_the_profile_has_no_native_qr() -> None:
    data = render_escpos_bytes(small_doc(), config(profile="ZJ-5870", paper_mm=58))
    assert GS_QR not in data and GS_RASTER in data


def test_every_template_renders_at_both_widths(demo_documents: dict[str, Document]) -> None:
    for document in demo_documents.values():
        for paper_mm in (58, 80):
            data = render_escpos_bytes(document, config(paper_mm=paper_mm))
            kick = b"\x1bp\x00\x32\x32" if document.open_drawer else b""  # cash moved: the drawer opens first
            assert data.startswith(b"\x1b@" + kick + ENTER_CHINESE) and data.endswith(b"\x1dV\x00")


@pytest.mark.parametrize(
    "changes",
    [{"paper_mm": 72}, {"chinese_mode": "utf8"}, {"qr_mode": "x"}, {"host": ""}, {"port": 0}, {"profile": "nope"},
     {"connection": "usb"}, {"connection": "serial"}, {"connection": "win32raw"}],
)
def test_bad_settings_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        config(**changes)


def test_send_delivers_exactly_the_rendered_bytes(fake_tcp_printer: FakePrinter) -> None:
    printer = config(port=fake_tcp_printer.port, timeout_s=5)
    document = small_doc()
    send(document, printer)
    assert fake_tcp_printer.done.wait(5)
    assert bytes(fake_tcp_printer.received) == render_escpos_bytes(document, printer)


def test_a_refused_connection_is_a_clear_printer_error() -> None:
    port = free_closed_port()
    with pytest.raises(PrinterError) as raised:
        send(small_doc(), config(port=port, timeout_s=2))
    message = str(raised.value)
    assert "counter" in message and f"127.0.0.1:{port}" in message and "refused" in message


def test_a_missing_usb_printer_is_a_clear_printer_error() -> None:
    with pytest.raises(PrinterError) as raised:
        send(small_doc(), config(connection="usb", usb_vendor_id=0x0416, usb_product_id=0x5011))
    assert "USB 0416:5011" in str(raised.value)
