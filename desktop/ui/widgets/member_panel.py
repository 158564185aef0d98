"""The order screen's member panel: who the member is (name, masked phone), their coins, how
many this bill allows, and "apply max coins". The member is found by a scanned member code or
coin authorization (the order screen's scan field) or a typed phone (here)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop.core.money import format_fen
from desktop.services.checkout_order import CounterMember
from desktop.ui import keys
from desktop.ui.theme import set_role, set_tone


class MemberPanel(QWidget):
    phone_entered = Signal(str)
    apply_max = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_panel")
        self.phone = QLineEdit(self, objectName="member_phone", maxLength=20)
        self.phone.setPlaceholderText(self.tr("Member's phone"))
        self.phone.returnPressed.connect(self._phone)
        self.find_button = QPushButton(self.tr("Find"), self, objectName="member_find")
        self.find_button.clicked.connect(self._phone)
        self.who = QLabel(self.tr("No member: scan their member code"), self, objectName="member_who", wordWrap=True)
        set_role(self.who, "headline")
        self.coins = QLabel("", self, objectName="member_coins", wordWrap=True)
        self.apply = keys.bind(QPushButton(self.tr("Apply max coins"), self, objectName="apply_coins"),
                               keys.APPLY_COINS)
        set_role(self.apply, "action")
        self.apply.clicked.connect(lambda: self.apply_max.emit())
        self.remove = QPushButton(self.tr("No member"), self, objectName="member_clear")
        self.remove.clicked.connect(lambda: self.cleared.emit())
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.phone, 0, 0)
        grid.addWidget(self.find_button, 0, 1)
        grid.addWidget(self.who, 1, 0, 1, 2)
        grid.addWidget(self.coins, 2, 0, 1, 2)
        grid.addWidget(self.apply, 3, 0)
        grid.addWidget(self.remove, 3, 1)
        self.show_member(None, 0, 0, 0)

    def _phone(self) -> None:
        text = self.phone.text().strip()
        if text:
            self.phone_entered.emit(text)

    def show_member(self, member: CounterMember | None, allowed: int, applied: int, coin_fen: int,
                    *, offline: bool = False) -> None:
        self.remove.setEnabled(member is not None)
        if member is None:
            self.who.setText(self.tr("No member: scan their member code"))
            set_tone(self.who, "muted")
            self.coins.setText("")
            self.apply.setEnabled(False)
            return
        self.phone.clear()
        self.who.setText(member.label)
        set_tone(self.who, "info")
        if member.token_text:
            source = self.tr("authorization of {n} coins").format(n=member.available)
        elif member.consent_id:
            source = self.tr("balance {n} coins").format(n=member.available)
        elif offline:
            source = self.tr("offline: coins only with their coin authorization QR")
        else:
            source = self.tr("coins: scan their member code or coin authorization")
        lines = [source]
        if member.may_pay_coins:
            lines.append(self.tr("this bill allows {n} coins").format(n=allowed))
        if applied:
            lines.append(self.tr("applied {n} coins (−{fen})").format(n=applied, fen=format_fen(coin_fen)))
        self.coins.setText(" · ".join(lines))
        self.apply.setEnabled(member.may_pay_coins and allowed > 0 and applied != allowed)
