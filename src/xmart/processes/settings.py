"""Office settings stored in the database (company header, receiving location)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from xmart.models import Setting

DEFAULTS = {
    "company.name": "xmart Retail",
    "company.address": "",
    "company.phone": "",
    "company.email": "",
    "receiving_location": "MAIN",
}


def get_setting(session: Session, key: str) -> str:
    """A setting's value, or its default."""
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return DEFAULTS.get(key, "") if value is None else value


def set_setting(session: Session, key: str, value: str) -> None:
    """Store a setting (in the caller's transaction)."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
