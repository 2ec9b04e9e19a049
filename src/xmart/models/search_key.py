"""Folded search text (DOMAIN.md section 7, Customer Manager search): the one home of the rule
"search ignores case and accents, the same on SQLite and PostgreSQL".

`fold` turns text into its search form: compatibility-decomposed (NFKD), case-folded, combining
marks (accents) removed, runs of white space made one space. A customer's searchable fields are
stored folded in `customers.search_key`; a search folds its text the same way and matches it with
one plain LIKE, so neither database's own collation or case rules decide anything.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

CUSTOMER_SEARCH_FIELDS = ("number", "name", "company", "email", "phone")
"""The customer columns a search looks in, in the order they are stored in `search_key`."""

FIELD_SEPARATOR = "\n"
"""Between fields in `search_key`: folded search text never holds one, so no match spans two fields."""


def fold(text: str) -> str:
    """`text` in search form: "Émile  ÇA ﬁ" -> "emile ca fi" (str in, str out; never raises)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFKC", bare).split())


def customer_search_key(values: Mapping[str, Any]) -> str:
    """The `search_key` of a customer from its column values (a mapping with CUSTOMER_SEARCH_FIELDS;
    missing or None fields count as empty)."""
    return FIELD_SEPARATOR.join(fold(str(values.get(name) or "")) for name in CUSTOMER_SEARCH_FIELDS)


def search_key_default(context: Any) -> str:
    """Column default of `customers.search_key` for inserts that do not give it (bulk Core inserts):
    computed from the row's own values (SQLAlchemy's context-sensitive default)."""
    return customer_search_key(context.get_current_parameters())
