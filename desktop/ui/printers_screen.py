"""Printers (manager): add, edit and remove printers, print a test page, and choose which
printer prints each kind of document. The print queue has its own screen.

Every write (save, remove, a route chosen, a test page queued) runs through `run_op`: its
buttons or box disabled meanwhile, the change announced once, the outcome on the main thread.
The test page then prints in the background."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.kinds import DOCUMENT_KINDS
from desktop.documents.layouts import paper_for
from desktop.services.print_queue import PrintJobInfo
from desktop.services.printers import PrinterSettings
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import attempt, set_status, status_shower
from desktop.ui.models.printer_model import PRINTER_ID_ROLE, PrinterModel
from desktop.ui.operations import run_op
from desktop.ui.print_actions import dispatcher, kind_name, preview_document
from desktop.ui.printer_form import PrinterForm
from desktop.ui.screen import ScreenBase
from desktop.ui.theme import set_role
from desktop.ui.widgets import named


class PrintersScreen(ScreenBase):
    shows = frozenset({Change.PRINTERS})
    message: QLabel  # always there (ScreenBase allows none)
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("printers")
        self.model = PrinterModel()
        self.table = named(QTableView(self), "printer_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()  # each column as wide as what it shows; "Where" takes the rest
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PrinterModel.WHERE, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long folder keeps its end
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.form = PrinterForm(self)
        self.new_button = named(QPushButton(self.tr("New printer"), self), "new_printer")
        self.save_button = named(QPushButton(self.tr("Save printer"), self), "save_printer")
        self.remove_button = named(QPushButton(self.tr("Remove printer"), self), "remove_printer")
        self.test_button = named(QPushButton(self.tr("Print test page"), self), "print_test_page")
        set_role(self.test_button, "primary", "blue")
        self.preview_button = named(QPushButton(self.tr("Preview test page"), self), "preview_test_page")
        self.message = named(QLabel(self, wordWrap=True), "message")
        self.route_boxes: dict[str, QComboBox] = {}
        self.tabs = named(QTabWidget(self), "printer_tabs")
        self.tabs.addTab(self._printers_tab(), self.tr("Printers"))
        self.tabs.addTab(self._routes_tab(), self.tr("Which printer prints what"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self._connect()
        self.refresh()

    def _printers_tab(self) -> QWidget:
        tab = QWidget(self)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.remove_button, self.preview_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        return tab

    def _routes_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        form.addRow(QLabel(self.tr("Each kind of document prints on the printer chosen here."), tab))
        for kind in DOCUMENT_KINDS:
            box = named(QComboBox(tab), f"route_{kind}")
            box.activated.connect(lambda _index, kind=kind: self._route_chosen(kind))
            self.route_boxes[kind] = box
            form.addRow(kind_name(kind), box)
        return tab

    def _connect(self) -> None:
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.test_button.clicked.connect(self.print_test_page)
        self.preview_button.clicked.connect(self.preview_test_page)

    def refresh(self, select_id: int = 0) -> None:
        printers = self.ctx.services.printers.list_printers()
        self.model.set_rows(printers)
        self._refresh_routes(printers)
        for row, printer in enumerate(printers):
            if printer.id == select_id:
                self.table.selectRow(row)

    def _refresh_routes(self, printers: list[PrinterSettings]) -> None:
        routes = self.ctx.services.printers.routes()
        for kind, box in self.route_boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("— not printed —"), 0)
            for printer in printers:
                box.addItem(printer.name, printer.id)
            box.setCurrentIndex(max(box.findData(routes.get(kind, 0)), 0))
            box.blockSignals(False)

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.form.load(self.ctx.services.printers.get(int(rows[0].data(PRINTER_ID_ROLE))))

    def _new(self) -> None:
        self.table.clearSelection()
        self.form.clear()
        self.form.name.setFocus()

    def save(self) -> None:
        settings = attempt(self.form.settings, status_shower(self.message), "reading the printer form")
        if settings is None:
            return
        actor = self.ctx.actor
        run_op(self.ctx, lambda: self.ctx.services.printers.save(actor, settings),
               lambda printer_id: self._saved(printer_id, settings.name.strip()), self._failed_write,
               busy=[self.save_button, self.remove_button], doing="saving a printer")

    def _saved(self, printer_id: int, name: str) -> None:
        self.refresh(select_id=printer_id)
        self.form.printer_id = printer_id
        set_status(self.message, self.tr("Saved printer {name}").format(name=name), ok=True)

    def _failed_write(self, text: str, _exc: BaseException) -> None:
        set_status(self.message, text, ok=False)

    def remove(self) -> None:
        printer_id = self.form.printer_id
        if not printer_id:
            set_status(self.message, self.tr("Select a printer first"), ok=False)
            return
        actor = self.ctx.actor
        run_op(self.ctx, lambda: self.ctx.services.printers.remove(actor, printer_id),
               lambda _r: self._removed(), self._failed_write,
               busy=[self.save_button, self.remove_button], doing="removing a printer")

    def _removed(self) -> None:
        self.form.clear()
        self.refresh()
        set_status(self.message, self.tr("Printer removed"), ok=True)

    def _route_chosen(self, kind: str) -> None:
        box = self.route_boxes[kind]
        printer_id, printer_name = int(box.currentData()) or None, box.currentText()
        printers, actor = self.ctx.services.printers, self.ctx.actor
        run_op(self.ctx, lambda: printers.set_route(actor, kind, printer_id),
               lambda _r: self._route_set(kind, printer_name), self._route_refused,
               busy=[box], doing=f"choosing the printer for {kind}")

    def _route_set(self, kind: str, printer_name: str) -> None:
        set_status(self.message, self.tr("{kind} now prints on {printer}").format(
            kind=kind_name(kind), printer=printer_name), ok=True)

    def _route_refused(self, text: str, _exc: BaseException) -> None:
        set_status(self.message, text, ok=False)
        self.refresh()  # the box shows the route still in force

    def _saved_printer(self) -> PrinterSettings | None:
        if not self.form.printer_id:
            set_status(self.message, self.tr("Save the printer first"), ok=False)
            return None
        return self.ctx.services.printers.get(self.form.printer_id)

    def print_test_page(self) -> None:
        """Queue a test page for this printer and print it in the background."""
        printer = self._saved_printer()
        if printer is None:
            return
        jobs, actor = self.ctx.services.print_jobs, self.ctx.actor
        run_op(self.ctx, lambda: jobs.print_test_page(actor, printer.id),
               lambda job_id: self._print_test_job(job_id, printer.name), self._failed_write,
               busy=[self.test_button], doing="queueing a test page")

    def _print_test_job(self, job_id: int, name: str) -> None:
        self.test_button.setEnabled(False)  # until the page is out (or refused)
        set_status(self.message, self.tr("Printing the test page on {name}…").format(name=name), ok=True)
        run_op(self.ctx, lambda: dispatcher(self.ctx).dispatch(job_id), self._test_printed, self._test_failed,
               doing=f"printing the test page, job {job_id}")

    def _test_printed(self, job: PrintJobInfo) -> None:
        self.test_button.setEnabled(True)
        set_status(self.message, self.tr("Test page printed on {name}").format(name=job.printer_name), ok=True)

    def _test_failed(self, text: str, _error: BaseException) -> None:
        self.test_button.setEnabled(True)
        set_status(self.message, text, ok=False)

    def preview_test_page(self) -> None:
        printer = self._saved_printer()
        if printer is None:
            return
        _, document = self.ctx.services.print_jobs.test_page(printer.id)
        preview_document(document, paper_for(printer.paper_mm), self)
