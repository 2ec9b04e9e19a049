"""Qt table models over frozen row dataclasses, sorted, filtered and paged in SQL."""
