"""render_template: the function behind `pinshang render TEMPLATE --demo --out FILE`."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import UserError
from desktop.printing.escpos_backend import PrinterConfig, render_escpos_bytes
from desktop.printing.render import DEMO_DOCUMENTS, TEMPLATE_NAMES, render_template

pytestmark = pytest.mark.usefixtures("qapp")


def test_bin_output_is_the_default_profile_bytes(tmp_path: Path) -> None:
    out = tmp_path / "slip.bin"
    render_template("draw-slip", out, paper_mm=58)
    expected = render_escpos_bytes(DEMO_DOCUMENTS["draw-slip"](), PrinterConfig("default", host="x", paper_mm=58))
    assert out.read_bytes() == expected


@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_pictures_are_written(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"receipt{suffix}"
    render_template("sale-receipt", out)
    magic = b"\x89PNG" if suffix == ".png" else b"%PDF"
    assert out.read_bytes().startswith(magic)


def test_a6_poster_renders_as_png(tmp_path: Path) -> None:
    out = tmp_path / "poster.png"
    render_template("invite", out, paper_mm=105)
    assert out.stat().st_size > 1000


@pytest.mark.parametrize(
    ("name", "file_name", "paper_mm"),
    [("menu", "x.png", 80), ("invite", "x.jpg", 80), ("invite", "x", 80), ("invite", "x.png", 72), ("invite", "x.bin", 105)],
)
def test_bad_requests_are_user_errors_and_write_nothing(tmp_path: Path, name: str, file_name: str, paper_mm: int) -> None:
    with pytest.raises(UserError):
        render_template(name, tmp_path / file_name, paper_mm=paper_mm)
    assert list(tmp_path.iterdir()) == []


def test_every_template_name_is_known() -> None:
    assert TEMPLATE_NAMES == ("invite", "voucher", "draw-slip", "redemption-receipt", "sale-receipt",
                              "deposit-slip", "refund-slip")
