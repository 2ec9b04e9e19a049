"""Card reveal in the client (DOMAIN.md sections 3 and 9, issue 13 item 6).

On a corporate sale order with card payments (its document view and the Order Manager's Payment
tab), users holding `card.reveal` get a "Show Card Number" button. It asks the signed-in user's
password again (a database without users has none), reads the number through the card-keys service
(which checks the permission and writes the audit entry), shows it for REVEAL_SECONDS and masks
it again. The number is shown in a label that cannot be selected, has no context menu and is
never put on the clipboard; it is masked at once when the client locks or the user changes, and a
prompt of the reveal still open (which payment, the password) is cancelled on lock, so no window of
the reveal sits over the lock screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from xmart.errors import XmartError
from xmart.processes.security.access import CardPaymentRow, card_payments
from xmart.processes.security.card_keys import reveal
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.dialogs.password_dialog import PasswordDialog
from xmart.ui.errors import show_error

REVEAL_SECONDS = 30
"""How long a revealed card number stays on screen before it is masked again (tests shorten it)."""

PERMISSION = "card.reveal"


def grouped(number: str) -> str:
    """`4111 1111 1111 1111`: the digits in groups of four, for reading aloud."""
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


class CardRevealBox(QWidget):
    """The Show Card Number button and the line that shows the number for a while (never copyable)."""

    def __init__(self, ctx: AppContext, cso_number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cardRevealBox")
        self.ctx = ctx
        self.cso_number = cso_number
        self.payments: list[CardPaymentRow] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton("Show Card &Number…", self)
        self.button.setObjectName("revealButton")
        self.button.setAutoDefault(False)
        self.button.setToolTip(
            f"Show the full card number for {REVEAL_SECONDS} seconds after your password (the view is audited)"
        )
        self.number_label = QLabel(self)
        self.number_label.setObjectName("revealedNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.number_label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        layout.addWidget(self.button)
        layout.addWidget(self.number_label, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide_number)
        self.button.clicked.connect(lambda _checked=False: self.reveal())
        ctx.session.changed.connect(self.refresh)
        ctx.session.locked.connect(self.on_lock)
        self.refresh()

    @property
    def revealed(self) -> bool:
        """True while a full number is on screen."""
        return self.timer.isActive()

    def refresh(self) -> None:
        """Read the order's card payments again; shown only to holders of card.reveal, masked."""
        self.hide_number()
        allowed = self.ctx.session.may(PERMISSION)
        self.payments = []
        if allowed:
            with UnitOfWork(self.ctx.engine) as uow:
                self.payments = card_payments(uow, self.cso_number)
        self.setVisible(allowed and bool(self.payments))

    def on_lock(self) -> None:
        """The client locks: mask the number and cancel an open prompt of the reveal."""
        self.hide_number()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    def hide_number(self) -> None:
        """Hide the number now."""
        self.timer.stop()
        self.number_label.clear()

    def _choose(self) -> CardPaymentRow | None:
        if len(self.payments) == 1:
            return self.payments[0]
        labels = [p.label for p in self.payments]
        label, ok = QInputDialog.getItem(self, "Show Card Number", "&Card payment:", labels, 0, False)
        return self.payments[labels.index(label)] if ok and label in labels else None

    def reveal(self) -> str | None:
        """Ask which payment and the password, then show the number for REVEAL_SECONDS; returns the
        payment shown (its masked label), or None when cancelled or refused (the reason is shown)."""
        self.hide_number()
        payment = self._choose() if self.payments else None
        if payment is None:
            return None
        actor = self.ctx.session.actor
        password: str | None = None
        if actor is not None:  # without users there is no password to ask (the database is unprotected)
            password = PasswordDialog.ask(
                self,
                "Show Card Number",
                f"Card {payment.label}. Type the password of <b>{actor.name}</b> to see the full number for "
                f"{REVEAL_SECONDS} seconds. The view is recorded in the audit log.",
                ok_text="&Show",
            )
            if password is None:
                return None
        try:
            with UnitOfWork(self.ctx.engine) as uow:
                number = reveal(uow, payment.id, password)
        except XmartError as exc:
            show_error(self, exc)
            return None
        self.number_label.setText(f"{payment.brand} <b>{grouped(number)}</b> (masked again in {REVEAL_SECONDS} s)")
        self.timer.start(REVEAL_SECONDS * 1000)
        return payment.label
