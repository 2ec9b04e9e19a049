"""Users, roles and sign-in (DOMAIN.md section 9), on SQLite and PostgreSQL.

The processes of `processes/security/users.py` called directly: argon2id hashes and no password
anywhere, the length rule, lockout after 6 failures (unlocked by an administrator or by time),
disabled accounts, the first administrator, permission checks that write nothing but the denial,
roles, and the card-data key's copies following who holds `card.reveal`.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.support.security import cheap_argon2
from xmart.errors import InputError, NotFoundError, PermissionDenied, SignInRequired
from xmart.models import AuditEntry, Base, CardKeyGrant, User
from xmart.models.actor import actor_for
from xmart.models.db import UnitOfWork
from xmart.processes.security import crypto, grants, users

PW = "correct horse battery"
OTHER = "another long password"


@pytest.fixture
def fast_argon2(monkeypatch):
    """argon2id with small costs (the first test keeps the real ones)."""
    cheap_argon2(monkeypatch)


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves: `clock.now` is what `users.now()` returns."""

    class Clock:
        now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)

        def advance(self, **delta: float) -> None:
            self.now += dt.timedelta(**delta)

    c = Clock()
    monkeypatch.setattr(users, "now", lambda: c.now)
    return c


def add(engine, name, role="administrator", password=PW, full_name=""):
    with UnitOfWork(engine) as uow:
        return users.add_user(uow, name, password, role, full_name)


def audit_actions(engine):
    with UnitOfWork(engine) as uow:
        return [(e.user, e.action, e.detail) for e in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def user_row(engine, name):
    """The `users` row of `name` (a plain row), or None."""
    with UnitOfWork(engine) as uow:
        return uow.session.execute(select(User.__table__).where(User.name == name)).first()


def make_card_key(engine):
    with UnitOfWork(engine) as uow:
        key = grants.current_key(uow)
        uow.commit()
        return key


def can_open_card_key(engine, name, password):
    with UnitOfWork(engine) as uow:
        key = grants.current_key(uow, create=False)
        try:
            grants.unlock_card_private(uow, key, name, password)
        except (grants.CardKeyError, SignInRequired):
            return False
        return True


def test_password_is_stored_only_as_an_argon2id_hash(engine):
    add(engine, "alice", full_name="Alice Admin")
    stored = user_row(engine, "alice").password_hash
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert crypto.password_matches(stored, PW)
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(table.select()):
                for value in row:
                    assert PW not in (value if isinstance(value, str) else "")
                    assert PW.encode() not in (value if isinstance(value, bytes) else b"")


def test_an_11_character_password_is_refused_and_nothing_written(engine, fast_argon2):
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="at least 12 characters"):
        users.add_user(uow, "alice", "x" * 11, "administrator")
    assert not users.users_exist(engine)
    add(engine, "alice", password="x" * 12)
    assert users.users_exist(engine)


def test_the_first_user_must_be_an_administrator_and_needs_no_sign_in(engine, fast_argon2):
    with UnitOfWork(engine) as uow:
        assert users.list_users(uow) == []  # no users: works without sign-in
    with pytest.raises(InputError, match="first user must be an administrator"):
        add(engine, "bob", role="clerk")
    info = add(engine, "alice")
    assert info.role == "administrator" and "users.admin" in info.permissions and not info.disabled
    with UnitOfWork(engine) as uow, pytest.raises(SignInRequired):  # from now on: sign in first
        users.list_users(uow)
    with pytest.raises(SignInRequired):
        add(engine, "bob", role="clerk")
    assert [a for _u, a, _d in audit_actions(engine)] == ["users.add", "denied", "denied"]
    users.sign_in(engine, "alice", PW)
    with UnitOfWork(engine) as uow:
        assert [u.name for u in users.list_users(uow)] == ["alice"]


