"""The Security module's cryptography (DOMAIN.md section 9), built from well-kept libraries.

- Passwords: argon2id (argon2-cffi's PasswordHasher, its RFC 9106 low-memory defaults: t=3,
  m=64 MiB, p=4) for the stored hash; the same parameters, with a salt of the user's own, derive
  the 256-bit key that wraps the user's private key (`derive_key`).
- Sealing (`seal` / `open_sealed`): anyone holding a public X25519 key can seal; only the private
  key opens. An ephemeral X25519 key agreement, HKDF-SHA256 over both public keys, and AES-256-GCM
  with associated data that binds the ciphertext to where it belongs (a payment's `card_ref`, a
  grant's key and user). `cryptography` (pyca) does every primitive.
- Wrapping (`wrap` / `unwrap`): AES-256-GCM under a derived key, for a user's private key.

Blobs carry a version byte first so a later construction can be told apart.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = b"\x01"
_RAW = serialization.Encoding.Raw
_HASHER = PasswordHasher()  # argon2id, RFC 9106 low-memory profile


class CryptoError(Exception):
    """A ciphertext that does not open with this key and these associated data (wrong key, altered, moved)."""


def hash_password(password: str) -> str:
    """The argon2id hash (PHC string) to store for `password`."""
    return _HASHER.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    """True when `password` matches the stored argon2id hash; False for a wrong password or an unreadable hash."""
    try:
        return _HASHER.verify(stored_hash, password)
    except Exception:  # VerifyMismatchError, InvalidHashError, VerificationError: all mean "no"
        return False


def derive_key(password: str, salt: bytes) -> bytes:
    """A 256-bit key from `password` and a 16-byte `salt` (argon2id, the PasswordHasher's parameters)."""
    return hash_secret_raw(
        password.encode(),
        salt,
        time_cost=_HASHER.time_cost,
        memory_cost=_HASHER.memory_cost,
        parallelism=_HASHER.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def new_key_pair() -> tuple[bytes, bytes]:
    """A new X25519 key pair as (private, public), 32 raw bytes each."""
    private = X25519PrivateKey.generate()
    return (
        private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
        private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw),
    )


def public_of(private: bytes) -> bytes:
    """The public half (32 raw bytes) of a raw X25519 private key."""
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def fingerprint(public: bytes) -> str:
    """The SHA-256 (hex) of a public key: how a key is named in `keys status` and checked for tampering."""
    digest = hashes.Hash(hashes.SHA256())
    digest.update(public)
    return digest.finalize().hex()


def _kdf(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"xmart-seal-v1" + ephemeral + recipient).derive(
        shared
    )


def seal(public: bytes, plaintext: bytes, associated: bytes) -> bytes:
    """Encrypt `plaintext` so that only the holder of `public`'s private half opens it, bound to `associated`."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    key = _kdf(ephemeral.exchange(X25519PublicKey.from_public_bytes(public)), ephemeral_public, public)
    nonce = secrets.token_bytes(12)
    return VERSION + ephemeral_public + nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def open_sealed(private: bytes, blob: bytes, associated: bytes) -> bytes:
    """The plaintext of a `seal`ed blob; CryptoError for another key, other associated data or an altered blob."""
    if len(blob) < 1 + 32 + 12 + 16 or blob[:1] != VERSION:
        raise CryptoError("not a sealed value of this version")
    ephemeral_public, nonce, body = blob[1:33], blob[33:45], blob[45:]
    key_pair = X25519PrivateKey.from_private_bytes(private)
    recipient = key_pair.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    key = _kdf(key_pair.exchange(X25519PublicKey.from_public_bytes(ephemeral_public)), ephemeral_public, recipient)
    try:
        return AESGCM(key).decrypt(nonce, body, associated)
    except InvalidTag as exc:
        raise CryptoError("the value does not open with this key") from exc


def wrap(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    """AES-256-GCM of `plaintext` under a 32-byte `key` (a derived key), bound to `associated`."""
    nonce = secrets.token_bytes(12)
    return VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def unwrap(key: bytes, blob: bytes, associated: bytes) -> bytes:
    """The plaintext of a `wrap`ped blob; CryptoError for a wrong key (password) or an altered blob."""
    if len(blob) < 1 + 12 + 16 or blob[:1] != VERSION:
        raise CryptoError("not a wrapped value of this version")
    try:
        return AESGCM(key).decrypt(blob[1:13], blob[13:], associated)
    except InvalidTag as exc:
        raise CryptoError("the value does not open with this key") from exc


@dataclass(frozen=True)
class UserKeys:
    """What `users` stores of a user's key pair: the salt, the public half, the private half wrapped."""

    salt: bytes
    public: bytes
    wrapped_private: bytes


def user_key_associated(user_name: str) -> bytes:
    """Associated data of a user's wrapped private key: bound to the account's name."""
    return b"xmart-user-key-v1:" + user_name.encode()


def new_user_keys(user_name: str, password: str, private: bytes | None = None) -> UserKeys:
    """A user's key material for `password`: a new key pair, or `private` (its public half derived) rewrapped."""
    if private is None:
        private, public = new_key_pair()
    else:
        public = public_of(private)
    salt = secrets.token_bytes(16)
    wrapped = wrap(derive_key(password, salt), private, user_key_associated(user_name))
    return UserKeys(salt, public, wrapped)


def unlock_user_private(user_name: str, keys: UserKeys, password: str) -> bytes:
    """The user's raw private key; CryptoError when `password` does not unwrap it."""
    return unwrap(derive_key(password, keys.salt), keys.wrapped_private, user_key_associated(user_name))
