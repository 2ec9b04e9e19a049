"""The sync package format (DOMAIN.md section 6; docs/sync-format.md): canonical JSON, digest, tag, refusals."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

import pytest

from xmart.processes.sync.folders import package_name, packages_in, write_atomically
from xmart.processes.sync.package_format import Package, PackageRefused, canonical, decode, encode

KEY = bytes(range(32))
CREATED = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
CONTENT = {
    "acknowledged": 0,
    "invoices": [{"id": 1, "date": "2026-12-01", "lines": []}],
    "stock": [{"sku": "Å1", "on_hand": 3}],
}


def package(**changes) -> bytes:
    fields = {"sender": "S01", "receiver": "@main", "sequence": 4, "created": CREATED, "content": CONTENT} | changes
    return encode(Package(**fields), KEY)


def read(data: bytes, receiver: str = "@main") -> Package:
    return decode(data, receiver, lambda sender: KEY if sender == "S01" else None)


def test_a_package_round_trips_and_is_canonical_utf8_json_with_its_digest_and_tag():
    data = package()
    assert data.endswith(b"\n") and "Å1".encode() in data
    document = json.loads(data)
    assert data == canonical(document) + b"\n"
    assert document["digest"] == hashlib.sha256(canonical(CONTENT)).hexdigest()
    signed = {k: document[k] for k in ("format", "version", "sender", "receiver", "sequence", "created", "digest")}
    assert document["tag"] == hmac.new(KEY, canonical(signed), hashlib.sha256).hexdigest()
    assert document["created"] == "2026-12-01T09:30:00.000000Z"
    got = read(data)
    assert (got.sender, got.receiver, got.sequence, got.created, got.content) == ("S01", "@main", 4, CREATED, CONTENT)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (package()[:-30], "truncated"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"format": "xmart-sync"}', "no content, created, digest"),
        (package(receiver="S02"), "for another receiver (S02)"),
        (package(sender="S99"), "unknown sender 'S99'"),
        (package().replace(b'"version":1', b'"version":2'), "format version 2 is not supported"),
        (package().replace(b'"sequence":4', b'"sequence":5'), "bad authentication tag"),
        (package().replace(b'"on_hand":3', b'"on_hand":9'), "bad digest"),
        (encode(Package("S01", "@main", 4, CREATED, CONTENT), bytes(32)), "bad authentication tag"),
        (package(sequence=0), "sequence must be a whole number from 1"),
    ],
)
def test_a_bad_package_is_refused_whole_with_its_reason(data, reason):
    with pytest.raises(PackageRefused) as refused:
        read(data)
    assert reason in refused.value.reason


def test_every_single_flipped_byte_is_refused():
    data = package()
    for position in range(len(data)):
        damaged = data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :]
        with pytest.raises(PackageRefused):
            read(damaged)


def test_a_package_is_written_atomically_and_readers_ignore_temporary_names(tmp_path):
    name = package_name("@main", "S01", 7)
    assert name == "@main_to_S01_00000007.xsync"
    (tmp_path / f".{name}.tmp").write_bytes(b"half")
    write_atomically(tmp_path, name, package())
    assert [p.name for p in packages_in(tmp_path)] == [name]
    assert not (tmp_path / f".{name}.tmp").exists()  # the temporary name was renamed


def test_the_examples_in_docs_sync_format_verify_with_the_documented_key():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "sync-format.md").read_text(encoding="utf-8")
    key = bytes.fromhex("00" * 31 + "01")
    examples = [line for line in text.splitlines() if line.startswith('{"content":')]
    assert len(examples) == 2
    for line in examples:
        document = json.loads(line)
        got = decode((line + "\n").encode(), document["receiver"], lambda sender: key)
        assert got.sequence == document["sequence"]
        assert canonical(document) == line.encode()  # written in canonical form
    header = next(line for line in text.splitlines() if line.startswith('{"created":'))
    first = json.loads(examples[0])
    signed = {k: first[k] for k in ("format", "version", "sender", "receiver", "sequence", "created", "digest")}
    assert canonical(signed) == header.encode()
    assert hmac.new(key, header.encode(), hashlib.sha256).hexdigest() == first["tag"]
