"""One-time QR login tokens (ITS §1.2 扫码登录): issued at a time, expiring, usable once."""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from simulator import deviations

#: Simulator default: how long a login QR code stays usable. The guide fixes no lifetime (only that an
#: expired code must be refreshed), so scenarios never assert this number; the hooks report it.
QR_LIFETIME = timedelta(seconds=120)
#: What the login QR code encodes: this prefix, then the token (the 个人所得税APP reads it when scanning).
QR_PAYLOAD_PREFIX = "etax-sim://qr-login?token="
#: Simulator default: what the 【手机端下载】 QR code encodes (the 个人所得税APP's download page).
APP_DOWNLOAD_URL = "https://etax-simulator.invalid/download/个人所得税APP"


class TokenProblem(enum.StrEnum):
    """Why a scanned code cannot log in, as the 个人所得税APP would tell its user."""

    EXPIRED = "二维码已过期，请在客户端刷新二维码后重新扫描"
    USED = "二维码已被使用，请在客户端刷新二维码后重新扫描"
    REPLACED = "二维码已失效，请扫描客户端当前显示的二维码"


@dataclass(frozen=True)
class LoginToken:
    """A QR login code: valid from `issued_at` until (not including) `issued_at + lifetime`, once."""

    value: str
    issued_at: datetime
    lifetime: timedelta = QR_LIFETIME
    used_at: datetime | None = None
    replaced: bool = False

    @property
    def expires_at(self) -> datetime:
        return self.issued_at + self.lifetime

    def is_expired(self, now: datetime) -> bool:
        return now >= self.expires_at

    def seconds_left(self, now: datetime) -> float:
        return max(0.0, (self.expires_at - now).total_seconds())

    def problem(self, now: datetime) -> TokenProblem | None:
        """Why the code cannot be used now, or None when it can."""
        if self.used_at is not None and not deviations.on("ITS_QR_REUSABLE"):
            return TokenProblem.USED
        if self.replaced:
            return TokenProblem.REPLACED
        if self.is_expired(now) and not deviations.on("ITS_QR_NEVER_EXPIRES"):
            return TokenProblem.EXPIRED
        return None

    def state(self, now: datetime) -> str:
        """pending (scannable), used, replaced or expired."""
        problem = self.problem(now)
        return "pending" if problem is None else problem.name.lower()

    def use(self, now: datetime) -> LoginToken:
        """The token after a successful scan; refuses a token that cannot be used."""
        problem = self.problem(now)
        if problem is not None:
            raise ValueError(problem.value)
        return replace(self, used_at=now)

    @property
    def payload(self) -> str:
        """The text the QR code encodes."""
        return QR_PAYLOAD_PREFIX + self.value


def issue(now: datetime, lifetime: timedelta = QR_LIFETIME) -> LoginToken:
    """A new, unguessable token issued now."""
    return LoginToken(value=secrets.token_urlsafe(18), issued_at=now, lifetime=lifetime)


def token_of(scanned: str) -> str:
    """The token in what was scanned: the QR code's payload, or the bare token."""
    scanned = scanned.strip()
    return scanned[len(QR_PAYLOAD_PREFIX):] if scanned.startswith(QR_PAYLOAD_PREFIX) else scanned
