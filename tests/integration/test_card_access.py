"""Full card numbers: only with the card-data permission, and every view (or refusal) is audited."""

import pytest
from sqlalchemy import select

from tests.support.db import load
from tests.support.documents import B200_ITEM, TEST_CARD, example
from xmart.models import AuditEntry, Payment
from xmart.models.db import UnitOfWork
from xmart.processes.card_access import CARD_DATA_PERMISSION, PermissionDenied, reveal_card_number


@pytest.fixture
def card_payment(engine):
    load(engine, B200_ITEM)
    load(engine, example())
    with UnitOfWork(engine) as uow:
        return uow.session.scalar(select(Payment.id).where(Payment.kind == "card"))


def _audit(engine):
    with UnitOfWork(engine) as uow:
        return [
            (a.user, a.action, a.entity_id, a.detail)
            for a in uow.session.scalars(select(AuditEntry).where(AuditEntry.action.like("card.%")))
        ]


def test_permitted_user_sees_the_number_and_the_view_is_audited(engine, card_payment):
    with UnitOfWork(engine) as uow:
        assert reveal_card_number(uow, card_payment, "manager", frozenset({CARD_DATA_PERMISSION})) == TEST_CARD
    assert _audit(engine) == [("manager", "card.reveal", str(card_payment), "card ending 1111")]
    assert all(TEST_CARD not in str(row) for row in _audit(engine))


def test_user_without_permission_is_refused_and_the_attempt_is_audited(engine, card_payment):
    with UnitOfWork(engine) as uow:
        with pytest.raises(PermissionDenied, match="stays masked"):
            reveal_card_number(uow, card_payment, "clerk", frozenset())
    assert _audit(engine) == [("clerk", "card.reveal.denied", str(card_payment), "")]
