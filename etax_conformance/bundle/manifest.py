"""manifest.json: the SHA-256 of every file of a run folder, signed with Ed25519 when a key is given.

manifest.sig holds the base64 signature of manifest.json's bytes; manifest.pub the signer's public key (PEM), so
a reader can check the folder alone — but trusts it only if that key's fingerprint is the one the signer published
(or checks with `verify --public-key` the key they hold).
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from etax_conformance.bundle.pins import now_iso, sha256_file

MANIFEST, SIGNATURE, PUBLIC_KEY = "manifest.json", "manifest.sig", "manifest.pub"
SCHEMA = "etax-conformance/manifest@1"
OWN = {MANIFEST, SIGNATURE, PUBLIC_KEY}


class SigningKeyError(ValueError):
    """A key file that cannot be used."""


def hashes(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file in folder except the manifest's own files."""
    return {p.relative_to(folder).as_posix(): sha256_file(p)
            for p in sorted(folder.rglob("*")) if p.is_file() and p.relative_to(folder).as_posix() not in OWN}


def fingerprint(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "SHA256:" + hashlib.sha256(raw).hexdigest()


def load_private(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as exc:
        raise SigningKeyError(f"cannot read signing key {path}: {exc.strerror}") from None
    except ValueError:
        raise SigningKeyError(f"signing key {path} is not a PEM private key "
                        "(make one with `etax-conformance keygen`)") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"signing key {path} is not an Ed25519 key")
    return key


def load_public(data: bytes, where: str) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        raise SigningKeyError(f"{where} is not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError(f"{where} is not an Ed25519 public key")
    return key


def public_pem(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def write_manifest(folder: Path, signing_key: Path | None = None) -> dict[str, Any]:
    """Write manifest.json (and, with a key, manifest.sig and manifest.pub); returns the manifest."""
    for name in OWN:
        (folder / name).unlink(missing_ok=True)
    manifest = {"schema": SCHEMA, "created": now_iso(), "algorithm": "sha256", "files": hashes(folder)}
    data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if signing_key is not None:
        private = load_private(signing_key)
        manifest["signed_by"] = fingerprint(private.public_key())
        data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        (folder / SIGNATURE).write_text(base64.b64encode(private.sign(data)).decode() + "\n", encoding="ascii")
        (folder / PUBLIC_KEY).write_bytes(public_pem(private.public_key()))
    (folder / MANIFEST).write_bytes(data)
    return manifest


def keygen(prefix: Path) -> tuple[Path, Path, str]:
    """PREFIX.key (PEM, owner-only) and PREFIX.pub; returns both paths and the fingerprint."""
    private = Ed25519PrivateKey.generate()
    key, pub = prefix.with_name(prefix.name + ".key"), prefix.with_name(prefix.name + ".pub")
    if key.exists():
        raise FileExistsError(f"{key} exists already; choose another name")
    key.touch(mode=0o600)
    key.write_bytes(private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    pub.write_bytes(public_pem(private.public_key()))
    return key, pub, fingerprint(private.public_key())


def check_signature(folder: Path, public_key: Path | None) -> tuple[bool, str]:
    """(ok, what to say). With --public-key a signature by that key is required; without, the folder's own key."""
    sig_path, data = folder / SIGNATURE, (folder / MANIFEST).read_bytes()
    if not sig_path.exists():
        return (public_key is None, "signature: none (the manifest is not signed)" if public_key is None
                else f"signature: MISSING, but --public-key {public_key} was given")
    source = public_key or folder / PUBLIC_KEY
    try:
        public = load_public(source.read_bytes(), str(source))
        signature = base64.b64decode(sig_path.read_text(encoding="ascii").strip(), validate=True)
        public.verify(signature, data)
    except (OSError, SigningKeyError, ValueError) as exc:
        return False, f"signature: cannot be checked ({exc})"
    except InvalidSignature:
        return False, f"signature: INVALID for key {source} (manifest.json or manifest.sig was altered)"
    trust = "" if public_key else " — key taken from the folder: compare this fingerprint with the signer's"
    return True, f"signature: valid, key {fingerprint(public)}{trust}"
