"""Password hashing with the standard library's scrypt; a stored hash never holds the password.

The cost is a setting of the simulator process, never of one account: `serve` (people at the keyboard) hashes
with STRONG, OWASP's scrypt minimum (N=2^15, r=8, p=3: 32 MiB, a few hundred ms); a test run (the in-process
driver, the simulator a browser run serves itself, the project's tests) with TEST, cheap because a run seeds
hundreds of accounts and nothing in it guards a real secret. Each hash keeps its own N, r and p, so a
hash made under one cost still verifies under the other. Runs record the cost in results.json.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HashCost:
    """scrypt's parameters under a name: N (CPU/memory), r (block size), p (parallelism)."""

    name: str
    n: int
    r: int
    p: int

    def as_json(self) -> dict[str, Any]:
        return {"scheme": "scrypt", "name": self.name, "n": self.n, "r": self.r, "p": self.p}


STRONG = HashCost("strong", 2**15, 8, 3)
TEST = HashCost("test", 2**4, 8, 1)
COSTS = {cost.name: cost for cost in (STRONG, TEST)}

_current = STRONG  # strong unless the process says it is a test run


def configure(cost: HashCost) -> None:
    """The cost of every hash made from now on in this process."""
    global _current
    _current = cost


def current_cost() -> HashCost:
    return _current


def hash_password(password: str) -> str:
    """A salted scrypt hash in the form scrypt$n$r$p$salt$digest."""
    cost, salt = _current, secrets.token_bytes(16)
    digest = _scrypt(password, salt, cost.n, cost.r, cost.p)
    return "$".join(("scrypt", str(cost.n), str(cost.r), str(cost.p), _b64(salt), _b64(digest)))


def verify_password(password: str, stored: str) -> bool:
    """Whether the password matches the stored hash (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    computed = _scrypt(password, _unb64(salt), int(n), int(r), int(p))
    return hmac.compare_digest(computed, _unb64(digest))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # scrypt needs 128·r·N bytes (+128·r·p); OpenSSL refuses more than 32 MiB unless maxmem says so.
    maxmem = 128 * r * (n + p + 2) + 2**20
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, maxmem=maxmem)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text)
