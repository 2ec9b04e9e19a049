"""Card keys in the process layer (DOMAIN.md section 9, "Card keys"; issue 13 Done-when), SQLite and PostgreSQL.

Reveal needs `card.reveal` and the user's password; a ciphertext copied to another payment, a grant
copied to another user or an altered public key is refused; rotate keeps every card readable;
migrate re-encrypts the cards of the older workstation key it finds, and only those.
"""

from __future__ import annotations

import keyring
import pytest
from sqlalchemy import func, insert, select, update

from tests.support.cards import card_number, card_orders, card_payments, key_text, make_legacy, master_document
from tests.support.db import load, snapshot
from tests.support.security import without_audit
from tests.support.users import (
    PASSWORD,
    add_user,
    fast_password_hashing,  # noqa: F401 - a fixture
    reveal_card,
    signed_in,
    user_id,
)
from xmart.errors import NotFoundError, PermissionDenied, SignInRequired
from xmart.models import AuditEntry, CardKey, CardKeyGrant, Payment
from xmart.models.db import UnitOfWork
from xmart.processes import cards
from xmart.processes.security import card_keys
from xmart.processes.security.card_keys import CardKeyError

pytestmark = pytest.mark.usefixtures("fast_password_hashing")


def _numbers(engine, first: int, count: int) -> dict[int, str]:
    """Expected card numbers of the last `card_orders(first, count)`, by payment id (payments in CSO order)."""
    with UnitOfWork(engine) as uow:
        ids = list(uow.session.scalars(select(Payment.id).where(Payment.kind == "card").order_by(Payment.id)))
    return {pid: card_number(first + i) for i, pid in enumerate(ids[-count:])}


@pytest.fixture
def shop(engine):
    """Master data and an administrator (ada), a clerk (carl), a card-reveal clerk (rita); 3 card orders."""
    load(engine, master_document())
    people = {
        "ada": add_user(engine, "ada", "administrator"),
        "carl": add_user(engine, "carl", "clerk"),
        "rita": add_user(engine, "rita", "clerk", permissions=("card.reveal",)),
        "mona": add_user(engine, "mona", "manager"),
    }
    with signed_in(engine, people["mona"]):
        load(engine, card_orders(1001, 3))
    return people


def _audit(engine, action_like: str = "%"):
    with UnitOfWork(engine) as uow:
        return [
            (a.user, a.action, a.entity_id, a.detail)
            for a in uow.session.scalars(
                select(AuditEntry).where(AuditEntry.action.like(action_like)).order_by(AuditEntry.id)
            )
        ]


def test_holders_read_every_card_with_their_password_and_each_reveal_is_audited(engine, shop):
    numbers = _numbers(engine, 1001, 3)
    for who in ("ada", "rita"):
        for pid, number in numbers.items():
            assert reveal_card(engine, pid, shop[who]) == number
    reveals = _audit(engine, "card.reveal%")
    assert len(reveals) == 6 and {r[1] for r in reveals} == {"card.reveal"}
    pid = next(iter(numbers))
    assert reveals[0] == ("ada", "card.reveal", str(pid), f"card ending {numbers[pid][-4:]}")
    assert not any(number in str(_audit(engine)) for number in numbers.values())


def test_a_clerk_is_refused_audited_and_nothing_else_is_written(engine, shop):
    pid = next(iter(_numbers(engine, 1001, 3)))
    before = len(_audit(engine))
    with pytest.raises(PermissionDenied, match="see full card numbers"):
        reveal_card(engine, pid, shop["carl"])
    assert _audit(engine)[before:] == [("carl", "denied", "card.reveal", _audit(engine)[-1][3])]


def test_a_wrong_password_reveals_nothing_and_is_audited(engine, shop):
    pid = next(iter(_numbers(engine, 1001, 3)))
    with pytest.raises(SignInRequired, match="password is not right"):
        reveal_card(engine, pid, shop["rita"], password="not the password")
    assert _audit(engine, "card.reveal%")[-1][:3] == ("rita", "card.reveal.refused", str(pid))


def test_nobody_signed_in_is_refused_once_the_database_has_users(engine, shop):
    pid = next(iter(_numbers(engine, 1001, 3)))
    with pytest.raises(SignInRequired):
        reveal_card(engine, pid, None)