def test_bad_names_roles_and_full_names_are_refused(engine, fast_argon2):
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    for name, role, full, message in [
        ("", "clerk", "", "1 to 60 characters"),
        ("bob smith", "clerk", "", "1 to 60 characters"),
        ("b" * 61, "clerk", "", "1 to 60 characters"),
        ("bob", "nobody", "", "no role 'nobody'"),
        ("ALICE", "clerk", "", "already a user"),
        ("bob", "clerk", "Bob 4111 1111 1111 1111", "card"),
        ("bob", "clerk", "b" * 121, "120"),
    ]:
        with pytest.raises(InputError, match=message):
            add(engine, name, role=role, full_name=full)
    assert user_row(engine, "bob") is None and user_row(engine, "ALICE") is None


def test_six_failures_lock_the_account_for_30_minutes_and_success_resets(engine, fast_argon2, clock):
    add(engine, "alice")
    add_signed = users.sign_in(engine, "alice", PW)
    assert add_signed.name == "alice"
    add(engine, "bob", role="clerk")
    for _ in range(5):
        with pytest.raises(SignInRequired, match="^Wrong user name or password.$"):
            users.sign_in(engine, "bob", "wrong password!")
    users.sign_in(engine, "bob", PW)  # a success resets the count
    assert user_row(engine, "bob").failed_sign_ins == 0
    for _ in range(5):
        with pytest.raises(SignInRequired, match="Wrong"):
            users.sign_in(engine, "bob", "wrong password!")
    with pytest.raises(SignInRequired, match="locked until .* after 6 failed sign-ins; an administrator can unlock"):
        users.sign_in(engine, "bob", "wrong password!")
    with pytest.raises(SignInRequired, match="locked until"):  # even the right password
        users.sign_in(engine, "bob", PW)
    clock.advance(minutes=29)
    with pytest.raises(SignInRequired, match="locked until"):
        users.sign_in(engine, "bob", PW)
    clock.advance(minutes=1, seconds=1)
    assert users.sign_in(engine, "bob", PW).name == "bob"  # unlocked by time
    failed = [d for u, a, d in audit_actions(engine) if a == "sign_in.failed" and u == "bob"]
    assert len(failed) == 13 and "account locked for 30 minutes" in failed[10]
    assert all(PW not in d and "wrong password!" not in d for _u, _a, d in audit_actions(engine))


def test_an_administrator_unlocks_a_locked_account(engine, fast_argon2, clock):
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    add(engine, "bob", role="clerk")
    for _ in range(6):
        with pytest.raises(SignInRequired):
            users.sign_in(engine, "bob", "wrong password!")
    with UnitOfWork(engine) as uow:
        [bob] = [u for u in users.list_users(uow) if u.name == "bob"]
    assert bob.locked_until == clock.now + dt.timedelta(minutes=30)
    with UnitOfWork(engine) as uow:
        users.unlock_user(uow, "bob")
    assert users.sign_in(engine, "bob", PW).name == "bob"
    assert ("alice", "users.unlock", "bob: unlocked") in audit_actions(engine)


def test_check_password_counts_failures_like_sign_in(engine, fast_argon2):
    add(engine, "alice")
    actor = users.sign_in(engine, "alice", PW)
    add(engine, "bob", role="clerk")
    users.check_password(engine, actor, PW)
    for _ in range(5):  # only the password is asked: the message says so
        with pytest.raises(SignInRequired, match="^Wrong password.$"):
            users.check_password(engine, actor, "not my password")
    with pytest.raises(SignInRequired, match=r"locked until \d\d:\d\d \S+ \(in 30 minutes\)"):
        users.check_password(engine, actor, "not my password")
    with pytest.raises(SignInRequired, match="locked until"):
        users.sign_in(engine, "alice", PW)
    assert [a for _u, a, _d in audit_actions(engine)].count("sign_in.confirm.failed") == 6


def test_an_unknown_name_is_audited_without_the_typed_name(engine, fast_argon2):
    add(engine, "alice")
    with pytest.raises(SignInRequired, match="^Wrong user name or password.$"):
        users.sign_in(engine, "correct horse battery staple", "whatever it is")
    [entry] = [e for e in audit_actions(engine) if e[1] == "sign_in.failed"]
    assert entry == ("(unknown user)", "sign_in.failed", "unknown user name")
    assert actor_for(engine) is None


