"""profile@2 and the hooks: the browser's session named by the profile's cookie, enumerations in the portal's words."""

from __future__ import annotations

from fixtures.identities import Identity
from tests.common.static_portal import Make, RecordingHooks, chromium, static_portal
from vocabulary.documents import DocumentType

__all__ = ["chromium", "static_portal"]

PROFILE = """
messages: {area: ".toast"}
screens: {登录: {url: "/*"}}
entries: {个人所得税APP: /app}
hooks: {session_cookie: {扣缴客户端: sid, 个人所得税APP: app_sid}}
aliases: {中华人民共和国护照: 中国护照, 办税人员: 办税员}
"""
COOKIES = {"/": {"set-cookie": "sid=client-42; Path=/"}, "/app": {"set-cookie": "app_sid=app-7; Path=/"}}


def test_captcha_and_sms_are_read_for_this_browsers_session_of_the_entry_in_use(static_portal: Make) -> None:
    hooks = RecordingHooks()
    driver = static_portal(PROFILE, {"/": "<p>登录</p>", "/app": "<p>APP</p>"}, headers=COOKIES, hooks=hooks)
    driver.open_login()
    assert driver.current_captcha() == "1234"
    driver.hook("sms.outbox", {"phone": "13800000000"})
    driver.open_entry("个人所得税APP")
    driver.current_captcha()
    assert hooks.calls == [("captcha", "client-42"), ("sms.outbox", {"phone": "13800000000", "session": "client-42"}),
                           ("captcha", "app-7")]


def test_enumerations_are_sent_to_the_hooks_in_the_portals_spelling(static_portal: Make, person: Identity) -> None:
    hooks = RecordingHooks()
    driver = static_portal(PROFILE, {"/": "<p>登录</p>"}, hooks=hooks)
    passport = Identity(**{**vars(person), "document_type": DocumentType.CHINESE_PASSPORT})
    driver.seed_person(passport)
    driver.hook("seed.unit", {"document_type": "中华人民共和国护照", "roles": ["办税人员", "财务负责人"],
                              "name": "办税人员"})
    assert hooks.calls == [("seed_person", "中国护照"), ("seed.unit", {
        "document_type": "中国护照", "roles": ["办税员", "财务负责人"], "name": "办税人员"})]
