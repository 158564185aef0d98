"""The slips a person keeps: the deposit slip printed when they are enrolled at the counter
(their entry id, to find themselves in the draw proof) and the refund/consolation slip
printed after a draw or a cancellation (what the counter hands back, by tender).

Chinese first, English after, as the other templates (desktop.documents.templates); money is
integer fen; `reprint` marks a copy 重印/COPY at the top and the bottom.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import Fen, check_fen, format_fen
from desktop.documents.document import (
    Align,
    Block,
    Columns,
    Document,
    Feed,
    Separator,
    Size,
    TextLine,
)
from desktop.documents.templates import _check_positive, _footer, _header, _when

TENDERS = {"cash": "现金 Cash", "card": "银行卡 Card", "platform": "线上 Online"}


def _tender(tender: str) -> str:
    return TENDERS.get(tender, tender)


# --- Deposit slip ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DepositSlipData:
    store_name: str
    deal_title: str
    group_id: str
    entry_id: str  # the id the draw proof lists
    position: int  # the seat, 1 = the leader
    group_size: int
    customer_label: str  # a masked phone (138****5678) or the member id
    deposit_fen: Fen
    tender: str  # cash | card | platform
    joined_at: datetime
    winners: int
    deadline: datetime
    commitment: str  # hex SHA-256 of the draw seed
    draw_method: str
    is_leader: bool = False
    reprint: bool = False


def deposit_slip_document(data: DepositSlipData) -> Document:
    _check_positive(check_fen(data.deposit_fen), "Deposit")
    if not 1 <= data.position <= data.group_size:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A seat must be between 1 and {size}"), size=data.group_size
        )
    seat = f"E{data.position} / {data.group_size}" + (" 团长 Leader" if data.is_leader else "")
    return Document(
        "deposit-slip",
        (
            *_header(data.store_name, "拼团押金单 Deposit", data.reprint),
            TextLine(data.deal_title, bold=True, align=Align.CENTER),
            Columns("团号 Group", data.group_id),
            Columns("座位 Seat", seat, bold=True),
            TextLine("参与编号 Entry id:", bold=True),
            TextLine(data.entry_id, Size.DOUBLE_HEIGHT, bold=True, align=Align.CENTER),
            Columns("顾客 Customer", data.customer_label),
            Columns("押金 Deposit", format_fen(data.deposit_fen), bold=True),
            Columns("支付方式 Paid by", _tender(data.tender)),
            Columns("参团时间 Joined", _when(data.joined_at)),
            Columns("中签人数 Winners", f"{data.winners}人"),
            Columns("截止 Deadline", _when(data.deadline)),
            Separator("-"),
            TextLine("抽奖承诺 Draw commitment (SHA-256):", bold=True),
            TextLine(data.commitment),
            Columns("开奖方式 Method", data.draw_method),
            Separator("-"),
            TextLine("如何核验 How to check the draw", bold=True),
            TextLine(
                "开奖后扫开奖单二维码或导出证明，用 pinshang verify-draw 核验，"
                f"在证明中找到你的编号 {data.entry_id}。"
            ),
            TextLine(
                "After the draw, scan the draw slip's QR or export the proof, check it with "
                f"pinshang verify-draw and find your entry id {data.entry_id} in it."
            ),
            TextLine("未中签全额退押金 Not drawn: deposit back", align=Align.CENTER),
            TextLine("请保留本单 Keep this slip", bold=True, align=Align.CENTER),
            *_footer(data.reprint),
        ),
        open_drawer=data.tender == "cash" and not data.reprint,  # the deposit goes into the drawer
    )


def demo_deposit_slip() -> DepositSlipData:
    return DepositSlipData(
        store_name="拼商牛排馆 Pinshang Steakhouse",
        deal_title="98元牛排双人套餐 Steak set",
        group_id="G7K2Q9",
        entry_id="E3b7c2d1e0f9a8b7",
        position=4,
        group_size=5,
        customer_label="138****5678",
        deposit_fen=9800,
        tender="card",
        joined_at=datetime(2025, 6, 28, 19, 5),
        winners=1,
        deadline=datetime(2025, 6, 30, 21, 0),
        commitment="3f1d2c9a5b7e4f60a1c2d3e4f5061728394a5b6c7d8e9f001122334455667788",
        draw_method="pinshang-draw-v1",
    )


# --- Refund / consolation slip ---------------------------------------------------------------


class SlipReason(StrEnum):
    DRAWN = "drawn"  # not drawn: the deposit back and the consolation
    CANCELLED = "cancelled"
    EXPIRED = "expired"


REASONS = {
    SlipReason.DRAWN: "未中签 Not drawn",
    SlipReason.CANCELLED: "拼团已取消 Group cancelled",
    SlipReason.EXPIRED: "拼团未成团 Group expired",
}


@dataclass(frozen=True)
class RefundSlipData:
    store_name: str
    deal_title: str
    group_id: str
    reason: SlipReason
    at: datetime  # the draw, or the cancellation
    entry_id: str
    position: int
    customer_label: str
    tender: str  # how the deposit was paid: how it goes back
    refund_fen: Fen
    consolation_fen: Fen = 0  # always cash, handed over now
    coins: int = 0  # credited by the platform at the next sync
    reward_fen: Fen = 0  # the leader's rewards
    reprint: bool = False

    @property
    def cash_now_fen(self) -> Fen:
        """What leaves the till now: a cash deposit back, the consolation, the rewards."""
        deposit = self.refund_fen if self.tender == "cash" else 0
        return check_fen(deposit + self.consolation_fen + self.reward_fen)


_HOW = {
    "cash": "现金当场退还 Cash back now",
    "card": "刷卡退款(待办) Card refund to do",
    "platform": "已线上退回 Refunded online",
}


def refund_slip_document(data: RefundSlipData) -> Document:
    for value, what in ((data.refund_fen, "Refund"), (data.consolation_fen, "Consolation"),
                        (data.reward_fen, "Leader reward")):
        _check_positive(check_fen(value), what)
    _check_positive(data.coins, "Coins")
    return Document(
        "refund-slip",
        (
            *_header(data.store_name, "退款/安慰奖单 Refund slip", data.reprint),
            TextLine(data.deal_title, bold=True, align=Align.CENTER),
            TextLine(REASONS[data.reason], Size.DOUBLE_HEIGHT, bold=True, align=Align.CENTER),
            Columns("团号 Group", data.group_id),
            Columns("时间 Time", _when(data.at)),
            Columns("座位 Seat", f"E{data.position}"),
            TextLine("参与编号 Entry id:"),
            TextLine(data.entry_id, bold=True, align=Align.RIGHT),
            Columns("顾客 Customer", data.customer_label),
            Separator("-"),
            *_hand_back_lines(data),
            Separator("-"),
            Columns("现付合计 Cash now", format_fen(data.cash_now_fen), bold=True),
            *_card_todo(data),
            Feed(),
            TextLine("顾客签收 Signed: ____________"),
            *_footer(data.reprint),
        ),
        open_drawer=data.cash_now_fen > 0 and not data.reprint,  # cash back, consolation, rewards
    )


def _hand_back_lines(data: RefundSlipData) -> list[Block]:
    lines: list[Block] = [
        Columns("退押金 Deposit back", format_fen(data.refund_fen), bold=True),
        TextLine(_HOW.get(data.tender, data.tender), align=Align.RIGHT),
    ]
    if data.consolation_fen:
        lines.append(Columns("安慰金(现金) Consolation", format_fen(data.consolation_fen), bold=True))
    if data.coins:
        lines.append(Columns("购物币 Coins", f"{data.coins}", bold=True))
        lines.append(TextLine("同步后到账 Credited on sync", align=Align.RIGHT))
    if data.reward_fen:
        lines.append(Columns("团长奖励 Leader reward", format_fen(data.reward_fen), bold=True))
    return lines


def _card_todo(data: RefundSlipData) -> list[Block]:
    if data.tender != "card" or not data.refund_fen:
        return []
    return [Columns("待刷卡退 Card to do", format_fen(data.refund_fen), bold=True)]


def demo_refund_slip() -> RefundSlipData:
    return RefundSlipData(
        store_name="拼商牛排馆 Pinshang Steakhouse",
        deal_title="98元牛排双人套餐 Steak set",
        group_id="G7K2Q9",
        reason=SlipReason.DRAWN,
        at=datetime(2025, 6, 28, 19, 42),
        entry_id="E3b7c2d1e0f9a8b7",
        position=4,
        customer_label="138****5678",
        tender="cash",
        refund_fen=9800,
        consolation_fen=500,
        coins=50,
    )
