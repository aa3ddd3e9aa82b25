"""One contract, two implementations: the fakes and the HTTP adapters (over `responses` stubs) behave alike."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import responses

from simulator.external import stubs
from simulator.external.script import ExternalServiceError
from simulator.external.wiring import Externals, fakes, over_http


@pytest.fixture(params=["fake", "http"])
def externals(request: pytest.FixtureRequest) -> Iterator[Externals]:
    if request.param == "fake":
        yield fakes()
        return
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        wired = over_http(stubs.SMS_BASE, stubs.FACE_BASE)
        stubs.install(mock, wired.script)
        yield wired


def test_sms_is_sent_when_the_gateway_is_up(externals: Externals) -> None:
    externals.sms.send("13800138000", "验证码123456")


@pytest.mark.parametrize("mode", ["down", "slow"])
def test_sms_failure_is_a_clear_error(externals: Externals, mode: str) -> None:
    externals.script.set_fault("sms", mode)
    with pytest.raises(ExternalServiceError, match="短信服务暂时不可用"):
        externals.sms.send("13800138000", "验证码123456")
    externals.script.set_fault("sms", "ok")
    externals.sms.send("13800138000", "验证码123456")


def test_face_answers_the_scripted_results_in_order(externals: Externals) -> None:
    externals.script.script_face(False)
    externals.script.script_face(True)
    assert externals.face.compare("张三", "11010519491231002X", b"photo") is False
    assert externals.face.compare("张三", "11010519491231002X", b"photo") is True
    assert externals.face.compare("张三", "11010519491231002X", b"photo") is True


@pytest.mark.parametrize("mode", ["down", "slow"])
def test_face_failure_is_a_clear_error(externals: Externals, mode: str) -> None:
    externals.script.set_fault("face", mode)
    with pytest.raises(ExternalServiceError, match="人像比对服务暂时不可用"):
        externals.face.compare("张三", "11010519491231002X", b"photo")


def test_unknown_service_or_fault_is_refused() -> None:
    script = fakes().script
    with pytest.raises(ValueError, match="unknown external service"):
        script.set_fault("tax-core", "down")
    with pytest.raises(ValueError, match="unknown fault"):
        script.set_fault("sms", "broken")


@pytest.mark.parametrize(("status", "body"), [(500, "{}"), (200, "not json"), (200, '{"match": "yes"}')])
def test_http_face_adapter_refuses_bad_answers(status: int, body: str) -> None:
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, stubs.FACE_BASE + "/v1/compare", status=status, body=body)
        with pytest.raises(ExternalServiceError):
            over_http(stubs.SMS_BASE, stubs.FACE_BASE).face.compare("张三", "1", b"")