def test_a_ciphertext_copied_to_another_payment_does_not_open(engine, shop):
    first, second, _ = _numbers(engine, 1001, 3)
    with UnitOfWork(engine) as uow:
        blob = uow.session.scalar(select(Payment.card_number_encrypted).where(Payment.id == first))
        uow.session.execute(update(Payment).where(Payment.id == second).values(card_number_encrypted=blob))
        uow.commit()
    with pytest.raises(CardKeyError, match="copied from another payment") as refused:
        reveal_card(engine, second, shop["ada"])
    assert card_number(1001) not in str(refused.value)
    assert _audit(engine, "card.reveal%")[-1][1] == "card.reveal.refused"
    assert reveal_card(engine, first, shop["ada"]) == card_number(1001)


def test_a_grant_copied_to_another_user_does_not_open(engine, shop):
    pid = next(iter(_numbers(engine, 1001, 3)))
    bob = add_user(engine, "bob", "clerk", permissions=("card.reveal",))  # after the key: no grant yet
    with pytest.raises(CardKeyError, match="has not been given the card-data key"):
        reveal_card(engine, pid, bob)
    with UnitOfWork(engine) as uow:
        grant = uow.session.scalar(select(CardKeyGrant).where(CardKeyGrant.user_id == user_id(engine, "ada")))
        uow.session.execute(
            insert(CardKeyGrant).values(
                card_key_id=grant.card_key_id, user_id=bob.user_id, wrapped_private_key=grant.wrapped_private_key
            )
        )
        uow.commit()
    with pytest.raises(CardKeyError, match="does not open"):
        reveal_card(engine, pid, bob)


def test_an_altered_public_key_is_refused_before_any_card_is_encrypted(engine, shop):
    with UnitOfWork(engine) as uow:
        uow.session.execute(update(CardKey).values(public_key=bytes(32)))
        uow.commit()
    before = snapshot(engine)
    with signed_in(engine, shop["mona"]), pytest.raises(CardKeyError, match="altered: no card was encrypted"):
        load(engine, card_orders(2001, 1))
    assert snapshot(engine) == before
    with UnitOfWork(engine, actor=shop["ada"]) as uow:
        assert "altered" in (card_keys.status(uow).problem or "")


def test_an_altered_grant_key_pair_is_refused_at_reveal(engine, shop):
    """A key whose public half and fingerprint were both replaced: the holders' copies do not match it."""
    pid = next(iter(_numbers(engine, 1001, 3)))
    from xmart.processes.security import crypto

    _, public = crypto.new_key_pair()
    with UnitOfWork(engine) as uow:
        uow.session.execute(update(CardKey).values(public_key=public, fingerprint=crypto.fingerprint(public)))
        uow.commit()
    with pytest.raises(CardKeyError, match="does not match"):
        reveal_card(engine, pid, shop["ada"])


def test_a_payment_that_is_not_a_card_is_named(engine, shop):
    with pytest.raises(NotFoundError, match="There is no payment 999999"):
        reveal_card(engine, 999999, shop["ada"])


def test_without_users_the_bootstrap_key_reads_and_the_first_key_is_made_once(engine):
    load(engine, master_document())
    load(engine, card_orders(1001, 2))
    load(engine, card_orders(1003, 2))
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CardKey)) == 1
        st = card_keys.status(uow)
    assert (st.cards, st.legacy_cards, st.bootstrap, st.holders, st.pending) == (4, 0, True, (), ())
    for i, pid in enumerate(sorted(card_payments(engine))):
        assert reveal_card(engine, pid, None, password="") == card_number(1001 + i)


def test_rotate_keeps_every_card_readable_retires_the_old_key_and_drops_its_grants(engine, shop):
    numbers = _numbers(engine, 1001, 3)
    with UnitOfWork(engine, actor=shop["ada"]) as uow:
        old = card_keys.status(uow).fingerprint
    with UnitOfWork(engine, actor=shop["ada"]) as uow:
        result = card_keys.rotate(uow, PASSWORD)
    assert (result.old_fingerprint, result.cards, result.holders) == (old, 3, 2)
    with UnitOfWork(engine) as uow:
        keys = uow.session.execute(select(CardKey.fingerprint, CardKey.retired_at).order_by(CardKey.id)).all()
        assert [k.fingerprint for k in keys] == [old, result.new_fingerprint] and keys[0].retired_at is not None
        assert set(uow.session.scalars(select(CardKeyGrant.card_key_id))) == {
            uow.session.scalar(select(CardKey.id).where(CardKey.fingerprint == result.new_fingerprint))
        }
    for pid, number in numbers.items():
        assert reveal_card(engine, pid, shop["rita"]) == number
    assert _audit(engine, "keys.%")[-1][:2] == ("ada", "keys.rotate")
    with UnitOfWork(engine, actor=shop["ada"]) as uow:
        st = card_keys.status(uow)
    assert (st.fingerprint, st.cards, st.retired_key_cards, st.holders) == (
        result.new_fingerprint,
        3,
        0,
        ("ada", "rita"),
    )


