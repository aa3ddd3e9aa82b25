"""Which implementations of the external systems a portal uses: fakes (served), or HTTP adapters."""

from __future__ import annotations

from dataclasses import dataclass

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
    """The real HTTP adapters (in-process runs point them at `responses` stubs sharing the script)."""
    return Externals(ExternalScript(), HttpSmsGateway(sms_base), HttpFaceComparison(face_base),
                     HttpCoreTaxSystem(core_base))
