"""The Z report printed: its ESC/POS bytes (the drawer kick, the totals in GB18030), its PNG
and PDF, `pinshang report`, and a print failure that leaves the Z report as it was."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PIL import Image

from desktop.cli import main
from desktop.core.checkout import Tender
from desktop.core.money import format_fen
from desktop.documents.document import plain_text
from desktop.documents.shift_report import report_rows, shift_report_document
from desktop.printing.dispatch import PrintDispatcher
from desktop.printing.escpos_backend import (
    ENTER_CHINESE,
    INITIALIZE,
    PrinterConfig,
    PrinterError,
    encode_gb18030,
    render_escpos_bytes,
)
from desktop.services.checkout_order import Order
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
                     "miscounted change", "李经理", "收押金 Deposits taken"):
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



def _amount(line: str) -> int:
    """The money at the end of a report line, in fen."""
    text = line.split()[-1].replace("￥", "").replace(",", "")
    sign = -1 if text.startswith("-") else 1
    yuan, _, jiao = text.lstrip("-").partition(".")
    return sign * (int(yuan) * 100 + int(jiao or 0))


def test_the_z_report_reads_sales_by_tender_then_the_drawer_then_the_count(demo_services) -> None:
    """Sales by tender add up to the sales total; float + the drawer's lines = expected cash;
    the count and over/short come after, in that order, in Chinese and English."""
    boss, staff = manager(demo_services), cashier(demo_services)
    demo_services.shifts.close(boss, counts_for(demo_services.shifts.x_report()["expected_fen"]))
    demo_services.shifts.open(staff, FLOAT)
    checkout = demo_services.checkout
    item = checkout.items()[0]
    bill = Order((checkout.line_for_item(item.id, 3),))
    price = 3 * item.price_fen
    checkout.complete(staff, bill, [Tender("cash", price + 2000)])  # ¥20 change
    checkout.complete(staff, bill, [Tender("card", 1000), Tender("cash", price)])  # card + cash, change
    checkout.complete(staff, bill, [Tender("wechat", price)])
    group_id = demo_services.groups.open_group(staff, launched_deal(demo_services), PHONES[0], "cash")
    demo_services.groups.enrol(staff, group_id, PHONES[1], "card")  # a card deposit: not in the drawer
    demo_services.shifts.cash_move(staff, "in", 3000, "coins from the safe")
    demo_services.shifts.cash_move(staff, "out", 5000, "bank drop")
    expected = demo_services.shifts.x_report()["expected_fen"]
    z = demo_services.shifts.close(approved(demo_services, staff), counts_for(expected - 350), "short").totals

    assert z["sales_by_tender"] == {"card": 1000, "cash": 2 * price - 1000, "wechat": price}
    assert sum(z["sales_by_tender"].values()) == z["sales"]["fen"] == 3 * price
    text = plain_text(shift_report_document(z, "品尚小馆"), 48).splitlines()
    order = [next(i for i, line in enumerate(text) if heading in line) for heading in (
        "销售 Sales", "销售额按支付方式 Sales by tender", "钱箱现金 Cash drawer", "其他进出 Other movements",
        "应有现金 Expected cash", "点钞 Count", "实点现金 Counted", "短款 Short")]
    assert order == sorted(order)
    by_tender = text[order[1] + 1:order[1] + 4]
    assert [line.split()[0] for line in by_tender] == ["银行卡", "现金", "微信"]
    total = text[order[1] + 4]
    assert total.startswith("合计 Total") and _amount(total) == sum(map(_amount, by_tender)) == 3 * price
    drawer = text[order[2] + 1:order[4]]
    assert _amount(drawer[0]) == 27500 and drawer[0].startswith("备用金 Float")
    moves = [line for line in drawer[1:] if "Other movements" not in line]
    assert sum(map(_amount, [drawer[0], *moves])) == _amount(text[order[4]]) == expected
    words = [line.split(" ×")[0] for line in moves]
    assert words == ["销售收现 Cash taken for sales", "找零 Change given", "收押金 Deposits taken",
                     "存入 Cash in", "取出 Cash out"]
    rows = report_rows(z)
    assert sum(fen for section, _, _, fen in rows if section == "sales_tender") == z["sales"]["fen"]
    assert format_fen(-350) in text[order[7]]
