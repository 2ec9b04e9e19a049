"""What the client asks of the Security module (DOMAIN.md section 9): who may do what now
(`current_access`) and the masked card payments a reveal button offers (`card_payments`)."""

from __future__ import annotations

import pytest

from tests.support.documents import TEST_CARD
from tests.support.security import add_user, sign_in
from tests.ui.conftest import small_document
from xmart.errors import SignInRequired
from xmart.models.db import UnitOfWork
from xmart.models.security import BUILTIN_ROLES, PERMISSIONS
from xmart.processes.importer import import_document
from xmart.processes.security.access import card_payments, current_access


@pytest.fixture
def loaded(engine):
    with UnitOfWork(engine) as uow:
        import_document(uow, small_document())
    return engine


def test_without_users_everything_is_allowed_and_nobody_signs_in(loaded):
    access = current_access(loaded)
    assert access.actor is None and not access.users_exist
    assert access.permissions == frozenset(PERMISSIONS) and access.may("users.admin")


def test_with_users_nobody_signed_in_may_do_nothing_and_a_clerk_only_the_clerks_part(loaded):
    clerk = add_user(loaded, "carl", "clerk")
    try:
        nobody = current_access(loaded)
        assert nobody.users_exist and nobody.permissions == frozenset() and not nobody.may("order.enter")
        sign_in(loaded, clerk)
        access = current_access(loaded)
        assert access.actor == clerk and access.permissions == frozenset(BUILTIN_ROLES["clerk"])
        assert not access.may("process.assign") and not access.may("card.reveal")
        with pytest.raises(ValueError):
            access.may("no.such.permission")
    finally:
        sign_in(loaded, None)


def test_card_payments_are_masked_and_need_a_sign_in_once_there_are_users(loaded):
    with UnitOfWork(loaded) as uow:
        rows = card_payments(uow, 1001)
        assert [(r.brand, r.masked, str(r.amount)) for r in rows] == [("VISA", "**** 1111", "50.00")]
        assert TEST_CARD not in repr(rows) and rows[0].label == "VISA **** 1111 50.00"
        assert card_payments(uow, 1002) == [] and card_payments(uow, 999) == []
    add_user(loaded, "carl", "clerk")
    with UnitOfWork(loaded) as uow, pytest.raises(SignInRequired):
        card_payments(uow, 1001)
