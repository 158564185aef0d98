"""Receipt and poster templates: each turns a plain frozen dataclass into a Document.

Text is Chinese first, English after where a guest may need it. Money is integer fen,
formatted with desktop.core.money.format_fen. Datetimes are printed as given (the caller
passes store-local time). Every template takes `reprint`: a reprint is marked 重印/COPY at
the top and bottom, so a copy can never pass for the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import Fen, check_fen, format_fen
from desktop.documents.document import (
    Align,
    Block,
    Columns,
    Cut,
    Document,
    Feed,
    QrBlock,
    QrSize,
    Separator,
    Size,
    TextLine,
)

REPRINT_MARK = "** 重印 COPY **"


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _header(store_name: str, title: str, reprint: bool) -> list[Block]:
    blocks: list[Block] = [TextLine(REPRINT_MARK, Size.DOUBLE_HEIGHT, True, Align.CENTER)] if reprint else []
    return [
        *blocks,
        TextLine(store_name, Size.DOUBLE, bold=True, align=Align.CENTER),
        TextLine(title, Size.DOUBLE_HEIGHT, bold=True, align=Align.CENTER),
        Separator("="),
    ]


def _footer(reprint: bool) -> list[Block]:
    mark: list[Block] = [TextLine(REPRINT_MARK, bold=True, align=Align.CENTER)] if reprint else []
    return [Separator("-"), *mark, Feed(2), Cut()]


def _odds(winners: int, pool: int) -> str:
    """"1/5 (20.0%)", computed in integers (tenths of a percent, half-up)."""
    tenths = (winners * 1000 * 2 + pool) // (2 * pool)
    return f"{winners}/{pool} ({tenths // 10}.{tenths % 10}%)"


def _check_positive(value: int, what: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{what} must be a whole number of at least zero"), what=what
        )


# --- QR invite -------------------------------------------------------------------------------


@dataclass(frozen=True)
class InviteData:
    store_name: str
    deal_title: str
    price_fen: Fen
    group_size: int  # N
    winners: int  # K
    consolation_cash_fen: Fen
    consolation_coins: int
    deadline: datetime
    commitment: str  # hex SHA-256 of the draw seed (pinshang-draw-v1)
    disclosure: str  # the compliance disclosure, published before launch
    join_url: str
    leader_in_draw: bool = True
    reprint: bool = False


def invite_document(data: InviteData) -> Document:
    pool = data.group_size if data.leader_in_draw else data.group_size - 1
    if not 1 <= data.winners <= pool:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number of winners must be between 1 and {pool}"), pool=pool
        )
    check_fen(data.price_fen)
    _check_positive(data.consolation_coins, "Consolation coins")
    return Document(
        "invite",
        (
            *_header(data.store_name, "抽奖拼团 Group Deal", data.reprint),
            TextLine(data.deal_title, Size.DOUBLE_HEIGHT, bold=True, align=Align.CENTER),
            TextLine(f"拼团价 Price {format_fen(data.price_fen)}", Size.DOUBLE_HEIGHT, True, Align.CENTER),
            Feed(),
            Columns("成团人数 Group size", f"{data.group_size}人"),
            Columns("中签人数 Winners", f"{data.winners}人"),
            Columns("中签率 Odds", _odds(data.winners, pool)),
            Columns("未中签 Others", "全额退款 Refund"),
            Columns("安慰奖 Consolation", _consolation(data)),
            Columns("截止 Deadline", _when(data.deadline)),
            *([] if data.leader_in_draw else [TextLine("团长不参与抽奖，另获团长奖励 Leader not in draw")]),
            Feed(),
            TextLine("扫码参团 Scan to join", bold=True, align=Align.CENTER),
            QrBlock(data.join_url, QrSize.LARGE),
            Separator("-"),
            TextLine("抽奖承诺 Draw commitment (SHA-256):", bold=True),
            TextLine(data.commitment),
            TextLine("算法 pinshang-draw-v1，开奖后公布种子可验证 Seed published after the draw"),
            Separator("-"),
            TextLine("活动公示 Disclosure", bold=True),
            TextLine(data.disclosure),
            *_footer(data.reprint),
        ),
    )


def _consolation(data: InviteData) -> str:
    parts = []
    if data.consolation_cash_fen:
        parts.append(format_fen(check_fen(data.consolation_cash_fen)))
    if data.consolation_coins:
        parts.append(f"{data.consolation_coins}购物币")
    return " + ".join(parts) or "无 None"


def demo_invite() -> InviteData:
    return InviteData(
        store_name="拼商牛排馆 Pinshang Steakhouse",
        deal_title="98元牛排双人套餐 Steak set",
        price_fen=9800,
        group_size=5,
        winners=1,
        consolation_cash_fen=500,
        consolation_coins=0,
        deadline=datetime(2025, 6, 30, 21, 0),
        commitment="3f1d2c9a5b7e4f60a1c2d3e4f5061728394a5b6c7d8e9f001122334455667788",
        disclosure=(
            "奖品：牛排套餐1份（市场价198元）；5人成团后当场抽取1人；"
            "开奖方式：pinshang-draw-v1 公开算法；兑奖：开奖后30日内到店使用。"
            " Prize: 1 steak set; 1 winner drawn when 5 joined; redeem in store within 30 days."
        ),
        join_url="https://pinshang.example.cn/j/G7K2Q9a1b2c3d4e5f?t="
                 "q1Zr8mX0cT3vB6nY9kP2wE5sA7dF4gH1jL0zX3cV6bN9mQ2wE5rT8yU1iO4pA7sD0fG3hJ6kL9zX2cV5bN8mQ1wE",
    )


# --- Winner voucher --------------------------------------------------------------------------


@dataclass(frozen=True)
class VoucherData:
    store_name: str
    deal_title: str
    voucher_code: str  # the signed voucher token, encoded in the QR
    typed_code: str  # short fallback code a cashier can type
    expires_at: datetime
    terms: str
    winner_label: str = ""  # e.g. a masked phone number
    reprint: bool = False


def voucher_document(data: VoucherData) -> Document:
    winner = [Columns("中签人 Winner", data.winner_label)] if data.winner_label else []
    return Document(
        "voucher",
        (
            *_header(data.store_name, "中签兑换券 Winner Voucher", data.reprint),
            TextLine(data.deal_title, Size.DOUBLE_HEIGHT, bold=True, align=Align.CENTER),
            *winner,
            QrBlock(data.voucher_code, QrSize.LARGE),
            TextLine("无法扫码时输入 Or type this code:", align=Align.CENTER),
            TextLine(data.typed_code, Size.DOUBLE, bold=True, align=Align.CENTER),
            Columns("有效期至 Valid until", _when(data.expires_at), bold=True),
            Separator("-"),
            TextLine("使用条款 Terms", bold=True),
            TextLine(data.terms),
            *_footer(data.reprint),
        ),
    )


def demo_voucher() -> VoucherData:
    return VoucherData(
        store_name="拼商牛排馆 Pinshang Steakhouse",
        deal_title="98元牛排双人套餐 Steak set",
        voucher_code="PSV1.k1.G7K2Q9.E3.20250730.Zm9vYmFyYmF6cXV4c2lnbmF0dXJlMTIzNDU2Nzg5MA",
        typed_code="7KQ2-M9XD",
        expires_at=datetime(2025, 7, 30, 22, 0),
        terms="限本店使用一次，不找零，不兑现。Single use in this store; no cash value.",
        winner_label="138****5678",
    )


# --- Draw slip -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DrawSlipData:
    store_name: str
    deal_title: str
    group_id: str
    drawn_at: datetime
    winners: tuple[str, ...]
    entry_count: int
    commitment: str
    seed: str  # hex, revealed now that the draw is done
    proof_digest: str  # hex SHA-256 of the proof JSON
    proof_link: str = ""  # the platform's result page (/d/<group>); the QR carries it when given
    reprint: bool = False
    draw_version: str = "pinshang-draw-v1"  # v1: drawn offline, the merchant's randomness only

    @property
    def qr_payload(self) -> str:
        return self.proof_link or self.proof_digest


def draw_slip_document(data: DrawSlipData) -> Document:
    if not data.winners:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A draw slip needs at least one winner"))
    winners = [Columns(f"{rank}.", label, bold=True) for rank, label in enumerate(data.winners, 1)]
    return Document(
        "draw-slip",
        (
            *_header(data.store_name, "开奖结果 Draw Result", data.reprint),
            TextLine(data.deal_title, bold=True, align=Align.CENTER),
            Columns("团号 Group", data.group_id),
            Columns("开奖时间 Drawn at", _when(data.drawn_at)),
            Columns("参与人数 Entries", str(data.entry_count)),
            TextLine("中签 Winners", Size.DOUBLE_HEIGHT, bold=True),
            *winners,
            Separator("-"),
            TextLine("承诺 Commitment:", bold=True),
            TextLine(data.commitment),
            TextLine("种子 Seed:", bold=True),
            TextLine(data.seed),
            TextLine("证明摘要 Proof digest:", bold=True),
            TextLine(data.proof_digest),
            QrBlock(data.qr_payload, QrSize.MEDIUM),
            TextLine(f"扫码核验 {data.draw_version} Scan to verify", align=Align.CENTER),
            *_randomness_note(data.draw_version),
            *_footer(data.reprint),
        ),
    )


def _randomness_note(version: str) -> tuple[TextLine, ...]:
    if version == "pinshang-draw-v2":
        return (TextLine("商户种子+平台信标 Seed + platform beacon", align=Align.CENTER),)
    return (TextLine("由商户单方随机 Merchant randomness only", align=Align.CENTER),)


def demo_draw_slip() -> DrawSlipData:
    return DrawSlipData(
        store_name="拼商牛排馆 Pinshang Steakhouse",
        deal_title="98元牛排双人套餐 Steak set",
        group_id="G7K2Q9",
        drawn_at=datetime(2025, 6, 28, 19, 42),
        winners=("E3 王**",),
        entry_count=5,
        commitment="3f1d2c9a5b7e4f60a1c2d3e4f5061728394a5b6c7d8e9f001122334455667788",
        seed="a4c1e8f02b3d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6",
        proof_digest="9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c",
    )


# --- Redemption receipt ----------------------------------------------------------------------


@dataclass(frozen=True)
class RedemptionData:
    store_name: str
    deal_title: str
    typed_code: str
    redeemed_at: datetime
    cashier: str
    terminal: str
    value_fen: Fen  # market value of what was handed over
    reprint: bool = False


def redemption_receipt_document(data: RedemptionData) -> Document:
    return Document(
        "redemption-receipt",
        (
            *_header(data.store_name, "兑奖凭证 Redemption", data.reprint),
            TextLine(data.deal_title, bold=True),
            Columns("券码 Voucher", data.typed_code),
            Columns("价值 Value", format_fen(check_fen(data.value_fen))),
            Columns("兑换时间 Redeemed", _when(data.redeemed_at)),
            Columns("收银员 Cashier", data.cashier),
            Columns("终端 Terminal", data.terminal),
            TextLine("已兑换，券已作废 Redeemed; voucher is used up", bold=True, align=Align.CENTER),
            *_footer(data.reprint),
        ),
    )


def demo_redemption() -> RedemptionData:
    return RedemptionData(
        store_name="拼商牛排馆 Pinshang Steakhouse",
        deal_title="98元牛排双人套餐 Steak set",
        typed_code="7KQ2-M9XD",
        redeemed_at=datetime(2025, 7, 2, 12, 15),
        cashier="李娜 Li Na",
        terminal="T-01",
        value_fen=19800,
    )


# --- Sale receipt ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SaleItem:
    name: str
    quantity: int
    unit_fen: Fen
    discount_fen: Fen = 0

    @property
    def line_fen(self) -> Fen:
        return check_fen(self.quantity * self.unit_fen - self.discount_fen)


@dataclass(frozen=True)
class SaleReceiptData:
    store_name: str
    sale_no: str
    sold_at: datetime
    cashier: str
    items: tuple[SaleItem, ...]
    coins_used: int = 0
    coins_value_fen: Fen = 0  # what the coins paid, as the checkout computed it
    reprint: bool = False
    bill_discount_fen: Fen = 0
    rounding_fen: int = 0  # + or -: the bill rounded to the jiao
    tenders: tuple[tuple[str, Fen], ...] = ()  # (label, amount) as paid
    change_fen: Fen = 0
    member: str = ""  # name and masked phone
    store_lines: tuple[str, ...] = ()  # the store's own lines (address, thanks)
    platform_lines: tuple[str, ...] = ()  # the platform's (coins, the member's balance)
    title: str = "购物小票 Receipt"
    open_drawer: bool = False  # cash was taken or handed back: the printer kicks the drawer open

    @property
    def subtotal_fen(self) -> Fen:
        return check_fen(sum(item.line_fen for item in self.items))

    @property
    def total_fen(self) -> Fen:
        return self.subtotal_fen - self.bill_discount_fen - self.coins_value_fen + self.rounding_fen


def sale_receipt_document(data: SaleReceiptData) -> Document:
    _check_sale(data)
    lines: list[Block] = []
    for item in data.items:
        lines.append(Columns(f"{item.name} x{item.quantity}", format_fen(item.line_fen)))
        if item.discount_fen:
            lines.append(Columns("  折扣 Discount", "-" + format_fen(item.discount_fen)))
    member = [Columns("会员 Member", data.member)] if data.member else []
    thanks = data.store_lines or ("谢谢惠顾 Thank you!",)
    return Document(
        "sale-receipt",
        (
            *_header(data.store_name, data.title, data.reprint),
            Columns("单号 No.", data.sale_no),
            Columns("时间 Time", _when(data.sold_at)),
            Columns("收银员 Cashier", data.cashier),
            *member,
            Separator("-"),
            *lines,
            Separator("-"),
            Columns("小计 Subtotal", format_fen(data.subtotal_fen)),
            *_discount_lines(data),
            *_coin_lines(data),
            *_rounding_lines(data),
            Columns("应付 Total", format_fen(data.total_fen), bold=True),
            *_tender_lines(data),
            Separator("-"),
            *[TextLine(text, align=Align.CENTER) for text in thanks],
            *[TextLine(text, align=Align.CENTER) for text in data.platform_lines],
            *_footer(data.reprint),
        ),
        open_drawer=data.open_drawer and not data.reprint,
    )


def _discount_lines(data: SaleReceiptData) -> list[Block]:
    return [Columns("整单折扣 Bill discount", "-" + format_fen(data.bill_discount_fen))] if data.bill_discount_fen else []


def _rounding_lines(data: SaleReceiptData) -> list[Block]:
    if not data.rounding_fen:
        return []
    sign = "+" if data.rounding_fen > 0 else "-"
    return [Columns("抹零 Rounding", sign + format_fen(abs(data.rounding_fen)))]


def _tender_lines(data: SaleReceiptData) -> list[Block]:
    blocks: list[Block] = [Columns(label, format_fen(amount)) for label, amount in data.tenders]
    if data.change_fen:
        blocks.append(Columns("找零 Change", format_fen(data.change_fen), bold=True))
    return blocks


def _coin_lines(data: SaleReceiptData) -> list[Block]:
    if not data.coins_used:
        return []
    label = f"购物币 Coins x{data.coins_used}"
    return [Columns(label, "-" + format_fen(data.coins_value_fen))]


def _check_sale(data: SaleReceiptData) -> None:
    if not data.items:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A receipt needs at least one item"))
    for item in data.items:
        _check_positive(item.quantity, "Quantity")
        _check_positive(check_fen(item.unit_fen), "Unit price")
    _check_positive(data.coins_used, "Coins used")
    if not 0 <= check_fen(data.coins_value_fen) <= data.subtotal_fen - data.bill_discount_fen:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Coins cannot pay more than the subtotal of {subtotal}"),
            subtotal=format_fen(data.subtotal_fen),
        )


def demo_sale_receipt() -> SaleReceiptData:
    return SaleReceiptData(
        store_name="拼商牛排馆 Pinshang Steakhouse",
        sale_no="S-20250702-0042",
        sold_at=datetime(2025, 7, 2, 12, 31),
        cashier="李娜 Li Na",
        items=(
            SaleItem("黑椒牛排 Pepper steak", 2, 6800),
            SaleItem("凯撒沙拉 Caesar salad", 1, 3200),
            SaleItem("柠檬茶 Lemon tea", 3, 1200),
        ),
        coins_used=120,
        coins_value_fen=1200,
    )
