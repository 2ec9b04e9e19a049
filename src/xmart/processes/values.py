"""Value types and status names that the client shows and edits, re-exported from `xmart.models`.

The client never imports `xmart.models`: these are the few model-level names its widgets and
menus need (an address to edit, the kinds of custom order field, the statuses of a corporate
sale order). Add a name here only when a screen needs it.
"""

from __future__ import annotations

from xmart.models.base import Address
from xmart.models.status import CsoStatus, FieldKind

__all__ = ["Address", "CsoStatus", "FieldKind"]
