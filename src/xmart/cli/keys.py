"""`xmart keys status [--json] | rotate | migrate`: the database's card-data keys (DOMAIN.md section 9)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from xmart.cli.main import Context, print_json
from xmart.cli.password import signed_in_password
from xmart.models.db import UnitOfWork
from xmart.processes.security import card_keys


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Run `keys status`, `keys rotate` or `keys migrate`; see each function."""
    return {"status": status, "rotate": rotate, "migrate": migrate}[args.keys_command](args, ctx)


def _status_document(st: card_keys.KeyStatus) -> dict[str, Any]:
    return {
        "fingerprint": st.fingerprint,
        "created_at": st.created_at.isoformat() if st.created_at else None,
        "cards": st.cards,
        "retired_key_cards": st.retired_key_cards,
        "legacy_cards": st.legacy_cards,
        "holders": list(st.holders),
        "pending": list(st.pending),
        "bootstrap": st.bootstrap,
        "problem": st.problem,
    }


def status(args: argparse.Namespace, ctx: Context) -> int:
    """Print the current key's fingerprint, the cards it reads and those it cannot, and its holders.

    Exit 1 (after the report) when the stored key was altered or some cards are not under it.
    """
    with UnitOfWork(ctx.engine) as uow:
        st = card_keys.status(uow)
    if args.json:
        print_json(_status_document(st))
    else:
        print(f"Card key: {st.fingerprint or 'none yet (made with the first card)'}")
        print(f"Cards it reads: {st.cards}")
        if st.retired_key_cards:
            print(f"Cards under a retired key (it cannot read them): {st.retired_key_cards}")
        if st.legacy_cards:
            print(
                f"Cards under an older workstation key (it cannot read them): {st.legacy_cards} "
                "- run `xmart keys migrate` on a workstation that has that key"
            )
        if st.bootstrap:
            print("Key holders: none yet - no user, the key is unprotected until the first administrator is added")
        else:
            print(f"Key holders: {', '.join(st.holders) or 'none'}")
        if st.pending:
            print(f"Waiting for the key (given at a holder's next sign-in): {', '.join(st.pending)}")
    if st.problem:
        print(f"xmart: {st.problem}", file=sys.stderr)
    return 1 if st.problem or st.retired_key_cards or st.legacy_cards else 0


def rotate(args: argparse.Namespace, ctx: Context) -> int:
    """Re-encrypt every card under a new key, in one transaction; print what was done."""
    with UnitOfWork(ctx.engine) as uow:
        result = card_keys.rotate(uow, signed_in_password(ctx))
    print(
        f"Card key rotated: {result.cards} card(s) re-encrypted under key {result.new_fingerprint} "
        f"(key {result.old_fingerprint} retired); the key is given to {result.holders} holder(s)."
    )
    return 0


def migrate(args: argparse.Namespace, ctx: Context) -> int:
    """Re-encrypt the cards of this workstation's older key under the database's key; list those left."""
    with UnitOfWork(ctx.engine) as uow:
        result = card_keys.migrate(uow)
    if not result.migrated and not result.unreadable:
        print("No card is under an older workstation key: nothing to migrate.")
        return 0
    print(f"{result.migrated} card(s) re-encrypted under the database's key {result.fingerprint}.")
    if result.unreadable:
        print(
            f"{len(result.unreadable)} card(s) left as they were (made under another workstation's key: run "
            "`xmart keys migrate` there):"
        )
        for payment_id, last4 in result.unreadable:
            print(f"  payment {payment_id}, card ending {last4}")
    return 0
