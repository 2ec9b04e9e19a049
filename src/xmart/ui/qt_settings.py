"""Typed reads of QSettings: one stored value as the type of its default."""

from __future__ import annotations

from typing import TypeVar, cast

from PySide6.QtCore import QSettings

T = TypeVar("T", str, int, bool)


def setting_value(settings: QSettings, key: str, default: T) -> T:
    """The value stored under `key`, converted by Qt to the type of `default` (str, int or bool); `default` if unset.

    `QSettings.value(key, default, type)` converts to `type`, but its stubs say `object`: the cast says what Qt does.
    """
    return cast(T, settings.value(key, default, type(default)))
