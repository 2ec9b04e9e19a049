"""Which locations are managed at the Main (DOMAIN.md section 6, store sync).

A location is either synchronized (it runs xmart in store mode and sends its invoices) or managed at
the Main (its invoices are typed here). Store sync is not built yet, so today every location is
managed at the Main; this is the one place that says so, for the sync work to change.
"""

from __future__ import annotations


def is_managed_at_main(location: str) -> bool:
    """True when invoices of location `location` (its code, e.g. "S01") are typed at the Main.

    DOMAIN.md section 6: invoicing a synchronized location's SO at the Main is refused. Every
    location is managed at the Main until store sync exists.
    """
    del location  # every location, until store sync records which ones are synchronized
    return True
