"""Public-security face comparison (公安人像比对): the port, an HTTP adapter on requests, a fake."""

from __future__ import annotations

from typing import Protocol

import requests

from simulator.external.script import ExternalScript, ExternalServiceError, Fault

UNAVAILABLE = "人像比对服务暂时不可用，请稍后重试"


class FaceComparison(Protocol):
    """Whether a live photo is the holder of a resident ID; ExternalServiceError when it cannot tell."""

    def compare(self, name: str, id_number: str, photo: bytes) -> bool: ...


class HttpFaceComparison:
    """POST {base_url}/v1/compare {"name", "id_number", "photo" (hex)} → {"match": bool}."""

    def __init__(self, base_url: str, timeout: float = 5.0, http: requests.Session | None = None) -> None:
        self._url, self._timeout = base_url.rstrip("/") + "/v1/compare", timeout
        self._http = http or requests.Session()

    def compare(self, name: str, id_number: str, photo: bytes) -> bool:
        body = {"name": name, "id_number": id_number, "photo": photo.hex()}
        try:
            response = self._http.post(self._url, json=body, timeout=self._timeout)
        except requests.RequestException:
            raise ExternalServiceError(UNAVAILABLE) from None
        if not response.ok:
            raise ExternalServiceError(UNAVAILABLE)
        try:
            match = response.json()["match"]
        except (ValueError, KeyError, TypeError):
            raise ExternalServiceError(UNAVAILABLE) from None
        if not isinstance(match, bool):
            raise ExternalServiceError(UNAVAILABLE)
        return match


class FakeFaceComparison:
    """Answers from the script (match unless told otherwise); honours the scripted faults."""

    def __init__(self, script: ExternalScript) -> None:
        self._script = script

    def compare(self, name: str, id_number: str, photo: bytes) -> bool:
        if self._script.fault("face") is not Fault.OK:
            raise ExternalServiceError(UNAVAILABLE)
        return self._script.next_face_result()