def test_a_disabled_user_cannot_sign_in_and_can_be_enabled_again(engine, fast_argon2):
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    add(engine, "bob", role="clerk")
    with UnitOfWork(engine) as uow:
        users.disable_user(uow, "bob")
    with pytest.raises(SignInRequired, match="^This account is disabled.$"):
        users.sign_in(engine, "bob", PW)
    with UnitOfWork(engine) as uow:
        users.enable_user(uow, "bob")
    assert users.sign_in(engine, "bob", PW).name == "bob"


def test_a_clerk_cannot_add_users_or_change_roles_nothing_written_denial_audited(engine, fast_argon2):
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    add(engine, "bob", role="clerk")
    users.sign_in(engine, "bob", PW)
    before = len(audit_actions(engine))
    for call in (
        lambda uow: users.add_user(uow, "carl", PW, "administrator"),
        lambda uow: users.set_role(uow, "bob", "administrator"),
        lambda uow: users.grant_permission(uow, "bob", "card.reveal"),
        lambda uow: users.set_password(uow, "alice", OTHER),
        lambda uow: users.save_role(uow, "buyer", ["import"]),
        lambda uow: users.list_users(uow),
    ):
        with UnitOfWork(engine) as uow, pytest.raises(PermissionDenied, match=r"You \(bob\) may not manage users"):
            call(uow)
    after = audit_actions(engine)[before:]
    assert [(u, a) for u, a, _d in after] == [("bob", "denied")] * 6
    assert user_row(engine, "carl") is None and user_row(engine, "bob").role == "clerk"
    users.sign_out(engine)
    with UnitOfWork(engine) as uow, pytest.raises(SignInRequired):
        users.add_user(uow, "carl", PW, "administrator")


def test_role_changes_and_the_last_administrator_is_kept(engine, fast_argon2):
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    add(engine, "bob", role="clerk")
    with UnitOfWork(engine) as uow:
        info = users.set_role(uow, "bob", "manager")
    assert info.role == "manager" and "process.assign" in info.permissions
    for call in (
        lambda uow: users.set_role(uow, "alice", "manager"),
        lambda uow: users.disable_user(uow, "alice"),
    ):
        with UnitOfWork(engine) as uow, pytest.raises(InputError, match="no enabled user who can manage users"):
            call(uow)
    assert user_row(engine, "alice").role == "administrator" and not user_row(engine, "alice").disabled
    with UnitOfWork(engine) as uow:
        users.grant_permission(uow, "bob", "users.admin")
    with UnitOfWork(engine) as uow, pytest.raises(NotFoundError):
        users.set_role(uow, "nobody", "clerk")
    with UnitOfWork(engine) as uow:  # bob manages users now: alice may become a manager
        assert "users.admin" not in users.set_role(uow, "alice", "manager").permissions
    with UnitOfWork(engine) as uow, pytest.raises(PermissionDenied):  # and from then on she may not
        users.set_role(uow, "alice", "administrator")
    actions = [a for _u, a, _d in audit_actions(engine)]
    assert actions.count("users.set_role") == 2 and "users.grant" in actions


def test_office_roles(engine, fast_argon2):
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    with UnitOfWork(engine) as uow:
        role = users.save_role(uow, "buyer", ["process.purchase_orders", "po.receive"], "Buys for the office")
    assert role == users.RoleInfo(
        "buyer", "Buys for the office", False, frozenset({"process.purchase_orders", "po.receive"})
    )
    add(engine, "bob", role="buyer")
    with UnitOfWork(engine) as uow:
        users.save_role(uow, "buyer", ["po.receive", "audit.read"])
    with UnitOfWork(engine) as uow:
        [bob] = [u for u in users.list_users(uow) if u.name == "bob"]
        roles = {r.name: r for r in users.list_roles(uow)}
    assert bob.permissions == {"po.receive", "audit.read"}
    assert roles["clerk"].builtin and not roles["buyer"].builtin
    for call, message in (
        (lambda uow: users.save_role(uow, "clerk", ["import"]), "built-in role 'clerk' cannot be changed"),
        (lambda uow: users.save_role(uow, "buyer", ["fly"]), "no permission 'fly'"),
        (lambda uow: users.save_role(uow, "bad name", ["import"]), "1 to 40 characters"),
        (lambda uow: users.delete_role(uow, "buyer"), "still given to bob"),
        (lambda uow: users.delete_role(uow, "manager"), "built-in role 'manager' cannot be deleted"),
    ):
        with UnitOfWork(engine) as uow, pytest.raises(InputError, match=message):
            call(uow)
    with UnitOfWork(engine) as uow:
        users.set_role(uow, "bob", "clerk")
    with UnitOfWork(engine) as uow:
        users.delete_role(uow, "buyer")
    with UnitOfWork(engine) as uow:
        assert "buyer" not in {r.name for r in users.list_roles(uow)}
    assert {"roles.save", "roles.delete"} <= {a for _u, a, _d in audit_actions(engine)}


