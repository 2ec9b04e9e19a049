"""Store sync (DOMAIN.md section 6): packages between the Main and its synchronized stores.

Modules, each named for what it does:
- `package_format`: the package (header, digest, HMAC tag, canonical JSON); docs/sync-format.md;
- `folders`: atomic writes and what a reader takes from a folder;
- `keys`: `sync keygen` (a store's key, at the Main) and `store setup` (store mode);
- `export`: making the next package for each peer;
- `importing`: verifying and applying every package in a folder, one transaction each;
- `apply_at_main` / `apply_at_store`: what a package does on each side (set-based);
- `acknowledgements`: acknowledgements and resend requests, on both sides;
- `content`: reading a package's content field by field;
- `status`: `sync status` and `sync resend`;
- `bulk`: chunked reads, multi-row inserts and upserts.
"""
