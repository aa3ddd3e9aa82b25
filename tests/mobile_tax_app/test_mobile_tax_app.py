"""移动办税APP (Liaoning manual 四): sign-in, new vs existing users, 实名采集 into the core tax system's records."""

from __future__ import annotations

import pytest

from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal
from simulator.common.test_control import SeedError
from simulator.common.views import View
from simulator.mobile_tax_app.screens import MOBILE_TAX_APP
from simulator.web.app import create_app
from tests.liaoning.liaoning_visitor import LiaoningVisitor


class AppUser:
    """One phone on /mtax/: signs in with an SMS code and walks the 实名采集 steps."""

    def __init__(self, portal: Portal, person: Identity) -> None:
        self.portal, self.person, self.session = portal, person, None

    def press(self, control: str, **form: str) -> View:
        self.session, view = self.portal.act(self.session, control, form, MOBILE_TAX_APP)
        return view

    def log_in(self, code: str | None = None) -> View:
        self.session = None
        self.press("获取验证码", 手机号码=self.person.phone)
        sent = self.portal.test_control.call("sms.outbox", {"phone": self.person.phone})["messages"][-1]["code"]
        return self.press("登录", 手机号码=self.person.phone, 短信验证码=code or sent)

    def collect(self, *, mobile: str | None = None) -> View:
        self.press("下一步", 姓名=self.person.name, 身份证号码=self.person.document_number)
        camera = self.press("下一步", 手机号码=mobile or self.person.phone)
        return self.press("拍摄", **camera.values)

    def record(self) -> dict[str, object]:
        return self.portal.test_control.call("core.real_name_record", {"id_number": self.person.document_number})


@pytest.fixture
def user(portal: Portal, person: Identity) -> AppUser:
    return AppUser(portal, person)


def test_a_new_user_lands_on_the_collection_once_then_on_the_home_page(user: AppUser) -> None:
    assert (user.log_in().screen, user.log_in().screen) == ("实名采集", "首页")


def test_an_existing_user_finds_the_menu_under_public_lookup(user: AppUser) -> None:
    user.portal.test_control.call("seed.mobile_tax_app_user", {"phone": user.person.phone})
    assert user.log_in().screen == "首页"
    service = user.press("服务")
    assert ("公众查找", "采集实名信息") in service.rows
    assert user.press("采集实名信息").tab == "添加本人身份证"


@pytest.mark.parametrize("payload", [{}, {"phone": "12345"}, {"phone": 13800000000}])
def test_seeding_an_existing_user_needs_a_mobile_number(portal: Portal, payload: dict[str, object]) -> None:
    with pytest.raises(SeedError):
        portal.test_control.call("seed.mobile_tax_app_user", payload)


def test_a_wrong_sms_code_signs_no_one_in_and_keeps_the_user_new(user: AppUser) -> None:
    assert user.log_in(code="000000").refused
    assert user.log_in().screen == "实名采集"


def test_each_step_checks_what_it_asks_for(user: AppUser) -> None:
    user.log_in()
    wrong = user.person.document_number[:-1] + ("1" if user.person.document_number[-1] != "1" else "2")
    view = user.press("下一步", 姓名=user.person.name, 身份证号码=wrong)
    assert (view.refused, view.tab, view.values["身份证号码"]) == (True, "添加本人身份证", wrong)
    view = user.press("下一步", 姓名=user.person.name, 身份证号码=user.person.document_number)
    assert view.values == {"手机号码": user.person.phone}  # the number signed in with, to confirm or change
    assert user.press("下一步", 手机号码="0241234567").refused


def test_only_a_matching_face_records_the_collection_with_the_enterprises_naming_the_person(
        portal: Portal, user: AppUser) -> None:
    visitor = LiaoningVisitor.with_enterprise(portal)
    portal.test_control.call("seed.registration_person", {
        "tax_id": visitor.enterprise.tax_id, "role": "办税人员", "name": user.person.name,
        "id_number": user.person.document_number, "mobile": user.person.phone})
    portal.test_control.call("face.next_result", {"match": False})
    user.log_in()
    refused = user.collect()
    assert (refused.refused, refused.tab, user.record()["collected"]) == (True, "采集识别脸部信息", False)
    done = user.press("拍摄", **refused.values)
    assert (done.refused, done.tab) == (False, "检测成功")
    assert user.record() == {"id_number": user.person.document_number, "collected": True, "name": user.person.name,
                             "mobile": user.person.phone, "enterprises": [visitor.enterprise.tax_id]}


@pytest.mark.parametrize("mode", ["down", "slow"])
def test_a_failing_face_comparison_records_nothing_and_a_retry_works(user: AppUser, mode: str) -> None:
    user.log_in()
    user.portal.test_control.call("external.fault", {"service": "face", "mode": mode})
    view = user.collect()
    assert view.refused
    assert "人像比对" in (view.message.text if view.message else "")
    assert user.record()["collected"] is False
    user.portal.test_control.call("external.fault", {"service": "face", "mode": "ok"})
    assert user.press("拍摄", **view.values).tab == "检测成功"


def test_collecting_again_changes_the_mobile_and_keeps_the_linked_enterprises(portal: Portal, user: AppUser) -> None:
    portal.test_control.call("seed.real_name_collection", {
        "id_number": user.person.document_number, "name": user.person.name, "mobile": user.person.phone,
        "enterprises": ["91210102MA0XXXXX0X"]})
    other = IdentityFactory("other").unregistered_phone()
    user.log_in()
    user.collect(mobile=other)
    assert (user.record()["mobile"], user.record()["enterprises"]) == (other, ["91210102MA0XXXXX0X"])


def test_a_capture_without_the_earlier_steps_starts_over(user: AppUser) -> None:
    user.log_in()
    view = user.press("拍摄", 照片="00")
    assert (view.refused, view.tab) == (True, "添加本人身份证")


def test_the_app_is_served_under_its_own_path_and_cookie() -> None:
    client = create_app().test_client()
    page = client.get("/mtax/")
    assert 'data-screen="登录"' in page.get_data(as_text=True)
    assert "etax_mobile_tax_session" in page.headers["Set-Cookie"]
