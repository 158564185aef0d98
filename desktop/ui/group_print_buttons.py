"""The group screen's printing buttons: invite, vouchers + draw slip, refund/consolation
slips (F4), the deposit slip at enrolment and its reprint (F12). Each queues through
desktop.ui.group_printing (off the UI thread); a second press within PRINT_GUARD_MS of the
first is the same press (a double click prints one original)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QTableView, QWidget

from desktop.services.group_views import GroupView
from desktop.ui.context import UiContext
from desktop.ui.group_printing import (
    print_deposit_slip,
    print_invite,
    print_refund_slips,
    print_results,
    refund_slips_printed,
    results_printed,
)
from desktop.ui.models.deal_tables import EntriesModel

PRINT_GUARD_MS = 1500  # a second click this soon after "print" is the same click (a double click)


class GroupPrinting(QWidget):
    """Mixed into GroupScreen, which builds the widgets named here."""

    ctx: UiContext
    view: GroupView | None
    table: QTableView
    model: EntriesModel
    invite_button: QPushButton
    results_button: QPushButton
    slips_button: QPushButton
    deposit_button: QPushButton
    _printing: bool
    _printing_slips: bool
    _last_entry: str | None

    def _enable(self, view: GroupView | None) -> None:
        raise NotImplementedError

    def _render(self, view: GroupView) -> None:
        raise NotImplementedError

    def print_invite(self) -> None:
        if self.view is not None:
            print_invite(self.ctx, self.view.id, self, busy=[self.invite_button])

    def _print_deposit_slip(self, entry_id: str) -> None:
        """Every person enrolled here gets a slip with their entry id, as the till prints a receipt."""
        self._last_entry = entry_id
        self.deposit_button.setEnabled(True)
        print_deposit_slip(self.ctx, entry_id, self)

    def _deposit_entry(self) -> str | None:
        """The entry whose deposit slip reprints: the selected row, else the last one enrolled here."""
        if self.view is None:
            return None
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows and 0 <= rows[0].row() < len(self.model.rows):
            return self.model.rows[rows[0].row()].id
        return self._last_entry if self._last_entry and self.view.entry(self._last_entry) else None

    def reprint_deposit_slip(self) -> None:
        entry_id = self._deposit_entry()
        if entry_id is not None:
            print_deposit_slip(self.ctx, entry_id, self, reprint=True, busy=[self.deposit_button])

    def print_refund_slips(self) -> None:
        """One slip per loser (per person of a cancelled group) saying what to hand back; the
        first time originals, after that copies marked 重印/COPY; a double press prints once."""
        view = self.view
        if view is None or self._printing_slips or not self.slips_button.isEnabled():
            return
        self._printing_slips = True
        again = refund_slips_printed(self.ctx, view.id)
        print_refund_slips(self.ctx, view.id, self, reprint=again, busy=[self.slips_button],
                           done=lambda _ids: self._slips_queued())
        self.slips_button.setEnabled(False)

    def _slips_queued(self) -> None:
        if self.view is not None:
            self._enable(self.view)  # the button now says “Reprint … (COPY)”, still off for a moment
        self.slips_button.setEnabled(False)
        QTimer.singleShot(PRINT_GUARD_MS, self, self._slips_guard_over)

    def _slips_guard_over(self) -> None:
        self._printing_slips = False
        if self.view is not None:
            self._enable(self.view)

    def print_results(self) -> None:
        """Vouchers and draw slip; the first time originals, after that copies marked 重印/COPY.
        A double click prints once: the button stays off for a moment after a click."""
        if self.view is None or self._printing:
            return
        self._printing = True
        self.results_button.setEnabled(False)
        again = results_printed(self.ctx, self.view.id)
        print_results(self.ctx, self.view.id, self, reprint=again, done=lambda _ids: self._results_queued())
        QTimer.singleShot(PRINT_GUARD_MS, self, self._print_guard_over)

    def _results_queued(self) -> None:
        if self.view is not None:
            self._render(self.view)  # the button now offers a copy

    def _print_guard_over(self) -> None:
        self._printing = False
        if self.view is not None:
            self._enable(self.view)
