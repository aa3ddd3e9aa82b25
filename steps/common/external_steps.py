"""Steps about the external systems: SMS codes a person receives, faults, face-comparison results."""

from __future__ import annotations

from pytest_bdd import given, parsers, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity
from steps.common.sms import last_sms_code

SERVICES = {"短信服务": "sms", "公安人像比对服务": "face", "金税三期系统": "core"}
FAULTS = {"不可用": "down", "响应超时": "slow", "恢复正常": "ok", "返回不符的数据": "mismatch"}
FACE_RESULTS = {"一致": True, "不一致": False}


def _service(name: str) -> str:
    if name not in SERVICES:
        raise ValueError(f"未知的外部系统「{name}」（可用：{'、'.join(SERVICES)}）")
    return SERVICES[name]


FAULT_STEP = parsers.re(r"(?P<service>短信服务|公安人像比对服务|金税三期系统)"
                        r"(?P<state>不可用|响应超时|恢复正常|返回不符的数据)")


@given(FAULT_STEP)
@when(FAULT_STEP)
def external_fault(portal: PortalDriver, service: str, state: str) -> None:
    portal.hook("external.fault", {"service": _service(service), "mode": FAULTS[state]})


@given(parsers.parse("下一次人像比对结果为「{result}」"))
def next_face_result(portal: PortalDriver, result: str) -> None:
    if result not in FACE_RESULTS:
        raise ValueError(f"人像比对结果只能是「一致」或「不一致」，而不是「{result}」")
    portal.hook("face.next_result", {"match": FACE_RESULTS[result]})


@when(parsers.parse("在「{field}」中输入「{role}」收到的短信验证码"))
def received_sms_code(portal: PortalDriver, cast: dict[str, Identity], field: str, role: str) -> None:
    portal.fill(field, last_sms_code(portal, cast[role].phone, role))
