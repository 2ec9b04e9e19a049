"""The Security module (DOMAIN.md section 9): users, roles, card keys, and an append-only, chained audit log.

Existing card payments keep their ciphertext and get `card_key_id` NULL: they were made under the
old per-workstation key and are re-encrypted by `xmart keys migrate` on a workstation holding it.
Existing audit entries are chained here, before the triggers that make the log append-only.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 01:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from xmart.models.audit import AUDIT_FIELDS, entry_hash
from xmart.models.security import BUILTIN_ROLES

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

APPEND_ONLY = "audit_log is append-only: entries are never changed or deleted"

_ROLE_DESCRIPTIONS = {
    "clerk": "Enters and holds orders, prints documents",
    "manager": "A clerk who also cancels, runs Assign and Purchase Orders, receives, invoices and imports",
    "store": "A store: invoices sale orders, receives, prints, synchronizes",
    "administrator": "Every permission",
}


def upgrade() -> None:
    roles = op.create_table(
        "roles",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("description", sa.String(200), nullable=False, server_default=""),
        sa.Column("builtin", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    role_permissions = op.create_table(
        "role_permissions",
        sa.Column("role", sa.String(40), sa.ForeignKey("roles.name", ondelete="CASCADE"), primary_key=True),
        sa.Column("permission", sa.String(40), primary_key=True),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False, unique=True),
        sa.Column("full_name", sa.String(120), nullable=False, server_default=""),
        sa.Column("role", sa.String(40), sa.ForeignKey("roles.name"), nullable=False, index=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True)),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("key_salt", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("wrapped_private_key", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "user_permissions",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("permission", sa.String(40), primary_key=True),
    )
    op.create_table(
        "card_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("retired_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "card_key_grants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "card_key_id", sa.Integer(), sa.ForeignKey("card_keys.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), index=True),
        sa.Column("wrapped_private_key", sa.LargeBinary(), nullable=False),
        sa.UniqueConstraint("card_key_id", "user_id", name="key_user"),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("card_key_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("card_ref", sa.String(32), nullable=True))
        batch_op.create_index("ix_payments_card_key_id", ["card_key_id"])
        batch_op.create_unique_constraint("uq_payments_card_ref", ["card_ref"])
        batch_op.create_foreign_key("fk_payments_card_key_id_card_keys", "card_keys", ["card_key_id"], ["id"])
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("hash", sa.String(64), nullable=False, server_default=""))

    op.bulk_insert(
        roles, [{"name": name, "description": _ROLE_DESCRIPTIONS[name], "builtin": True} for name in BUILTIN_ROLES]
    )
    op.bulk_insert(
        role_permissions,
        [{"role": name, "permission": permission} for name, granted in BUILTIN_ROLES.items() for permission in granted],
    )
    _chain_existing_entries()
    _append_only_triggers()


def _chain_existing_entries() -> None:
    log = sa.table("audit_log", *(sa.column(name) for name in (*AUDIT_FIELDS, "prev_hash", "hash")))
    connection = op.get_bind()
    previous = ""
    rows = connection.execute(sa.select(log).order_by(log.c.id)).mappings().all()
    updates = []
    for row in rows:
        digest = entry_hash(previous, dict(row))
        updates.append({"_id": row["id"], "_prev": previous, "_hash": digest})
        previous = digest
    if updates:
        connection.execute(
            sa.update(log)
            .where(log.c.id == sa.bindparam("_id"))
            .values(prev_hash=sa.bindparam("_prev"), hash=sa.bindparam("_hash")),
            updates,
        )


def _append_only_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION xmart_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION xmart_audit_log_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION xmart_audit_log_append_only()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_log_no_update")
        op.execute("DROP TRIGGER audit_log_no_delete")
    else:
        op.execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION xmart_audit_log_append_only()")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_constraint("fk_payments_card_key_id_card_keys", type_="foreignkey")
        batch_op.drop_constraint("uq_payments_card_ref", type_="unique")
        batch_op.drop_index("ix_payments_card_key_id")
        batch_op.drop_column("card_ref")
        batch_op.drop_column("card_key_id")
    for table in ("card_key_grants", "card_keys", "user_permissions", "users", "role_permissions", "roles"):
        op.drop_table(table)
