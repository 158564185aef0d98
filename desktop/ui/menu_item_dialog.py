"""Add or edit one menu item: names (zh, en), category, price, cost, barcode, SKU, on sale.

The dialog saves through run_op and stays open when the save is refused, with the reason under
the form (a taken barcode, a price that is not an amount), so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.catalogue import MAX_CATEGORY, MAX_CODE, MAX_NAME, ItemValues
from desktop.core.errors import UserError
from desktop.core.money import format_fen, parse_fen
from desktop.services.catalogue import ItemRow
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.i18n import error_text
from desktop.ui.messages import set_status
from desktop.ui.operations import run_op
from desktop.ui.theme import set_role


class MenuItemDialog(QDialog):
    def __init__(self, ctx: UiContext, categories: list[str], item: ItemRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.saved: ItemRow | None = None
        self.setObjectName("menu_item_dialog")
        self.setWindowTitle(self.tr("Edit menu item") if item else self.tr("New menu item"))
        self.name = QLineEdit(self, objectName="item_name", maxLength=MAX_NAME)
        self.name_en = QLineEdit(self, objectName="item_name_en", maxLength=MAX_NAME)
        self.category = QComboBox(self, objectName="item_category", editable=True)
        self.category.addItems([c for c in categories if c])
        line = self.category.lineEdit()
        if line is not None:
            line.setMaxLength(MAX_CATEGORY)
        self.price = QLineEdit(self, objectName="item_price", placeholderText="18.00")
        self.cost = QLineEdit(self, objectName="item_cost", placeholderText="0.00")
        self.barcode = QLineEdit(self, objectName="item_barcode", maxLength=MAX_CODE)
        self.sku = QLineEdit(self, objectName="item_sku", maxLength=MAX_CODE)
        self.enabled = QCheckBox(self.tr("On sale"), self, objectName="item_enabled", checked=True)
        self.message = QLabel(self, objectName="message", wordWrap=True)
        set_role(self.message, "message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name (Chinese)"), self.name)
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Price (yuan)"), self.price)
        form.addRow(self.tr("Cost (yuan)"), self.cost)
        form.addRow(self.tr("Barcode"), self.barcode)
        form.addRow(self.tr("SKU"), self.sku)
        form.addRow(self.enabled)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if item is not None:
            self._fill(item)
        else:
            self.category.setCurrentText("")

    def _fill(self, item: ItemRow) -> None:
        self.name.setText(item.name)
        self.name_en.setText(item.name_en)
        self.category.setCurrentText(item.category)
        self.price.setText(format_fen(item.price_fen, symbol=False).replace(",", ""))
        self.cost.setText(format_fen(item.cost_fen, symbol=False).replace(",", ""))
        self.barcode.setText(item.barcode or "")
        self.sku.setText(item.sku or "")
        self.enabled.setChecked(item.active)

    def values(self) -> ItemValues:
        """What is typed; raises a UserError for an amount that is not one."""
        cost = self.cost.text().strip()
        return ItemValues(
            name=self.name.text(), name_en=self.name_en.text(), category=self.category.currentText(),
            barcode=self.barcode.text(), sku=self.sku.text(), price_fen=parse_fen(self.price.text()),
            cost_fen=parse_fen(cost) if cost else 0, active=self.enabled.isChecked(),
        )

    def save(self) -> None:
        try:
            values = self.values()
        except UserError as exc:
            set_status(self.message, error_text(exc), ok=False)
            return
        catalogue, actor, item = self.ctx.services.catalogue, self.ctx.actor, self.item

        def work() -> ItemRow:
            if item is None:
                return catalogue.add(actor, values)
            return catalogue.edit(actor, item.id, values)

        def done(saved: ItemRow) -> None:
            self.saved = saved
            self.accept()

        run_op(self.ctx, work, {Change.MENU}, done, lambda text, _exc: set_status(self.message, text, ok=False),
               busy=[self.buttons], doing="saving a menu item")
