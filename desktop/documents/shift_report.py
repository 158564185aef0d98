"""The X and Z reports as a printed document (58 or 80 mm rolls, and PDF/PNG through the Qt
backend): made from the totals dict the shift service returns (desktop.services.shift_totals;
the Z report's stored snapshot). Chinese first, English after, money in integer fen.

A Z report opens the cash drawer (ESC p) when printed on a receipt printer: the count is done
with the drawer open; so does the slip of a cash in / out (`cash_move_document`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.core.drawer import DENOMINATIONS, denomination_label
from desktop.core.money import format_fen
from desktop.documents.document import Align, Block, Columns, Document, Separator, Size, TextLine
from desktop.documents.templates import _footer, _header

LINE_WORDS = {
    "sale": "销售收现 Cash taken for sales",
    "change": "找零 Change given",
    "sale_refund": "销售退款 Sale refunds",
    "deposit": "收押金 Deposits taken",
    "deposit_refund": "退还押金 Deposits refunded",
    "consolation": "安慰金 Consolation paid",
    "cash_in": "存入 Cash in",
    "cash_out": "取出 Cash out",
    "other": "其他 Other",
}
TENDER_WORDS = {"cash": "现金 Cash", "card": "银行卡 Card", "wechat": "微信 WeChat", "alipay": "支付宝 Alipay",
                "platform": "线上 Online"}


def _time(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ")


SALE_LINES = ("sale", "change", "sale_refund")  # the drawer's lines that are sales
MOVEMENT_LINES = ("deposit", "deposit_refund", "consolation", "cash_in", "cash_out", "other")


def shift_report_document(totals: Mapping[str, Any], store_name: str, *, reprint: bool = False) -> Document:
    """The report in the order a cashier checks it: the sales and what paid them (adding up
    to the sales total), then the cash drawer (the float, the cash of the sales, the drawer's
    other movements) to the expected cash, then (Z) the count and the over/short."""
    is_z = totals.get("kind") == "Z"
    title = f"Z 报表 Z report #{totals['number']}" if is_z else "X 报表 X report"
    blocks: list[Block] = [
        *_header(store_name, title, reprint),
        Columns("终端 Terminal", str(totals["terminal"])),
        Columns("班次 Shift", str(totals["shift_id"])),
        Columns("开班 Opened", f"{_time(totals['opened_at'])} {totals['opened_by']}"),
        Columns("收银员 Cashier", str(totals["cashier"])),
    ]
    if is_z:
        blocks.append(Columns("交班 Closed", f"{_time(totals['closed_at'])} {totals['closed_by']}"))
    else:
        blocks.append(Columns("打印 Printed", _time(totals["generated_at"])))
    blocks += _sales_blocks(totals)
    blocks += _drawer_blocks(totals)
    if is_z:
        blocks += _count_blocks(totals)
    blocks += [
        Separator("-"), TextLine("拼团 Group deals", bold=True),
        Columns("在押押金 Deposits held", format_fen(totals["deposits_held_fen"])),
        Columns("核销券 Vouchers redeemed", str(totals["vouchers_redeemed"])),
        Columns("撤销核销 Redemptions reversed", str(totals["redemptions_reversed"])),
    ]
    if totals["cash_moves"]:
        blocks += [Separator("-"), TextLine("存取现金明细 Cash in / out", bold=True)]
    for move in totals["cash_moves"]:
        who = move["staff"] + (f" / {move['approver']}" if move["approver"] else "")
        sign = 1 if move["direction"] == "in" else -1
        blocks.append(Columns(f"{'存入 In' if sign > 0 else '取出 Out'} {move['reason']} ({who})",
                              format_fen(sign * move["fen"])))
    if not is_z:
        blocks.append(TextLine("X 报表不清零 An X report resets nothing", align=Align.CENTER))
    return Document("z-report" if is_z else "x-report", tuple([*blocks, *_footer(reprint)]), open_drawer=is_z)


def _drawer_blocks(totals: Mapping[str, Any]) -> list[Block]:
    """The float, then the cash of the sales, then every other movement, then the expected:
    each line is what it put into (+) or took out of (−) the drawer, and they add up."""
    lines = {line["line"]: line for line in totals["drawer"]}
    blocks: list[Block] = [Separator("-"), TextLine("钱箱现金 Cash drawer", bold=True),
                           Columns("备用金 Float", format_fen(totals["float_fen"]))]
    for key in SALE_LINES:
        if key in lines:
            blocks.append(Columns(f"{LINE_WORDS[key]} ×{lines[key]['count']}", format_fen(lines[key]["fen"])))
    moved = [key for key in MOVEMENT_LINES if key in lines]
    if moved:
        blocks.append(TextLine("其他进出 Other movements", bold=True))
    for key in moved:
        blocks.append(Columns(f"{LINE_WORDS[key]} ×{lines[key]['count']}", format_fen(lines[key]["fen"])))
    blocks.append(Columns("应有现金 Expected cash", format_fen(totals["expected_fen"]), bold=True))
    return blocks


def _count_blocks(totals: Mapping[str, Any]) -> list[Block]:
    counted: Mapping[str, int] = totals.get("counted") or {}
    blocks: list[Block] = [Separator("-"), TextLine("点钞 Count", bold=True)]
    for value in DENOMINATIONS:
        n = int(counted.get(str(value), 0))
        if n:
            blocks.append(Columns(f"{denomination_label(value)} × {n}", format_fen(value * n)))
    difference = int(totals["over_short_fen"])
    word = "长款 Over" if difference > 0 else "短款 Short" if difference < 0 else "无差异 Even"
    blocks += [Columns("应有现金 Expected cash", format_fen(totals["expected_fen"])),
               Columns("实点现金 Counted", format_fen(totals["counted_fen"]), bold=True),
               TextLine(f"{word} {format_fen(difference)}", Size.DOUBLE_HEIGHT, bold=True, align=Align.CENTER)]
    if totals.get("reason"):
        blocks.append(Columns("原因 Reason", str(totals["reason"])))
    if totals.get("approver"):
        blocks.append(Columns("批准 Approved by", str(totals["approver"])))
    return blocks


def _sales_blocks(totals: Mapping[str, Any]) -> list[Block]:
    sales, coins = totals["sales"], totals["coins"]
    blocks: list[Block] = [
        Separator("-"), TextLine("销售 Sales", bold=True),
        Columns("笔数 Sales", str(sales["count"])),
        Columns("销售额 Total", format_fen(sales["fen"]), bold=True),
        Columns("客单价 Average", format_fen(sales["average_fen"])),
    ]
    by_tender: Mapping[str, int] | None = totals.get("sales_by_tender")  # Z reports before it lack it
    if by_tender is not None:
        blocks.append(TextLine("销售额按支付方式 Sales by tender", bold=True))
        for kind, fen in by_tender.items():
            blocks.append(Columns(TENDER_WORDS.get(kind, kind), format_fen(int(fen))))
        blocks.append(Columns("合计 Total", format_fen(sum(int(fen) for fen in by_tender.values()))))
    blocks.append(Columns(f"购物币抵扣 Coins ×{coins['count']}",
                          f"{coins['coins']} 币 / {format_fen(coins['fen'])}"))
    for label, rows in (("退款 Refund", totals["refunds"]), ("作废 Void", totals["voids"])):
        for row in rows:
            blocks.append(Columns(f"{label} {row.get('receipt_no', '')} ({row.get('approver', '')})",
                                  format_fen(-abs(int(row.get("fen", 0))))))
    return blocks


CSV_HEADER = ("section", "item", "count", "fen")


def report_rows(totals: Mapping[str, Any]) -> list[tuple[str, str, int, int]]:
    """The report as rows for a spreadsheet (section, item, count, fen): what
    `pinshang report … --out FILE.csv` writes."""
    rows: list[tuple[str, str, int, int]] = [("drawer", "float", 0, int(totals["float_fen"]))]
    rows += [("drawer", line["line"], int(line["count"]), int(line["fen"])) for line in totals["drawer"]]
    rows.append(("drawer", "expected", 0, int(totals["expected_fen"])))
    if totals.get("kind") == "Z":
        rows += [("count", denomination_label(value), int((totals.get("counted") or {}).get(str(value), 0)),
                  value * int((totals.get("counted") or {}).get(str(value), 0))) for value in DENOMINATIONS]
        rows += [("count", "counted", 0, int(totals["counted_fen"])),
                 ("count", "over_short", 0, int(totals["over_short_fen"]))]
    sales = totals["sales"]
    rows += [("sales", "sales", int(sales["count"]), int(sales["fen"])),
             ("sales", "average", 0, int(sales["average_fen"])),
             ("sales", "coin_discounts", int(totals["coins"]["count"]), int(totals["coins"]["fen"]))]
    rows += [("sales_tender", kind, 0, int(fen)) for kind, fen in (totals.get("sales_by_tender") or {}).items()]
    rows += [("tender", kind, 0, int(fen)) for kind, fen in totals["tenders"].items()]
    rows += [("deals", key.removesuffix("_fen"), 0, int(totals[key])) for key in
             ("deposits_taken_fen", "deposits_returned_fen", "deposits_held_fen", "consolation_paid_fen")]
    rows += [("deals", "vouchers_redeemed", int(totals["vouchers_redeemed"]), 0),
             ("deals", "redemptions_reversed", int(totals["redemptions_reversed"]), 0)]
    return rows


def cash_move_document(move: Mapping[str, Any], store_name: str) -> Document:
    """The slip of cash put into or taken out of the drawer (`move`: direction, amount_fen,
    reason, staff, approver, at, shift_id); printing it kicks the drawer open."""
    into = move["direction"] == "in"
    blocks: list[Block] = [
        *_header(store_name, "存入现金 Cash in" if into else "取出现金 Cash out", False),
        Columns("班次 Shift", str(move["shift_id"])),
        Columns("时间 Time", _time(str(move["at"]))),
        Columns("金额 Amount", format_fen(int(move["amount_fen"])), bold=True),
        Columns("原因 Reason", str(move["reason"])),
        Columns("经手 Staff", str(move["staff"])),
    ]
    if move.get("approver"):
        blocks.append(Columns("批准 Approved by", str(move["approver"])))
    blocks += [TextLine("签字 Signed: ____________"), *_footer(False)]
    return Document("cash-move", tuple(blocks), open_drawer=True)
