"""The order on the counter before it is paid: its lines, the member and where their coins come
from (an online consent, or an offline coin authorization), and its JSON form for parking.
Plain data; the rules are desktop.core.checkout, the use cases desktop.services.checkout."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from desktop.core.checkout import OrderLine, check_quantity


@dataclass(frozen=True)
class CounterMember:
    """The member identified at the counter. Coins only with their consent: `consent_id` (the
    platform turned their member code into it, online) or `token_text` (a coin authorization
    the platform signed, offline); `available` is what that consent allows."""

    member_id: str
    name: str
    phone_masked: str = ""
    home_merchant_id: str = ""
    available: int = 0
    consent_id: str = ""
    token_text: str = ""
    token_id: str = ""
    token_expires_at: str = ""

    @property
    def label(self) -> str:
        return " ".join(part for part in (self.name, self.phone_masked) if part) or self.member_id

    @property
    def may_pay_coins(self) -> bool:
        return bool(self.consent_id or self.token_text) and self.available > 0


@dataclass(frozen=True)
class Order:
    lines: tuple[OrderLine, ...] = ()
    bill_discount_fen: int = 0
    member: CounterMember | None = None
    coins: int = 0
    approved_by: str = ""  # the manager who approved discounts beyond the cashier's limit
    parked_label: str = field(default="", compare=False)

    def with_item(self, line: OrderLine) -> Order:
        """Add an item: one more of the same item (same price version, no discount) goes on its
        line, anything else on a new line."""
        for index, existing in enumerate(self.lines):
            if (existing.item_id is not None and existing.item_id == line.item_id
                    and existing.price_version == line.price_version and not existing.discount_fen):
                merged = replace(existing, quantity=check_quantity(existing.quantity + line.quantity))
                return self._with_line(index, merged)
        return replace(self, lines=(*self.lines, line))

    def with_quantity(self, index: int, quantity: int) -> Order:
        line = self.lines[index]
        if line.voucher_id is not None:
            return self
        discount = min(line.discount_fen, quantity * line.unit_price_fen)
        return self._with_line(index, replace(line, quantity=check_quantity(quantity), discount_fen=discount))

    def with_line_discount(self, index: int, discount_fen: int) -> Order:
        return self._with_line(index, replace(self.lines[index], discount_fen=discount_fen))

    def without_line(self, index: int) -> Order:
        return replace(self, lines=self.lines[:index] + self.lines[index + 1:], coins=0)

    def _with_line(self, index: int, line: OrderLine) -> Order:
        return replace(self, lines=(*self.lines[:index], line, *self.lines[index + 1:]), coins=0)

    def has_voucher(self, voucher_id: str) -> bool:
        return any(line.voucher_id == voucher_id for line in self.lines)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> Order:
        data: dict[str, Any] = json.loads(text)
        member = data.get("member")
        return Order(
            lines=tuple(OrderLine(**line) for line in data.get("lines", [])),
            bill_discount_fen=int(data.get("bill_discount_fen", 0)),
            member=CounterMember(**member) if member else None,
            coins=int(data.get("coins", 0)),
            approved_by=str(data.get("approved_by", "")),
            parked_label=str(data.get("parked_label", "")),
        )
