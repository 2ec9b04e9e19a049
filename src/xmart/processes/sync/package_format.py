"""The sync package format (DOMAIN.md section 6; docs/sync-format.md is its full description).

A package is one UTF-8 JSON document: the header (`format`, `version`, `sender`, `receiver`,
`sequence`, `created`), `digest` = SHA-256 (hex) of the canonical JSON of `content`, `tag` =
HMAC-SHA-256 (hex) with the store's key over the canonical JSON of the header and the digest, and
`content`. Canonical JSON: keys sorted, no insignificant whitespace, UTF-8 (not \\u escapes),
integers only (money is text "12.34"). A package is written in canonical form with a final newline.

`decode` refuses a package whole (PackageRefused, with the reason a clerk reads) when it is not
complete JSON, lacks a field, has another format version, is for another receiver, comes from a
sender without a key here, or when its tag or digest does not match.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from xmart.errors import InputError

FORMAT = "xmart-sync"
VERSION = 1
HEADER_FIELDS = ("format", "version", "sender", "receiver", "sequence", "created")
"""The fields the tag covers, with `digest`."""
FIELDS = frozenset((*HEADER_FIELDS, "digest", "tag", "content"))
KEY_BYTES = 32

_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class PackageRefused(InputError):
    """A package refused whole; the message is the reason recorded and shown."""

    def __init__(self, reason: str, *, sender: str = "", sequence: int | None = None, digest: str = ""):
        super().__init__(reason)
        self.reason, self.sender, self.sequence, self.digest = reason, sender, sequence, digest


@dataclass(frozen=True)
class Package:
    """A package read and verified, or about to be written."""

    sender: str
    receiver: str
    sequence: int
    created: dt.datetime
    content: dict[str, Any]
    digest: str = ""


def canonical(value: Any) -> bytes:
    """The canonical JSON bytes of `value`: keys sorted, compact separators, UTF-8, no floats."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def time_text(moment: dt.datetime) -> str:
    """`moment` as a package states it: UTC, microseconds, `Z` (2026-12-01T09:30:00.000000Z)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds") + "Z"


def parse_time(text: str) -> dt.datetime:
    """The aware UTC datetime of a package time; ValueError for another form."""
    if not isinstance(text, str) or not _TIME.match(text):
        raise ValueError(text)
    return dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=dt.UTC)


def content_digest(content: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of `content`."""
    return hashlib.sha256(canonical(content)).hexdigest()


def tag_of(header: dict[str, Any], digest: str, key: bytes) -> str:
    """HMAC-SHA-256 (hex) with `key` over the canonical JSON of the HEADER_FIELDS of `header` and `digest`."""
    signed = {name: header[name] for name in HEADER_FIELDS} | {"digest": digest}
    return hmac.new(key, canonical(signed), hashlib.sha256).hexdigest()


def encode(package: Package, key: bytes) -> bytes:
    """The bytes of `package` signed with `key` (canonical JSON and a newline)."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "sender": package.sender,
        "receiver": package.receiver,
        "sequence": package.sequence,
        "created": time_text(package.created),
    }
    digest = content_digest(package.content)
    document = header | {"digest": digest, "tag": tag_of(header, digest, key), "content": package.content}
    return canonical(document) + b"\n"


def decode(data: bytes, receiver: str, key_of: Callable[[str], bytes | None]) -> Package:
    """Read and verify a package addressed to `receiver`; `key_of(sender)` gives the sender's key or None.

    Raises PackageRefused with the reason (nothing of the package is to be applied).
    """
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise PackageRefused("unreadable: not complete JSON (truncated or damaged in transit)") from None
    if not isinstance(document, dict):
        raise PackageRefused("not an xmart sync package (not a JSON object)")
    missing = sorted(FIELDS - document.keys())
    if missing:
        raise PackageRefused(f"not an xmart sync package: no {', '.join(missing)}")
    sender, sequence = document["sender"], document["sequence"]
    shown_sender = sender if isinstance(sender, str) else ""
    shown_sequence = sequence if isinstance(sequence, int) and not isinstance(sequence, bool) else None
    digest = document["digest"] if isinstance(document["digest"], str) else ""

    def refuse(reason: str) -> PackageRefused:
        return PackageRefused(reason, sender=shown_sender[:40], sequence=shown_sequence, digest=digest[:64])

    if document["format"] != FORMAT:
        raise refuse(f"not an xmart sync package (format {str(document['format'])[:40]!r})")
    if document["version"] != VERSION:
        raise refuse(f"format version {str(document['version'])[:10]} is not supported (this xmart reads {VERSION})")
    if not isinstance(sender, str) or not isinstance(document["receiver"], str):
        raise refuse("sender and receiver must be text")
    if shown_sequence is None or shown_sequence < 1:
        raise refuse("sequence must be a whole number from 1")
    if not isinstance(document["created"], str) or not _TIME.match(document["created"]):
        raise refuse("created must be a UTC time like 2026-12-01T09:30:00.000000Z")
    if not isinstance(document["content"], dict):
        raise refuse("content must be a JSON object")
    if document["receiver"] != receiver:
        raise refuse(f"for another receiver ({document['receiver'][:40]}), not {receiver}")
    key = key_of(sender)
    if key is None:
        raise refuse(f"unknown sender {sender[:40]!r}: no sync key for it here")
    if not isinstance(document["tag"], str) or not hmac.compare_digest(document["tag"], tag_of(document, digest, key)):
        raise refuse("bad authentication tag: signed with another key, or the header was altered")
    if not _HEX64.match(digest) or not hmac.compare_digest(digest, content_digest(document["content"])):
        raise refuse("bad digest: the content was altered")
    return Package(sender, receiver, shown_sequence, parse_time(document["created"]), document["content"], digest)
