"""The Security module (DOMAIN.md section 9): sign-in, permissions, card-data keys and the audit log.

- `permissions`: the permission names, built-in roles and `require`, which every process calls.
- `audit`: the append-only, hash-chained audit log (`record`, `verify`, `entries`).
"""