def test_the_first_administrator_takes_the_bootstrap_card_key(engine, fast_argon2):
    make_card_key(engine)  # a database without users: the key's private half in the bootstrap grant
    add(engine, "alice")
    with UnitOfWork(engine) as uow:
        assert uow.session.scalars(select(CardKeyGrant.user_id)).all() == [user_row(engine, "alice").id]
    assert can_open_card_key(engine, "alice", PW)
    assert not can_open_card_key(engine, "alice", OTHER)


def test_own_password_change_keeps_card_access(engine, fast_argon2):
    make_card_key(engine)
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    with UnitOfWork(engine) as uow, pytest.raises(SignInRequired, match="current password is not right"):
        users.set_password(uow, "alice", OTHER, current_password="not the password")
    assert user_row(engine, "alice").failed_sign_ins == 1
    with UnitOfWork(engine) as uow:
        users.set_password(uow, "alice", OTHER, current_password=PW)
    assert can_open_card_key(engine, "alice", OTHER) and not can_open_card_key(engine, "alice", PW)
    with pytest.raises(SignInRequired):
        users.sign_in(engine, "alice", PW)
    users.sign_in(engine, "alice", OTHER)


def test_a_clerk_changes_their_own_password_without_users_admin(engine, fast_argon2):
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    add(engine, "bob", role="clerk")
    users.sign_in(engine, "bob", PW)
    with UnitOfWork(engine) as uow:
        users.set_password(uow, "bob", OTHER, current_password=PW)
    with UnitOfWork(engine) as uow, pytest.raises(PermissionDenied):  # without the current one: a reset
        users.set_password(uow, "bob", PW)
    users.sign_in(engine, "bob", OTHER)


def test_an_admin_reset_loses_the_card_key_until_a_holder_signs_in(engine, fast_argon2):
    make_card_key(engine)
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    add(engine, "bob")  # an administrator: holds card.reveal, no copy yet
    with UnitOfWork(engine) as uow:
        assert users.pending_card_key(uow) == ["bob"]
    assert not can_open_card_key(engine, "bob", PW)
    users.sign_in(engine, "alice", PW)  # a holder signs in: bob gets his copy
    with UnitOfWork(engine) as uow:
        assert users.pending_card_key(uow) == []
    assert can_open_card_key(engine, "bob", PW)

    with UnitOfWork(engine) as uow:
        users.set_password(uow, "bob", OTHER)  # alice resets bob's password: a new key pair
    assert not can_open_card_key(engine, "bob", OTHER)
    with UnitOfWork(engine) as uow:
        assert users.pending_card_key(uow) == ["bob"]
    users.sign_in(engine, "bob", OTHER)  # bob holds no copy: he shares nothing
    assert not can_open_card_key(engine, "bob", OTHER)
    users.sign_in(engine, "alice", PW)
    assert can_open_card_key(engine, "bob", OTHER)
    assert "card_key.shared" in {a for _u, a, _d in audit_actions(engine)}


