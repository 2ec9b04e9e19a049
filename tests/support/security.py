"""Helpers for tests of the Security module (DOMAIN.md section 9)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from xmart.processes.security import crypto


def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with small costs: the same code paths in a fraction of the time (tests of the real costs skip it)."""
    monkeypatch.setattr(crypto, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
