"""The deal editor (manager): the terms of a lottery group deal with a live economics preview.

The preview recomputes on every keystroke from desktop.core.deals.economics; a problem with
the numbers shows in red in place of the preview, and Save stays harmless (the service
validates again and writes nothing on bad input).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.deals import DealTerms, Economics, LeaderRule, economics
from desktop.core.money import format_fen, parse_fen
from desktop.services.deals import DealInfo, MenuChoice
from desktop.ui.i18n import current_language
from desktop.ui.messages import attempt
from desktop.ui.theme import ERROR, OK, set_role, set_tone
from desktop.ui.widgets import named

MONEY_FIELDS = ("market_value", "cost", "price", "leader_reward", "consolation_cash",
                "formation_reward", "budget")


class DealEditor(QWidget):
    """Emits `changed` whenever the terms change; `terms()` raises UserError on bad input."""

    changed = Signal()

    def __init__(self, menu: list[MenuChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deal_editor")
        self.menu = menu
        self.product = named(QComboBox(self, editable=True), "product")
        self.product.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.product.setMinimumContentsLength(10)
        self.product.addItem("")
        for item in menu:
            self.product.addItem(item.name, item.id)
        self.product.currentIndexChanged.connect(self._menu_chosen)
        self.money = {name: named(QLineEdit(self), name) for name in MONEY_FIELDS}
        self.group_size = self._spin("group_size", 2, 1000, 5)
        self.winners = self._spin("winners", 1, 999, 1)
        self.coins = self._spin("consolation_coins", 0, 1_000_000, 0)
        self.fill_hours = self._spin("fill_hours", 1, 720, 24)
        self.max_open = self._spin("max_open_groups", 1, 100, 1)
        self.per_member = self._spin("per_member_limit", 1, 100, 1)
        self.redeem_days = self._spin("redemption_days", 1, 3650, 30)
        self.leader_rule = named(QComboBox(self), "leader_rule")
        self.leader_rule.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.leader_rule.setMinimumContentsLength(10)
        self.leader_rule.addItem(self.tr("Leader is drawn like anyone"), LeaderRule.DRAWN.value)
        self.leader_rule.addItem(self.tr("Leader excluded, gets a leader reward"),
                                 LeaderRule.EXCLUDED.value)
        self.contact = named(QLineEdit(self), "contact")
        self.place = named(QLineEdit(self), "place")
        self.preview = named(QLabel(self, wordWrap=True), "preview")
        self.preview.setMinimumWidth(230)  # "Money in   CNY 490.00" on one line
        set_role(self.preview, "message")
        for widget in (*self.money.values(), self.contact, self.place):
            widget.textChanged.connect(self._update)
        self.product.editTextChanged.connect(self._update)
        self.leader_rule.currentIndexChanged.connect(self._update)
        self._layout()
        self._update()

    def _spin(self, name: str, low: int, high: int, value: int) -> QSpinBox:
        spin = named(QSpinBox(self, minimum=low, maximum=high, value=value), name)
        spin.valueChanged.connect(self._update)
        return spin

    def _layout(self) -> None:
        # The fields whose text is long (a product's name, the leader rule, the place) take the
        # whole width; the numbers sit in two columns beside the live figures: at 1024×768
        # nothing is elided, in either language.
        wide = [(self.tr("Product"), self.product), (self.tr("Leader rule"), self.leader_rule),
                (self.tr("Redemption place"), self.place), (self.tr("Organiser's contact"), self.contact)]
        rows = [
            (self.tr("Market value"), self.money["market_value"]),
            (self.tr("Cost per product"), self.money["cost"]), (self.tr("Group price"), self.money["price"]),
            (self.tr("People per group (N)"), self.group_size), (self.tr("Winners (K)"), self.winners),
            (self.tr("Leader reward"), self.money["leader_reward"]),
            (self.tr("Consolation cash per loser"), self.money["consolation_cash"]),
            (self.tr("Consolation coins per loser"), self.coins),
            (self.tr("Formation reward per joiner"), self.money["formation_reward"]),
            (self.tr("Promotion budget per group"), self.money["budget"]),
            (self.tr("Hours to fill a group"), self.fill_hours),
            (self.tr("Groups open at once"), self.max_open), (self.tr("Seats per member"), self.per_member),
            (self.tr("Voucher valid (days)"), self.redeem_days),
        ]
        top = _form()
        for label, widget in wide:
            top.addRow(label, widget)
        forms = (_form(), _form())
        half = (len(rows) + 1) // 2
        for n, (label, widget) in enumerate(rows):
            forms[n >= half].addRow(label, widget)
        columns = QHBoxLayout()
        columns.addLayout(forms[0], 1)
        columns.addLayout(forms[1], 1)
        fields = QVBoxLayout()
        fields.addLayout(top)
        fields.addLayout(columns)
        box = QGroupBox(self.tr("Per group"), self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.preview)
        box_layout.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(fields, 6)
        layout.addWidget(box, 2)

    # --- reading and writing the fields ---------------------------------------------------------

    def _menu_chosen(self, index: int) -> None:
        item_id = self.product.itemData(index)
        chosen = next((m for m in self.menu if m.id == item_id), None)
        if chosen is not None:
            self.money["market_value"].setText(_yuan(chosen.price_fen))
            self.money["price"].setText(_yuan(chosen.price_fen))
            self.money["cost"].setText(_yuan(chosen.cost_fen))

    def menu_item_id(self) -> int | None:
        data = self.product.currentData()
        matches = self.product.currentText() == self.product.itemText(self.product.currentIndex())
        return int(data) if data is not None and matches else None

    def terms(self) -> DealTerms:
        fen = {name: parse_fen(edit.text() or "0") for name, edit in self.money.items()}
        return DealTerms(
            product_name=self.product.currentText().strip(), market_value_fen=fen["market_value"],
            cost_fen=fen["cost"], group_price_fen=fen["price"], group_size=self.group_size.value(),
            winners=self.winners.value(), leader_rule=LeaderRule(self.leader_rule.currentData()),
            leader_reward_fen=fen["leader_reward"], consolation_cash_fen=fen["consolation_cash"],
            consolation_coins=self.coins.value(), formation_reward_fen=fen["formation_reward"],
            promotion_budget_fen=fen["budget"], fill_window=timedelta(hours=self.fill_hours.value()),
            max_open_groups=self.max_open.value(), per_member_limit=self.per_member.value(),
            redemption_days=self.redeem_days.value(),
        )

    def load(self, deal: DealInfo) -> None:
        t = deal.terms
        self.product.setEditText(t.product_name)
        values = (t.market_value_fen, t.cost_fen, t.group_price_fen, t.leader_reward_fen,
                  t.consolation_cash_fen, t.formation_reward_fen, t.promotion_budget_fen)
        for name, value in zip(MONEY_FIELDS, values, strict=True):
            self.money[name].setText(_yuan(value))
        for spin, value in ((self.group_size, t.group_size), (self.winners, t.winners),
                            (self.coins, t.consolation_coins), (self.max_open, t.max_open_groups),
                            (self.fill_hours, max(1, int(t.fill_window.total_seconds()) // 3600)),
                            (self.per_member, t.per_member_limit), (self.redeem_days, t.redemption_days)):
            spin.setValue(value)
        self.leader_rule.setCurrentIndex(self.leader_rule.findData(t.leader_rule.value))
        self.contact.setText(deal.contact)
        self.place.setText(deal.redemption_place)

    # --- the live preview --------------------------------------------------------------------

    def _update(self) -> None:
        self.last_economics: Economics | None = None
        figures = attempt(lambda: economics(self.terms()), self._show_problem, "previewing a deal's figures")
        if figures is not None:
            self.last_economics = figures
            set_tone(self.preview, None)
            self.preview.setText(self._describe(figures))
        self.changed.emit()

    def _show_problem(self, text: str) -> None:
        set_tone(self.preview, "error")
        self.preview.setText(text)

    def _describe(self, e: Economics) -> str:
        lang = current_language()

        def money(fen: int) -> str:
            return format_fen(fen, lang)

        net_colour = OK if e.net_fen >= 0 else ERROR
        rows = [
            (self.tr("Money in"), money(e.money_in_fen)), (self.tr("Refunds"), money(e.refunds_fen)),
            (self.tr("Consolation paid"), money(e.consolation_cash_fen)),
            (self.tr("Consolation coins"), str(e.consolation_coins)),
            (self.tr("Product cost"), money(e.product_cost_fen)),
            (self.tr("Rewards"), money(e.leader_reward_fen + e.formation_reward_fen)),
            (self.tr("Promotion budget"), money(e.promotion_budget_fen)),
        ]
        lines = [f"<tr><td>{label}</td><td align='right'>{value}</td></tr>" for label, value in rows]
        keeps = self.tr("The store keeps (per group)")  # outside the f-strings: lupdate must see it
        keeps_each = self.tr("The store keeps per person")
        lines.append(f"<tr><td><b>{keeps}</b></td><td align='right' style='color:{net_colour}'>"
                     f"<b>{money(e.net_fen)}</b></td></tr>")
        lines.append(f"<tr><td>{keeps_each}</td>"
                     f"<td align='right'>{money(e.net_per_participant_fen)}</td></tr>")
        even = self.tr("Break-even: group price at least {price}").format(price=money(e.min_group_price_fen))
        return f"<table width='100%'>{''.join(lines)}</table><p>{even}</p>"


def _yuan(fen: int) -> str:
    return format_fen(fen, "en", symbol=False).replace(",", "")


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels above the field
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form
