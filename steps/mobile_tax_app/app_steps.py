"""Steps of the 移动办税APP (Liaoning manual 四): its sign-in, 【服务】-「公众查找」, and 实名采集 step by step."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from drivers.protocol import PortalDriver
from fixtures.identities import Identity, IdentityFactory
from steps.common.expect import expect, normalise
from steps.common.sms import last_sms_code
from steps.liaoning.seed_steps import person_in

APP = "移动办税APP"


def _collection(portal: PortalDriver, person: Identity) -> dict[str, object]:
    return portal.hook("core.real_name_record", {"id_number": person.document_number})


@given(parsers.parse("「{who}」是移动办税APP的老用户"))
def existing_user(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory, who: str) -> None:
    """老用户: the number has signed in to the app before (the suite seeds it)."""
    portal.hook("seed.mobile_tax_app_user", {"phone": person_in(cast, identities, who).phone})


@when(parsers.parse("「{who}」以手机号码和短信验证码登录移动办税APP"))
def app_login(portal: PortalDriver, cast: dict[str, Identity], identities: IdentityFactory, who: str) -> None:
    """The suite's assumption (the guide does not say how the app signs in): mobile number and SMS code."""
    person = person_in(cast, identities, who)
    portal.open_entry(APP)
    portal.fill("手机号码", person.phone)
    portal.click("获取验证码")
    portal.fill("短信验证码", last_sms_code(portal, person.phone, who))
    portal.click("登录")


@when(parsers.re(r"「(?P<who>[^」]+)」添加本人身份证(?P<wrong>，身份证号码校验位错误)?"))
def add_id_card(portal: PortalDriver, cast: dict[str, Identity], who: str, wrong: str | None) -> None:
    number = cast[who].document_number
    if wrong:  # any other last character breaks the check digit of a 居民身份证号码
        number = number[:-1] + ("1" if number[-1] != "1" else "2")
    portal.fill("姓名", cast[who].name)
    portal.fill("身份证号码", number)
    portal.click("下一步")


@when(parsers.parse("补充「{who}」本人的手机号码"))
def more_info(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    portal.fill("手机号码", cast[who].phone)
    portal.click("下一步")


@when("采集识别脸部信息")
def capture_face(portal: PortalDriver) -> None:
    portal.click("拍摄")


@when(parsers.parse("「{who}」在移动办税APP中按步骤完成实名采集"))
def collect(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    """添加本人身份证, 补充信息, 采集识别脸部信息 (from the 实名采集 page)."""
    add_id_card(portal, cast, who, None)
    more_info(portal, cast, who)
    capture_face(portal)


@then(parsers.parse("没有进入「{screen}」"))
def not_on_screen(portal: PortalDriver, screen: str) -> None:
    expect(normalise(portal.screen()) != normalise(screen), f"当前页面不是「{screen}」",
           lambda: f"「{portal.screen()}」")


@then(parsers.parse("「{section}」中有【{menu}】"))
def menu_in_section(portal: PortalDriver, section: str, menu: str) -> None:
    expect(portal.shows_control(menu) and portal.shows_row((section, menu)), f"「{section}」中有【{menu}】",
           lambda: f"「{portal.screen()}」页面上没有")


@then(parsers.parse("检测成功，金税三期中有「{who}」的实名采集信息，手机号码为本人手机号码"))
def collected(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    record = _collection(portal, cast[who])
    expect(not portal.is_refused(), "检测成功", lambda: f"被拒绝：「{portal.message()}」")
    expect(record.get("collected") is True and record.get("mobile") == cast[who].phone,
           f"金税三期中有「{who}」的实名采集信息，手机号码为 {cast[who].phone}", record)


@then(parsers.parse("金税三期中没有「{who}」的实名采集信息"))
def not_collected(portal: PortalDriver, cast: dict[str, Identity], who: str) -> None:
    record = _collection(portal, cast[who])
    expect(record.get("collected") is False, f"金税三期中没有「{who}」的实名采集信息", record)