def test_the_last_user_who_can_open_the_card_key_keeps_it(engine, fast_argon2):
    make_card_key(engine)
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    add(engine, "bob")  # another administrator, without a copy of the card key yet
    for call, message in (
        (lambda uow: users.set_password(uow, "alice", OTHER), "alice is the only user who can open"),
        (lambda uow: users.disable_user(uow, "alice"), "nobody able to open the card-data key"),
        (lambda uow: users.set_role(uow, "alice", "manager"), "nobody able to open the card-data key"),
    ):
        with UnitOfWork(engine) as uow, pytest.raises(grants.LastCardKeyHolder, match=message):
            call(uow)
    assert can_open_card_key(engine, "alice", PW) and user_row(engine, "alice").role == "administrator"
    users.sign_in(engine, "alice", PW)  # bob gets his copy: alice may go
    with UnitOfWork(engine) as uow:
        users.disable_user(uow, "alice")
    assert can_open_card_key(engine, "bob", PW) and not can_open_card_key(engine, "alice", PW)


def test_losing_card_reveal_deletes_the_copy_of_the_card_key(engine, fast_argon2):
    make_card_key(engine)
    add(engine, "alice")
    users.sign_in(engine, "alice", PW)
    add(engine, "carl", role="clerk")
    with UnitOfWork(engine) as uow:
        info = users.grant_permission(uow, "carl", "card.reveal")
    assert "card.reveal" in info.permissions
    users.sign_in(engine, "alice", PW)
    assert can_open_card_key(engine, "carl", PW)
    with UnitOfWork(engine) as uow:
        assert "card.reveal" not in users.revoke_permission(uow, "carl", "card.reveal").permissions
    assert not can_open_card_key(engine, "carl", PW)
    with UnitOfWork(engine) as uow:
        users.grant_permission(uow, "carl", "card.reveal")
    users.sign_in(engine, "alice", PW)
    with UnitOfWork(engine) as uow:
        users.disable_user(uow, "carl")  # disabled: the copy goes too
    with UnitOfWork(engine) as uow:
        assert user_row(engine, "carl").id not in uow.session.scalars(select(CardKeyGrant.user_id)).all()


def test_granting_or_revoking_what_does_not_change_is_refused_and_not_audited(engine, fast_argon2):
    add(engine, "ada")
    users.sign_in(engine, "ada", PW)
    add(engine, "carl", role="clerk")
    before = audit_actions(engine)
    for call, message in (
        (lambda uow: users.revoke_permission(uow, "ada", "card.reveal"), "comes with the role administrator; change"),
        (lambda uow: users.grant_permission(uow, "ada", "audit.read"), "comes with the role administrator"),
        (lambda uow: users.grant_permission(uow, "carl", "order.enter"), "comes with the role clerk"),
        (lambda uow: users.revoke_permission(uow, "carl", "audit.read"), "carl was not granted audit.read"),
    ):
        with UnitOfWork(engine) as uow, pytest.raises(InputError, match=message):
            call(uow)
    assert audit_actions(engine) == before
    with UnitOfWork(engine) as uow:
        users.grant_permission(uow, "carl", "audit.read")
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="carl holds audit.read already"):
        users.grant_permission(uow, "carl", "audit.read")
    assert [a for _u, a, _d in audit_actions(engine)[len(before) :]] == ["users.grant"]


def test_names_are_the_same_whatever_the_case_in_sign_in_and_changes(engine, fast_argon2):
    add(engine, "Émile")
    actor = users.sign_in(engine, "émile", PW)
    assert actor.name == "Émile"
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="There is already a user 'Émile'"):
        users.add_user(uow, "ÉMILE", PW, "clerk")
    add(engine, "cleo", role="clerk")
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="There is already a user 'cleo'"):
        users.add_user(uow, "CLEO", PW, "clerk")
    users.sign_in(engine, "CLEO", PW)
    with pytest.raises(SignInRequired, match="Wrong"):
        users.sign_in(engine, "Cleo", "not the password")
    users.sign_in(engine, "ÉMILE", PW)
    with UnitOfWork(engine) as uow:
        users.set_role(uow, "CLEO", "manager")
    assert user_row(engine, "cleo").role == "manager"
    users.sign_in(engine, "cleo", PW)
    with UnitOfWork(engine) as uow:  # one's own password, typed in another case: the same key pair re-wrapped
        users.set_password(uow, "CLEO", OTHER, current_password=PW)
    users.sign_in(engine, "Cleo", OTHER)
