"""Which implementations of the external systems a portal uses: fakes (served), or HTTP adapters."""

from __future__ import annotations

from dataclasses import dataclass

import requests

from simulator.external.core_tax import CoreTaxSystem, FakeCoreTaxSystem, HttpCoreTaxSystem
from simulator.external.face import FaceComparison, FakeFaceComparison, HttpFaceComparison
from simulator.external.script import ExternalScript
from simulator.external.sms import FakeSmsGateway, HttpSmsGateway, SmsGateway


@dataclass(frozen=True)
class Externals:
    """The external systems of one portal, and the script that faults them."""

    script: ExternalScript
    sms: SmsGateway
    face: FaceComparison
    core: CoreTaxSystem


def fakes() -> Externals:
    """In-memory stand-ins, for a served simulator with no real gateways to reach."""
    script = ExternalScript()
    return Externals(script, FakeSmsGateway(script), FakeFaceComparison(script), FakeCoreTaxSystem(script))


def over_http(sms_base: str, face_base: str, core_base: str = "http://core-tax.simulator.invalid") -> Externals:
    """The real HTTP adapters (in-process runs point them at `responses` stubs sharing the script).

    One session for the three; it ignores proxy and netrc settings of the environment, which requests would
    otherwise read on every call (the stubs answer in this process).
    """
    http = requests.Session()
    http.trust_env = False
    return Externals(ExternalScript(), HttpSmsGateway(sms_base, http=http), HttpFaceComparison(face_base, http=http),
                     HttpCoreTaxSystem(core_base, http=http))
