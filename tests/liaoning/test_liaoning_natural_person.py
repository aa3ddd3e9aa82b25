"""自然人登录 on the Liaoning login page: a registered person's account, the captcha, the service agreement."""

from __future__ import annotations

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.liaoning.screens import ETAX, LnScreen
from tests.conftest import seed_of


def _log_in(portal: Portal, person: Identity, password: str, agree: str = "勾选") -> tuple[str, object]:
    session, _ = portal.view(None, ETAX)
    portal.act(session, "自然人登录", {}, ETAX)
    form = {"用户名": person.login_name, "密码": password, "验证码": portal.test_control.current_captcha(session) or "",
            "服务协议": agree}
    return portal.act(session, "登录", form, ETAX)


def test_a_registered_person_reaches_the_home_page(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    _, view = _log_in(portal, person, person.password)
    assert view.screen == LnScreen.HOME  # type: ignore[attr-defined]
    assert ("自然人", person.name) in view.rows  # type: ignore[attr-defined]


def test_refusals_keep_the_user_name_and_draw_a_new_captcha(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    for password, agree in ((person.password + "x", "勾选"), (person.password, "")):
        session, view = _log_in(portal, person, password, agree)
        assert view.screen == LnScreen.LOGIN  # type: ignore[attr-defined]
        assert view.refused  # type: ignore[attr-defined]
        assert view.values["用户名"] == person.login_name  # type: ignore[attr-defined]
        assert portal.test_control.current_captcha(session) is not None


def test_logging_out_shows_the_enterprise_login_again(portal: Portal, person: Identity) -> None:
    portal.test_control.seed_person(seed_of(person))
    session, _ = _log_in(portal, person, person.password)
    _, view = portal.act(session, "退出", {}, ETAX)
    assert view.tab == "企业登录-普通登录"
