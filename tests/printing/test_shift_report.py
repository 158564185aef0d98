"""The Z report printed: its ESC/POS bytes (the drawer kick, the totals in GB18030), its PNG
and PDF, `pinshang report`, and a print failure that leaves the Z report as it was."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PIL import Image

from desktop.cli import main
from desktop.documents.shift_report import shift_report_document
from desktop.printing.dispatch import PrintDispatcher
from desktop.printing.escpos_backend import (
    ENTER_CHINESE,
    INITIALIZE,
    PrinterConfig,
    PrinterError,
    encode_gb18030,
    render_escpos_bytes,
)
from desktop.services.print_queue import JobStatus
from desktop.services.printers import PrinterSettings
from tests.services.test_shifts import FLOAT, approved, counts_for
from tests.support.deal_flow import PHONES, cashier, launched_deal, manager
from tests.support.stores import open_services

DRAWER_KICK = b"\x1bp\x00\x32\x32"  # ESC p, pin 2


def _a_day(services) -> int:
    """Close the demo shift, then a day with deposits, a cash-out and ¥3.50 short."""
    boss, staff = manager(services), cashier(services)
    services.shifts.close(boss, counts_for(services.shifts.x_report()["expected_fen"]))
    services.shifts.open(staff, FLOAT)
    group_id = services.groups.open_group(staff, launched_deal(services), PHONES[0], "cash")
    services.groups.enrol(staff, group_id, PHONES[1], "cash")
    services.shifts.cash_move(staff, "out", 5000, "bank drop")
    expected = services.shifts.x_report()["expected_fen"]
    return services.shifts.close(approved(services, staff), counts_for(expected - 350), "miscounted change").number


def test_z_report_bytes_open_the_drawer_and_show_the_totals(demo_services) -> None:
    number = _a_day(demo_services)
    z = demo_services.shifts.z_report(number).totals
    for paper in (58, 80):
        payload = render_escpos_bytes(shift_report_document(z, "品尚小馆"), PrinterConfig("p", host="localhost", paper_mm=paper))
        assert payload.startswith(INITIALIZE + DRAWER_KICK + ENTER_CHINESE)
        for text in ("Z 报表 Z report #2", "应有现金 Expected", "￥275.00", "短款 Short", "-￥3.50",
                     "miscounted change", "李经理", "押金收入 Deposits taken"):
            assert encode_gb18030(text) in payload, text
    x = demo_services.shifts.x_report(z["shift_id"])
    assert DRAWER_KICK not in render_escpos_bytes(shift_report_document({**x, "kind": "X"}, "店"),
                                                  PrinterConfig("p", host="localhost"))


def test_pinshang_report_writes_bin_pdf_png_and_csv(tmp_path: Path, capsys) -> None:
    services = open_services(tmp_path)
    services.demo.seed()
    _a_day(services)
    services.close()
    for name in ("z.bin", "z.pdf", "z.png", "z.csv"):
        assert main(["report", "z", "--data-dir", str(tmp_path), "--out", str(tmp_path / name)]) == 0
    assert encode_gb18030("Z 报表 Z report #2") in (tmp_path / "z.bin").read_bytes()
    assert (tmp_path / "z.pdf").read_bytes().startswith(b"%PDF")
    with Image.open(tmp_path / "z.png") as picture:
        assert picture.size[0] >= 576 and picture.size[1] > picture.size[0]
    with (tmp_path / "z.csv").open(encoding="utf-8") as handle:
        rows = {(r["section"], r["item"]): r for r in csv.DictReader(handle)}
    assert rows[("count", "over_short")]["fen"] == "-350" and rows[("drawer", "float")]["fen"] == "27500"
    assert main(["report", "z", "--data-dir", str(tmp_path), "--shift", "1"]) == 0
    assert "Z report #1" in capsys.readouterr().out
    assert main(["report", "x", "--data-dir", str(tmp_path)]) == 2  # no shift is open
    assert "no open shift" in capsys.readouterr().err


def test_a_failed_print_of_the_z_report_keeps_it_and_it_prints_again(demo_services) -> None:
    from tests.support.fake_printer import closed_port

    boss = manager(demo_services)
    printer_id = demo_services.printers.save(boss, PrinterSettings("前台", host="127.0.0.1", port=closed_port(),
                                                                   timeout_ms=2000))
    demo_services.printers.set_route(boss, "shift_report", printer_id)
    number = _a_day(demo_services)
    z = demo_services.shifts.z_report(number)
    [job_id] = demo_services.print_jobs.print_shift_report(boss, z.totals)
    with pytest.raises(PrinterError):
        PrintDispatcher(demo_services).dispatch(job_id)
    assert demo_services.print_queue.job(job_id).status is JobStatus.FAILED
    assert demo_services.shifts.z_report(number).totals == z.totals  # nothing lost, nothing renumbered
    assert demo_services.shifts.z_numbers() == [1, 2]
    [again] = demo_services.print_jobs.print_shift_report(boss, z.totals, reprint=True)
    assert again != job_id


def test_pinshang_report_of_a_missing_store_says_so_and_writes_nothing(tmp_path: Path, capsys) -> None:
    nowhere = tmp_path / "nowhere"
    assert main(["report", "z", "--data-dir", str(nowhere)]) == 2
    assert "there is no store in" in capsys.readouterr().err and not nowhere.exists()

