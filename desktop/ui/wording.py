"""The words a person reads for the codes the system keeps: op kinds, audit actions, deal
fields, payload keys. Phones are masked by desktop.core.phones (138****5678).

Nothing a screen shows should be a raw code ("group.settled", "consolation_cash_fen", an
"op_id" header, a JSON object with a full phone number): screens pass codes through here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import format_fen
from desktop.core.phones import mask_phones_in

OP_KINDS = {
    "staff.changed": QT_TRANSLATE_NOOP("wording", "Staff changed"),
    "deal.launched": QT_TRANSLATE_NOOP("wording", "Deal launched"),
    "deal.amended": QT_TRANSLATE_NOOP("wording", "Deal amended"),
    "group.opened": QT_TRANSLATE_NOOP("wording", "Group opened"),
    "group.joined": QT_TRANSLATE_NOOP("wording", "Joined a group"),
    "group.drawn": QT_TRANSLATE_NOOP("wording", "Group drawn"),
    "group.settled": QT_TRANSLATE_NOOP("wording", "Group settled (refunds and consolation)"),
    "group.expired": QT_TRANSLATE_NOOP("wording", "Group expired and refunded"),
    "group.cancelled": QT_TRANSLATE_NOOP("wording", "Group cancelled and refunded"),
    "join_request.accepted": QT_TRANSLATE_NOOP("wording", "Online join accepted"),
    "join_request.refused": QT_TRANSLATE_NOOP("wording", "Online join refused"),
    "voucher.issued": QT_TRANSLATE_NOOP("wording", "Voucher issued"),
    "voucher.redeemed": QT_TRANSLATE_NOOP("wording", "Voucher redeemed"),
    "sale.completed": QT_TRANSLATE_NOOP("wording", "Sale"),
    "coins.captured": QT_TRANSLATE_NOOP("wording", "Coins paid with"),
    "sale.refunded": QT_TRANSLATE_NOOP("wording", "Sale refunded"),
    "sale.voided": QT_TRANSLATE_NOOP("wording", "Sale voided"),
    "signing_key.added": QT_TRANSLATE_NOOP("wording", "Signing key added"),
    "shift.closed": QT_TRANSLATE_NOOP("wording", "Shift closed (Z report)"),
    "redemption.reversed": QT_TRANSLATE_NOOP("wording", "Redemption reversed"),
}
AUDIT_ACTIONS = {
    "attention.resolved": QT_TRANSLATE_NOOP("wording", "Attention item resolved"),
    "commission_schedule.received": QT_TRANSLATE_NOOP("wording", "Commission schedule received"),
    "deal.amended": QT_TRANSLATE_NOOP("wording", "Deal amended"),
    "deal.launched": QT_TRANSLATE_NOOP("wording", "Deal launched"),
    "deal.saved": QT_TRANSLATE_NOOP("wording", "Deal saved"),
    "demo.seeded": QT_TRANSLATE_NOOP("wording", "Demo data created"),
    "group.cancelled": QT_TRANSLATE_NOOP("wording", "Group cancelled and refunded"),
    "group.drawn": QT_TRANSLATE_NOOP("wording", "Group drawn"),
    "group.expired": QT_TRANSLATE_NOOP("wording", "Group expired and refunded"),
    "group.joined": QT_TRANSLATE_NOOP("wording", "Joined a group"),
    "group.opened": QT_TRANSLATE_NOOP("wording", "Group opened"),
    "group.settled": QT_TRANSLATE_NOOP("wording", "Group settled (refunds and consolation)"),
    "join_requests.triaged": QT_TRANSLATE_NOOP("wording", "Online joins sorted"),
    "override.approved": QT_TRANSLATE_NOOP("wording", "Manager approval"),
    "platform.paired": QT_TRANSLATE_NOOP("wording", "Paired with the platform"),
    "platform.url_changed": QT_TRANSLATE_NOOP("wording", "Platform address changed"),
    "print.queued": QT_TRANSLATE_NOOP("wording", "Printout queued"),
    "print.reprint": QT_TRANSLATE_NOOP("wording", "Copy printed"),
    "print.retry": QT_TRANSLATE_NOOP("wording", "Printout retried"),
    "printer.removed": QT_TRANSLATE_NOOP("wording", "Printer removed"),
    "printer.route_set": QT_TRANSLATE_NOOP("wording", "Printer chosen for a printout"),
    "printer.saved": QT_TRANSLATE_NOOP("wording", "Printer saved"),
    "settings.changed": QT_TRANSLATE_NOOP("wording", "Setting changed"),
    "signing_key.rotated": QT_TRANSLATE_NOOP("wording", "Signing key renewed"),
    "signing_key.added": QT_TRANSLATE_NOOP("wording", "Signing key added"),
    "signing_key.created": QT_TRANSLATE_NOOP("wording", "Signing key created"),
    "staff.activated": QT_TRANSLATE_NOOP("wording", "Staff member (de)activated"),
    "staff.added": QT_TRANSLATE_NOOP("wording", "Staff member added"),
    "staff.login": QT_TRANSLATE_NOOP("wording", "Logged in"),
    "staff.login_failed": QT_TRANSLATE_NOOP("wording", "Wrong PIN"),
    "staff.logout": QT_TRANSLATE_NOOP("wording", "Logged out"),
    "staff.owner_created": QT_TRANSLATE_NOOP("wording", "Owner account created"),
    "staff.pin_changed": QT_TRANSLATE_NOOP("wording", "PIN changed"),
    "voucher.redeemed": QT_TRANSLATE_NOOP("wording", "Voucher redeemed"),
    "staff.unlocked": QT_TRANSLATE_NOOP("wording", "Staff member unlocked"),
    "staff.pin_rehashed": QT_TRANSLATE_NOOP("wording", "PIN protection renewed"),
    "sync.recovered": QT_TRANSLATE_NOOP("wording", "Sync recovered after a restore"),
    "clock.moved": QT_TRANSLATE_NOOP("wording", "PC clock moved"),
    "group.join_tokens_resigned": QT_TRANSLATE_NOOP("wording", "Invites signed for the paired store"),
    "menu.item_added": QT_TRANSLATE_NOOP("wording", "Menu item added"),
    "menu.item_edited": QT_TRANSLATE_NOOP("wording", "Menu item changed"),
    "menu.item_enabled": QT_TRANSLATE_NOOP("wording", "Menu item put on sale"),
    "menu.item_disabled": QT_TRANSLATE_NOOP("wording", "Menu item taken off sale"),
    "menu.imported": QT_TRANSLATE_NOOP("wording", "Menu imported from a file"),
    "shift.opened": QT_TRANSLATE_NOOP("wording", "Shift opened with a float"),
    "shift.closed": QT_TRANSLATE_NOOP("wording", "Shift closed (Z report)"),
    "shift.cashier_switched": QT_TRANSLATE_NOOP("wording", "Another cashier took over the drawer"),
    "drawer.cash_in": QT_TRANSLATE_NOOP("wording", "Cash put into the drawer"),
    "drawer.cash_out": QT_TRANSLATE_NOOP("wording", "Cash taken out of the drawer"),
    "redemption.reversed": QT_TRANSLATE_NOOP("wording", "Redemption reversed"),
    "sale.completed": QT_TRANSLATE_NOOP("wording", "Sale"),
    "sale.refunded": QT_TRANSLATE_NOOP("wording", "Sale refunded"),
    "sale.voided": QT_TRANSLATE_NOOP("wording", "Sale voided"),
    "order.parked": QT_TRANSLATE_NOOP("wording", "Order parked"),
    "order.recalled": QT_TRANSLATE_NOOP("wording", "Parked order recalled"),
}
TENDERS = {
    "cash": QT_TRANSLATE_NOOP("wording", "Cash"),
    "card": QT_TRANSLATE_NOOP("wording", "Card"),
    "wechat": QT_TRANSLATE_NOOP("wording", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("wording", "Alipay"),
}
APPROVAL_LOGIN = QT_TRANSLATE_NOOP("wording", "Manager PIN checked for an approval")
FIELDS = {
    "product_name": QT_TRANSLATE_NOOP("wording", "product"),
    "market_value_fen": QT_TRANSLATE_NOOP("wording", "market value"),
    "cost_fen": QT_TRANSLATE_NOOP("wording", "cost per product"),
    "group_price_fen": QT_TRANSLATE_NOOP("wording", "group price"),
    "group_size": QT_TRANSLATE_NOOP("wording", "people per group"),
    "winners": QT_TRANSLATE_NOOP("wording", "winners"),
    "leader_rule": QT_TRANSLATE_NOOP("wording", "leader rule"),
    "leader_reward_fen": QT_TRANSLATE_NOOP("wording", "leader reward"),
    "consolation_cash_fen": QT_TRANSLATE_NOOP("wording", "consolation cash per loser"),
    "consolation_coins": QT_TRANSLATE_NOOP("wording", "consolation coins per loser"),
    "formation_reward_fen": QT_TRANSLATE_NOOP("wording", "formation reward per joiner"),
    "promotion_budget_fen": QT_TRANSLATE_NOOP("wording", "promotion budget"),
    "fill_window": QT_TRANSLATE_NOOP("wording", "hours to fill a group"),
    "max_open_groups": QT_TRANSLATE_NOOP("wording", "groups open at once"),
    "per_member_limit": QT_TRANSLATE_NOOP("wording", "seats per member"),
    "redemption_days": QT_TRANSLATE_NOOP("wording", "voucher validity (days)"),
    "group_id": QT_TRANSLATE_NOOP("wording", "group"),
    "deal_id": QT_TRANSLATE_NOOP("wording", "deal"),
    "entry_id": QT_TRANSLATE_NOOP("wording", "seat"),
    "voucher_id": QT_TRANSLATE_NOOP("wording", "voucher"),
    "member_id": QT_TRANSLATE_NOOP("wording", "member"),
    "phone": QT_TRANSLATE_NOOP("wording", "phone"),
    "refunded_fen": QT_TRANSLATE_NOOP("wording", "refunded"),
    "deposit_fen": QT_TRANSLATE_NOOP("wording", "deposit"),
    "cash_fen": QT_TRANSLATE_NOOP("wording", "cash"),
    "total_fen": QT_TRANSLATE_NOOP("wording", "total"),
    "reason": QT_TRANSLATE_NOOP("wording", "reason"),
    "tender": QT_TRANSLATE_NOOP("wording", "paid by"),
    "commitment": QT_TRANSLATE_NOOP("wording", "commitment"),
    "permission": QT_TRANSLATE_NOOP("wording", "for"),
    "staff": QT_TRANSLATE_NOOP("wording", "staff"),
    "approved_by": QT_TRANSLATE_NOOP("wording", "approved by"),
    "name": QT_TRANSLATE_NOOP("wording", "name"),
    "role": QT_TRANSLATE_NOOP("wording", "role"),
    "kind": QT_TRANSLATE_NOOP("wording", "printout"),
    "job_id": QT_TRANSLATE_NOOP("wording", "print job"),
    "key": QT_TRANSLATE_NOOP("wording", "setting"),
    "value": QT_TRANSLATE_NOOP("wording", "value"),
    "coin_grants": QT_TRANSLATE_NOOP("wording", "coins granted"),
    "coins": QT_TRANSLATE_NOOP("wording", "coins"),
    "customer": QT_TRANSLATE_NOOP("wording", "customer"),
    "terms": QT_TRANSLATE_NOOP("wording", "rules"),
    "printer_id": QT_TRANSLATE_NOOP("wording", "printer"),
    "staff_id": QT_TRANSLATE_NOOP("wording", "staff no."),
    "store_id": QT_TRANSLATE_NOOP("wording", "store"),
    "terminal_id": QT_TRANSLATE_NOOP("wording", "terminal"),
    "key_id": QT_TRANSLATE_NOOP("wording", "key"),
    "menu_items": QT_TRANSLATE_NOOP("wording", "menu items"),
    "connection": QT_TRANSLATE_NOOP("wording", "connection"),
    "locked": QT_TRANSLATE_NOOP("wording", "locked"),
    "active": QT_TRANSLATE_NOOP("wording", "active"),
    "ref": QT_TRANSLATE_NOOP("wording", "for"),
    "product": QT_TRANSLATE_NOOP("wording", "product"),
    "before": QT_TRANSLATE_NOOP("wording", "before"),
    "after": QT_TRANSLATE_NOOP("wording", "after"),
    "digest": QT_TRANSLATE_NOOP("wording", "proof digest"),
    "groups": QT_TRANSLATE_NOOP("wording", "groups"),
    "item": QT_TRANSLATE_NOOP("wording", "item"),
    "lock_level": QT_TRANSLATE_NOOP("wording", "lock level"),
    "merchant_id": QT_TRANSLATE_NOOP("wording", "merchant"),
    "moved": QT_TRANSLATE_NOOP("wording", "records moved"),
    "reprint_of": QT_TRANSLATE_NOOP("wording", "copy of"),
    "seconds": QT_TRANSLATE_NOOP("wording", "seconds"),
    "seconds_left": QT_TRANSLATE_NOOP("wording", "seconds left"),
    "url": QT_TRANSLATE_NOOP("wording", "address"),
    "version": QT_TRANSLATE_NOOP("wording", "version"),
    "vouchers": QT_TRANSLATE_NOOP("wording", "vouchers"),
    "old": QT_TRANSLATE_NOOP("wording", "before"),
    "new": QT_TRANSLATE_NOOP("wording", "after"),
    "same_boot": QT_TRANSLATE_NOOP("wording", "same start of the PC"),
    "position": QT_TRANSLATE_NOOP("wording", "seat no."),
    "coin_settlement_bp": QT_TRANSLATE_NOOP("wording", "coin deduction"),
    "turnover_commission_bp": QT_TRANSLATE_NOOP("wording", "turnover commission"),
    "deal_commission_bp": QT_TRANSLATE_NOOP("wording", "deal commission"),
    "alliance_share_bp": QT_TRANSLATE_NOOP("wording", "alliance share"),
    "coin_cap_bp": QT_TRANSLATE_NOOP("wording", "coin cap"),
    "coin_value_fen": QT_TRANSLATE_NOOP("wording", "coin value"),
    "effective_from": QT_TRANSLATE_NOOP("wording", "in force from"),
    "baudrate": QT_TRANSLATE_NOOP("wording", "baud rate"),
    "chinese_mode": QT_TRANSLATE_NOOP("wording", "Chinese printing"),
    "qr_mode": QT_TRANSLATE_NOOP("wording", "QR printing"),
    "paper_mm": QT_TRANSLATE_NOOP("wording", "paper width"),
    "host": QT_TRANSLATE_NOOP("wording", "address"),
    "port": QT_TRANSLATE_NOOP("wording", "port"),
    "name_en": QT_TRANSLATE_NOOP("wording", "English name"),
    "category": QT_TRANSLATE_NOOP("wording", "category"),
    "barcode": QT_TRANSLATE_NOOP("wording", "barcode"),
    "sku": QT_TRANSLATE_NOOP("wording", "SKU"),
    "price_fen": QT_TRANSLATE_NOOP("wording", "price"),
    "price_version": QT_TRANSLATE_NOOP("wording", "price version"),
    "source": QT_TRANSLATE_NOOP("wording", "file"),
    "rows": QT_TRANSLATE_NOOP("wording", "rows"),
    "added": QT_TRANSLATE_NOOP("wording", "added"),
    "updated": QT_TRANSLATE_NOOP("wording", "changed"),
    "shift_id": QT_TRANSLATE_NOOP("wording", "shift"),
    "float_fen": QT_TRANSLATE_NOOP("wording", "float"),
    "carried_in": QT_TRANSLATE_NOOP("wording", "refunds carried in"),
    "z_number": QT_TRANSLATE_NOOP("wording", "Z report no."),
    "counted_fen": QT_TRANSLATE_NOOP("wording", "counted"),
    "expected_fen": QT_TRANSLATE_NOOP("wording", "expected"),
    "over_short_fen": QT_TRANSLATE_NOOP("wording", "over/short"),
    "amount_fen": QT_TRANSLATE_NOOP("wording", "amount"),
    "redeemed_at": QT_TRANSLATE_NOOP("wording", "redeemed at"),
    "sale_id": QT_TRANSLATE_NOOP("wording", "sale"),
    "receipt_no": QT_TRANSLATE_NOOP("wording", "receipt no."),
    "refund_no": QT_TRANSLATE_NOOP("wording", "refund no."),
    "coins_returned": QT_TRANSLATE_NOOP("wording", "coins returned"),
    "parked_id": QT_TRANSLATE_NOOP("wording", "parked order"),
    "label": QT_TRANSLATE_NOOP("wording", "table"),
    "lines": QT_TRANSLATE_NOOP("wording", "lines"),
}


def _tr_word(table: dict[str, str], code: str) -> str:
    return QCoreApplication.translate("wording", table[code]) if code in table else code


def mask_phone(text: str) -> str:
    """Every mainland mobile number in `text` as 138****5678."""
    return mask_phones_in(text)


def tender_name(kind: str) -> str:
    """Cash, Card, WeChat Pay, Alipay; another tender of the store's list as it is named there."""
    return _tr_word(TENDERS, kind)