def test_rotate_gives_the_new_key_to_pending_holders(engine, shop):
    bob = add_user(engine, "bob", "clerk", permissions=("card.reveal",))
    with UnitOfWork(engine, actor=shop["ada"]) as uow:
        assert card_keys.status(uow).pending == ("bob",)
    with UnitOfWork(engine, actor=shop["ada"]) as uow:
        card_keys.rotate(uow, PASSWORD)
    pid = next(iter(_numbers(engine, 1001, 3)))
    assert reveal_card(engine, pid, bob) == card_number(1001)


@pytest.mark.parametrize("who", ["rita", "mona", "carl"])
def test_rotate_needs_both_card_reveal_and_users_admin(engine, shop, who):
    before = snapshot(engine)
    with UnitOfWork(engine, actor=shop[who]) as uow, pytest.raises(PermissionDenied):
        card_keys.rotate(uow, PASSWORD)
    after = snapshot(engine)
    assert without_audit(after) == without_audit(before)  # the denial is audited (entry and audit.head)


def test_rotate_with_a_wrong_password_changes_nothing(engine, shop):
    before = snapshot(engine)
    with UnitOfWork(engine, actor=shop["ada"]) as uow, pytest.raises(SignInRequired):
        card_keys.rotate(uow, "wrong password!")
    assert snapshot(engine) == before


@pytest.fixture
def legacy(engine, shop):
    """Payments 1..3 turned into cards of the older scheme: two under key A (in the keyring), one under key B."""
    numbers = _numbers(engine, 1001, 3)
    ids = sorted(numbers)
    key_a, key_b = bytes(range(32)), bytes(range(1, 33))
    make_legacy(engine, key_a, {pid: numbers[pid] for pid in ids[:2]})
    make_legacy(engine, key_b, {ids[2]: numbers[ids[2]]})
    return numbers, ids, key_a, key_b


def _migrate(engine, who):
    with UnitOfWork(engine, actor=who) as uow:
        return card_keys.migrate(uow)


def test_a_legacy_card_says_how_to_migrate_it(engine, shop, legacy):
    _, ids, _, _ = legacy
    with pytest.raises(CardKeyError, match="older workstation key: run `xmart keys migrate`"):
        reveal_card(engine, ids[0], shop["ada"])


def test_migrate_reencrypts_what_the_key_opens_and_lists_the_rest(engine, shop, legacy):
    numbers, ids, key_a, key_b = legacy
    keyring.set_password(cards.KEYRING_SERVICE, cards.KEYRING_NAME, key_text(key_a))
    result = _migrate(engine, shop["ada"])
    assert result.migrated == 2 and result.unreadable == ((ids[2], numbers[ids[2]][-4:]),)
    for pid in ids[:2]:
        assert reveal_card(engine, pid, shop["rita"]) == numbers[pid]
    with UnitOfWork(engine, actor=shop["ada"]) as uow:
        st = card_keys.status(uow)
    assert (st.cards, st.legacy_cards) == (2, 1)
    assert _audit(engine, "keys.%")[-1][:2] == ("ada", "keys.migrate")
    # the other workstation's key then migrates the last one
    keyring.set_password(cards.KEYRING_SERVICE, cards.KEYRING_NAME, key_text(key_b))
    assert _migrate(engine, shop["ada"]).migrated == 1
    assert reveal_card(engine, ids[2], shop["ada"]) == numbers[ids[2]]
    assert _migrate(engine, shop["ada"]).migrated == 0


def test_migrate_with_a_key_that_opens_no_card_changes_nothing(engine, shop, legacy):
    keyring.set_password(cards.KEYRING_SERVICE, cards.KEYRING_NAME, key_text(bytes(32)))
    before = snapshot(engine)
    with pytest.raises(CardKeyError, match="this key does not match any"):
        _migrate(engine, shop["ada"])
    assert snapshot(engine) == before


def test_migrate_with_a_missing_damaged_or_exposed_key_file_changes_nothing(
    engine, shop, legacy, tmp_path, monkeypatch
):
    from keyring.backends import fail

    _, _, key_a, _ = legacy
    keyring.set_keyring(fail.Keyring())
    path = tmp_path / "card-data.key"
    monkeypatch.setenv("XMART_KEY_FILE", str(path))
    before = snapshot(engine)
    with pytest.raises(cards.CardKeyFileError, match="No card-data key of the older scheme"):
        _migrate(engine, shop["ada"])
    assert not path.exists()
    path.write_text(key_text(key_a))
    path.chmod(0o666)
    with pytest.raises(cards.CardKeyFileError, match="chmod 600"):
        _migrate(engine, shop["ada"])
    path.write_text("!!damaged")
    path.chmod(0o600)
    with pytest.raises(cards.CardKeyFileError, match="is damaged"):
        _migrate(engine, shop["ada"])
    assert snapshot(engine) == before
    path.write_text(key_text(key_a))
    assert _migrate(engine, shop["ada"]).migrated == 2


