"""Redeem a winner's voucher: scan it (or type its fallback code) and read the verdict.

The scan field keeps the focus and takes keyboard-wedge scanner input: Enter or Tab submits,
the input method is off (a Chinese IME would swallow the scanner's keystrokes), prefixes and
suffixes the scanner adds are stripped by the service. The verdict is large and coloured. A
redemption prints its receipt at once, as the till does; a voucher already redeemed offers a
copy of the receipt (marked 重印/COPY).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.redemption import RedeemResult, RedeemVerdict
from desktop.ui import keys
from desktop.ui.context import UiContext
from desktop.ui.group_printing import print_redemption
from desktop.ui.operations import run_op
from desktop.ui.screen import ScreenBase
from desktop.ui.theme import set_role, set_tone
from desktop.ui.widgets import named
from desktop.ui.widgets.scan_field import ScanField

_VERDICT_TONES = {
    RedeemVerdict.REDEEMED: "ok",
    RedeemVerdict.ALREADY_REDEEMED: "warn",
    RedeemVerdict.EXPIRED: "warn",
}


class RedeemScreen(ScreenBase):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("redeem")
        self.last: RedeemResult | None = None
        self.scan = ScanField(self)
        self.scan.setObjectName("scan")
        set_role(self.scan, "scan")
        self.scan.setPlaceholderText(self.tr("Scan the voucher QR or type its code"))
        self.scan.submitted.connect(self.redeem)
        self.verdict = named(QLabel(self, alignment=Qt.AlignmentFlag.AlignCenter,
                              wordWrap=True), "verdict")
        set_role(self.verdict, "verdict")
        self.detail = named(QLabel(self, alignment=Qt.AlignmentFlag.AlignCenter,
                             wordWrap=True), "detail")
        set_role(self.detail, "detail")
        self.reprint = keys.bind(named(QPushButton(self.tr("Print a copy of the receipt"), self), "reprint"),
                                 keys.REPRINT)
        set_role(self.reprint, "action")
        self.reprint.clicked.connect(self.reprint_receipt)
        self.reprint.setVisible(False)
        self._layout()
        self._show_waiting()

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reprint)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan)
        layout.addStretch(1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        layout.addStretch(2)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self, self.scan.setFocus)

    def focusInEvent(self, event: object) -> None:  # noqa: N802
        self.scan.setFocus()

    def activate(self) -> None:
        """Back on the screen: the last verdict belongs to the last customer, not this one."""
        self.last = None
        self.reprint.setVisible(False)
        self._show_waiting()
        self.scan.setFocus()

    def _show_waiting(self) -> None:
        self._set_verdict(self.tr("Ready: scan a voucher"), "muted", "")

    def _set_verdict(self, headline: str, tone: str, detail: str) -> None:
        self.verdict.setText(headline)
        set_tone(self.verdict, tone)
        self.detail.setText(detail)

    def redeem(self, text: str) -> None:
        # Never leave the last voucher's green verdict up while a new scan is judged.
        self.last = None
        self.reprint.setVisible(False)
        self._set_verdict(self.tr("Checking…"), "muted", "")
        actor = self.ctx.actor
        run_op(self.ctx, lambda: self.ctx.services.redemption.redeem(actor, text),
               self._judged, self._failed, busy=[self.reprint], doing="redeeming a voucher")

    def _failed(self, text: str, _exc: BaseException) -> None:
        self._set_verdict(text, "error", "")
        self.scan.setFocus()

    def _judged(self, result: RedeemResult) -> None:
        self.scan.setFocus()
        self.last = result
        self._set_verdict(self.headline(result), _VERDICT_TONES.get(result.verdict, "error"),
                          self.details(result))
        if result.verdict is RedeemVerdict.REDEEMED and result.voucher_id:  # the receipt, as the till prints one
            print_redemption(self.ctx, result.voucher_id, self,
                             printed=lambda job: self._receipt_done(result, job is not None))
        self.reprint.setVisible(result.verdict in (RedeemVerdict.REDEEMED,
                                                   RedeemVerdict.ALREADY_REDEEMED))

    def _receipt_done(self, result: RedeemResult, printed: bool) -> None:
        """The receipt is out (or is not: the notice says why): the line no longer says "printing"."""
        if self.last is not result:  # the next customer's scan is up: leave it alone
            return
        text = self.tr("Winner {winner} · code {code} · receipt printed") if printed else \
            self.tr("Winner {winner} · code {code} · receipt not printed: see the notice")
        self.detail.setText(text.format(winner=result.winner or "—", code=result.typed_code))

    def headline(self, r: RedeemResult) -> str:
        return {
            RedeemVerdict.REDEEMED: self.tr("✔ Redeemed: hand over {product}"),
            RedeemVerdict.ALREADY_REDEEMED: self.tr("✖ Already redeemed"),
            RedeemVerdict.EXPIRED: self.tr("✖ Expired"),
            RedeemVerdict.WRONG_STORE: self.tr("✖ Not for this store"),
            RedeemVerdict.FORGED: self.tr("✖ Forged or altered: do not accept"),
            RedeemVerdict.REVOKED_KEY: self.tr("✖ Signed after its terminal was revoked: do not accept"),
            RedeemVerdict.DAMAGED: self.tr("✖ Not a voucher we can read: scan again or type the code"),
            RedeemVerdict.UNKNOWN_CODE: self.tr("✖ No voucher has this code"),
        }[r.verdict].format(product=r.product)

    def details(self, r: RedeemResult) -> str:
        when = r.redeemed_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.redeemed_at else ""
        if r.verdict is RedeemVerdict.REDEEMED:
            return self.tr("Winner {winner} · code {code} · receipt printing").format(
                winner=r.winner or "—", code=r.typed_code)
        if r.verdict is RedeemVerdict.ALREADY_REDEEMED:
            return self.tr("{product} was redeemed on {when} at {terminal} by {staff}").format(
                product=r.product, when=when, terminal=r.terminal, staff=r.staff)
        if r.verdict is RedeemVerdict.EXPIRED and r.expires_at:
            return self.tr("{product}: valid until {date}").format(
                product=r.product, date=r.expires_at.astimezone().strftime("%Y-%m-%d %H:%M"))
        return ""

    def reprint_receipt(self) -> None:
        if self.last is not None and self.last.voucher_id:
            print_redemption(self.ctx, self.last.voucher_id, self, reprint=True, busy=[self.reprint])
        self.scan.setFocus()
