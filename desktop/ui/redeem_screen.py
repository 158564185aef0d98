"""Redeem a winner's voucher: scan it (or type its fallback code) and read the verdict.

The scan field keeps the focus and takes keyboard-wedge scanner input: Enter or Tab submits,
the input method is off (a Chinese IME would swallow the scanner's keystrokes), prefixes and
suffixes the scanner adds are stripped by the service. The verdict is large and coloured.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.redemption import RedeemResult, RedeemVerdict
from desktop.ui.context import UiContext
from desktop.ui.group_printing import print_redemption
from desktop.ui.messages import describe
from desktop.ui.widgets.scan_field import ScanField

GREEN, AMBER, RED = "#1b5e20", "#e65100", "#b00020"
_VERDICT_COLOURS = {
    RedeemVerdict.REDEEMED: GREEN,
    RedeemVerdict.ALREADY_REDEEMED: AMBER,
    RedeemVerdict.EXPIRED: AMBER,
}


class RedeemScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redeem")
        self.ctx = ctx
        self.last: RedeemResult | None = None
        self.scan = ScanField(self)
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(self.tr("Scan the voucher QR or type its code"))
        self.scan.setStyleSheet("font-size: 18pt; padding: 6px;")
        self.scan.submitted.connect(self.redeem)
        self.verdict = QLabel(self, objectName="verdict", alignment=Qt.AlignmentFlag.AlignCenter,
                              wordWrap=True)
        self.detail = QLabel(self, objectName="detail", alignment=Qt.AlignmentFlag.AlignCenter,
                             wordWrap=True)
        self.detail.setStyleSheet("font-size: 16pt;")
        self.reprint = QPushButton(self.tr("Reprint receipt"), self, objectName="reprint")
        self.reprint.setStyleSheet("font-size: 14pt; padding: 8px 16px;")
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

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        QTimer.singleShot(0, self.scan.setFocus)

    def focusInEvent(self, event: object) -> None:  # noqa: N802
        self.scan.setFocus()

    def refresh(self) -> None:
        self.scan.setFocus()

    def _show_waiting(self) -> None:
        self._set_verdict(self.tr("Ready: scan a voucher"), "#455a64", "")

    def _set_verdict(self, headline: str, colour: str, detail: str) -> None:
        self.verdict.setText(headline)
        self.verdict.setStyleSheet(f"font-size: 34pt; font-weight: bold; color: {colour};")
        self.detail.setText(detail)

    def redeem(self, text: str) -> None:
        # Never leave the last voucher's green verdict up while a new scan is judged.
        self.last = None
        self.reprint.setVisible(False)
        try:
            result = self.ctx.services.redemption.redeem(self.ctx.actor, text)
        except Exception as exc:  # describe() logs anything that is not a UserError as a bug
            self._set_verdict(describe(exc), RED, "")
            return
        finally:
            self.scan.setFocus()
        self.last = result
        self._set_verdict(self.headline(result), _VERDICT_COLOURS.get(result.verdict, RED),
                          self.details(result))
        self.reprint.setVisible(result.verdict in (RedeemVerdict.REDEEMED,
                                                   RedeemVerdict.ALREADY_REDEEMED))

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
            return self.tr("Winner {winner} · code {code}").format(winner=r.winner or "—", code=r.typed_code)
        if r.verdict is RedeemVerdict.ALREADY_REDEEMED:
            return self.tr("{product} was redeemed on {when} at {terminal} by {staff}").format(
                product=r.product, when=when, terminal=r.terminal, staff=r.staff)
        if r.verdict is RedeemVerdict.EXPIRED and r.expires_at:
            return self.tr("{product}: valid until {date}").format(
                product=r.product, date=r.expires_at.astimezone().strftime("%Y-%m-%d %H:%M"))
        return ""

    def prepare_screenshot(self) -> None:
        """Demo screenshots: a second group of the demo deal, filled, drawn, its voucher redeemed."""
        services, actor = self.ctx.services, self.ctx.actor
        deal = next((d for d in services.deals.list_deals() if d.launched), None)
        if deal is None:
            return
        phones = [f"1370000{n:04d}" for n in range(deal.terms.group_size)]
        group_id = services.groups.open_group(actor, deal.id, phones[0], "cash")
        for phone in phones[1:]:
            services.groups.enrol(actor, group_id, phone, "card")
        voucher = services.draws.draw_and_settle(actor, group_id).vouchers[0]
        self.redeem(voucher.qr_text)

    def reprint_receipt(self) -> None:
        if self.last is not None and self.last.voucher_id:
            print_redemption(self.ctx, self.last.voucher_id, self,
                             reprint=self.last.verdict is RedeemVerdict.ALREADY_REDEEMED)
        self.scan.setFocus()