def test_migrate_needs_users_admin(engine, shop, legacy):
    _, _, key_a, _ = legacy
    keyring.set_password(cards.KEYRING_SERVICE, cards.KEYRING_NAME, key_text(key_a))
    with pytest.raises(PermissionDenied):
        _migrate(engine, shop["rita"])
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(func.count()).where(Payment.card_key_id.is_(None))) == 3


def test_status_needs_card_reveal_or_users_admin_and_reads_no_secret(engine, shop):
    with (
        UnitOfWork(engine, actor=shop["carl"]) as uow,
        pytest.raises(PermissionDenied, match="'card.reveal' or 'users.admin'"),
    ):
        card_keys.status(uow)
    with UnitOfWork(engine, actor=shop["rita"]) as uow:  # a key holder who may not manage users
        assert card_keys.status(uow).holders == ("ada", "rita")
    with UnitOfWork(engine, actor=shop["ada"]) as uow:
        st = card_keys.status(uow)
    assert (st.cards, st.retired_key_cards, st.legacy_cards, st.bootstrap) == (3, 0, 0, False)
    assert st.holders == ("ada", "rita") and st.pending == () and st.problem is None
    assert len(st.fingerprint or "") == 64


def test_an_order_editor_holding_cards_across_a_rotation_saves_them_readable(engine):
    """The editor loaded the draft before `keys rotate`: saving it again keeps the cards as rotated."""
    import datetime as dt

    from tests.support.orders import TEST_CARD, full_entry, load_orders_data
    from xmart.processes.order_entry import load_order, new_order, save_sections

    ids = load_orders_data(engine)
    with UnitOfWork(engine) as uow:
        draft = new_order(uow, ids["C001"], dt.date(2026, 11, 2))
    with UnitOfWork(engine) as uow:
        saved = save_sections(uow, draft.id, full_entry(ids))
    assert saved.entry.payments[0].card_digits is None and saved.entry.payments[0].card_ref is not None
    with UnitOfWork(engine) as uow:
        card_keys.rotate(uow, None)
    with UnitOfWork(engine) as uow:
        save_sections(uow, draft.id, saved.entry, ["payment"])  # the editor's copy, from before the rotation
    with UnitOfWork(engine) as uow:
        pid = uow.session.scalar(select(Payment.id).where(Payment.cso_id == draft.id))
        assert load_order(uow.session, draft.id).entry.payments[0].card_ref == saved.entry.payments[0].card_ref
    assert reveal_card(engine, pid) == TEST_CARD


def test_a_rotation_waits_for_a_transaction_sealing_cards_and_then_reseals_them(engine):
    """A card sealed under the current key but not yet committed is not left under a retired key."""
    import threading

    load(engine, master_document())
    load(engine, card_orders(1001, 1))
    with UnitOfWork(engine) as uow:
        cso_id = uow.session.scalar(select(Payment.cso_id))
    sealing = UnitOfWork(engine)
    with sealing as uow:
        cipher = card_keys.encrypt_card(uow, card_number(5000))
        uow.session.execute(
            insert(Payment).values(
                cso_id=cso_id,
                kind="card",
                amount=0,
                card_number_encrypted=cipher.blob,
                card_last4=card_number(5000)[-4:],
                card_key_id=cipher.card_key_id,
                card_ref=cipher.card_ref,
            )
        )
        uow.session.flush()
        done: list[object] = []

        def rotate() -> None:
            try:
                with UnitOfWork(engine) as other:
                    done.append(card_keys.rotate(other, None))
            except Exception as exc:  # reported below
                done.append(exc)

        runner = threading.Thread(target=rotate)
        runner.start()
        runner.join(1.5)
        assert runner.is_alive() and not done  # waiting for the sealing transaction
        uow.commit()
    runner.join(60)
    assert len(done) == 1 and isinstance(done[0], card_keys.RotateResult), done
    assert done[0].cards == 2
    for pid, number in zip(sorted(card_payments(engine)), [card_number(1001), card_number(5000)], strict=True):
        assert reveal_card(engine, pid) == number
