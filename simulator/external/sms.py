"""SMS gateway (短信网关): the port, an HTTP adapter on requests, and an in-memory fake."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol

import requests

from simulator.external.script import ExternalScript, ExternalServiceError, Fault

UNAVAILABLE = "短信服务暂时不可用，请稍后重试"


@dataclass(frozen=True)
class Sms:
    phone: str
    text: str


class SmsGateway(Protocol):
    """Sends one text message; raises ExternalServiceError when it cannot."""

    def send(self, phone: str, text: str) -> None: ...


class HttpSmsGateway:
    """POST {base_url}/v1/messages {"phone", "text"}; any non-2xx answer or a timeout is a failure."""

    def __init__(self, base_url: str, timeout: float = 3.0, http: requests.Session | None = None) -> None:
        self._url, self._timeout = base_url.rstrip("/") + "/v1/messages", timeout
        self._http = http or requests.Session()

    def send(self, phone: str, text: str) -> None:
        try:
            response = self._http.post(self._url, json={"phone": phone, "text": text}, timeout=self._timeout)
        except requests.RequestException:
            raise ExternalServiceError(UNAVAILABLE) from None
        if not response.ok:
            raise ExternalServiceError(UNAVAILABLE)


class FakeSmsGateway:
    """Delivers into a list; honours the scripted faults like the real service's stub does."""

    def __init__(self, script: ExternalScript) -> None:
        self._script, self._lock = script, threading.Lock()
        self.delivered: list[Sms] = []

    def send(self, phone: str, text: str) -> None:
        if self._script.fault("sms") is not Fault.OK:
            raise ExternalServiceError(UNAVAILABLE)
        with self._lock:
            self.delivered.append(Sms(phone, text))
