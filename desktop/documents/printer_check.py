"""The printer test page (kind "test_page"): Chinese text, the ￥ sign, a QR code and columns, what a printer must
get right."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.documents.document import (
    Align,
    Columns,
    Cut,
    Document,
    Feed,
    QrBlock,
    Separator,
    Size,
    TextLine,
)


@dataclass(frozen=True)
class PrinterCheckData:
    store_name: str
    printer_name: str
    connection: str  # in words: "192.168.1.50:9100", "usb", ...
    paper_mm: int
    chinese_mode: str
    qr_mode: str


def printer_check_document(data: PrinterCheckData) -> Document:
    return Document("test page", (
        TextLine(data.store_name or "Pinshang", Size.DOUBLE, bold=True, align=Align.CENTER),
        TextLine("打印测试 Test page", Size.DOUBLE_HEIGHT, bold=True, align=Align.CENTER),
        Separator("="),
        Columns("打印机 Printer", data.printer_name),
        Columns("连接 Connection", data.connection),
        Columns("纸宽 Paper", f"{data.paper_mm} mm"),
        Columns("中文 Chinese", data.chinese_mode),
        Columns("二维码 QR", data.qr_mode),
        Separator("-"),
        Columns("宫保鸡丁 ×2", "￥76.00"),
        Columns("Bubble tea 珍珠奶茶", "￥18.00"),
        Columns("合计 Total", "￥94.00", bold=True),
        Separator("-"),
        TextLine("扫码测试 Scan to test", align=Align.CENTER),
        QrBlock("PINSHANG-TEST 品尚"),
        TextLine("0123456789" * 5),
        TextLine("中文字符一行到底对齐测试完毕谢谢惠顾欢迎再来品尚小馆"),
        Feed(2),
        Cut(),
    ))