def op_kind_name(kind: str) -> str:
    return _tr_word(OP_KINDS, kind)


def audit_action_name(action: str) -> str:
    return _tr_word(AUDIT_ACTIONS, action)


def field_name(name: str) -> str:
    return _tr_word(FIELDS, name)


def humane_text(text: str) -> str:
    """A reason written by the system: op kinds and field names in words, phones masked."""
    for table in (OP_KINDS, FIELDS):
        for code in sorted(table, key=len, reverse=True):
            if code in text and ("." in code or "_" in code):
                text = re.sub(rf"(?<![\w.]){re.escape(code)}(?![\w])", _tr_word(table, code), text)
    return mask_phone(text)


def _value(key: str, value: Any, language: str) -> str:
    if key.endswith("_fen") and isinstance(value, int):
        return format_fen(value, language)
    if isinstance(value, dict):
        return "(" + ", ".join(f"{field_name(k)}: {_value(k, v, language)}" for k, v in value.items()) + ")"
    if isinstance(value, list):
        return ", ".join(_value(key, item, language) for item in value)
    return mask_phone(str(value))


def format_detail(detail: str, language: str) -> str:
    """An audit record's JSON detail as "group: G1 · refunded: ¥294.00", phones masked."""
    try:
        data = json.loads(detail) if detail else {}
    except ValueError:
        return mask_phone(detail)
    if not isinstance(data, dict):
        return mask_phone(str(data))
    return " · ".join(f"{field_name(k)}: {_value(k, v, language)}" for k, v in data.items())


def humane_error(exc: UserError, language: str) -> UserError:
    """The same error with a field code as its words and fen amounts as money."""
    params = dict(exc.params)
    field = params.get("field")
    if isinstance(field, str) and field in FIELDS:
        params["field"] = field_name(field)
        if field.endswith("_fen"):
            for key in ("before", "after"):
                if isinstance(params.get(key), int) or str(params.get(key, "")).lstrip("-").isdigit():
                    params[key] = format_fen(int(params[key]), language)
    copy = UserError(exc.message, **params)
    copy.context = exc.context
    return copy
