"""Words for the drawer's report lines and tenders on the shift screens (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.i18n import QT_TRANSLATE_NOOP

LINES = {
    "sale": QT_TRANSLATE_NOOP("shift", "Cash sales"),
    "change": QT_TRANSLATE_NOOP("shift", "Change given"),
    "sale_refund": QT_TRANSLATE_NOOP("shift", "Sale refunds in cash"),
    "deposit": QT_TRANSLATE_NOOP("shift", "Deposits taken"),
    "deposit_refund": QT_TRANSLATE_NOOP("shift", "Deposits given back"),
    "consolation": QT_TRANSLATE_NOOP("shift", "Consolation cash paid"),
    "cash_in": QT_TRANSLATE_NOOP("shift", "Cash in"),
    "cash_out": QT_TRANSLATE_NOOP("shift", "Cash out"),
    "other": QT_TRANSLATE_NOOP("shift", "Other"),
}
TENDERS = {
    "cash": QT_TRANSLATE_NOOP("shift", "Cash"),
    "card": QT_TRANSLATE_NOOP("shift", "Card"),
    "wechat": QT_TRANSLATE_NOOP("shift", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("shift", "Alipay"),
    "platform": QT_TRANSLATE_NOOP("shift", "Online"),
}


def line_name(key: str) -> str:
    return QCoreApplication.translate("shift", LINES[key]) if key in LINES else key


def tender_name(key: str) -> str:
    return QCoreApplication.translate("shift", TENDERS[key]) if key in TENDERS else key
