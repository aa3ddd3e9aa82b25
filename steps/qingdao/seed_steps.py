"""Steps that set up the Qingdao e-tax bureau through its hooks: existing users, hall collections, enterprises, the
dual track."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pytest_bdd import given, parsers, when

from drivers.protocol import PortalDriver
from fixtures.identities import IdentityFactory
from steps.qingdao.people import QdUser, new_user, tax_id_of

LEVELS = {"三级": 3, "四级": 4}


@pytest.fixture
def qd_users() -> dict[str, QdUser]:
    """The people of a Qingdao scenario, by the name the scenario gives them (「张三」)."""
    return {}


def user_in(qd_users: dict[str, QdUser], identities: IdentityFactory, scenario_seed: str, who: str,
            document_type: str = "居民身份证") -> QdUser:
    if who not in qd_users:
        qd_users[who] = new_user(identities, document_type, f"{scenario_seed}:{who}")
    return qd_users[who]


EXISTING = parsers.re(r"「(?P<who>[^」]+)」是青岛市电子税务局的存量用户(?:，持(?P<document>[^，]+))?"
                      r"(?:，(?P<password>已设置个人用户密码|仍使用初始密码))?(?:，实名等级为(?P<level>三级|四级))?"
                      r"(?:，用户名为「(?P<user_name>[^」]+)」)?")


@given(EXISTING)
def existing_user(portal: PortalDriver, qd_users: dict[str, QdUser], identities: IdentityFactory, scenario_seed: str,
                  who: str, document: str | None, password: str | None, level: str | None,
                  user_name: str | None) -> None:
    """存量用户 (FAQ 5): registered before; by default with a password of their own and at 三级 (no face check)."""
    user = user_in(qd_users, identities, scenario_seed, who, document or "居民身份证")
    initial = password == "仍使用初始密码"
    if user_name:
        user.user_name = user_name
    portal.hook("qingdao.seed_user", {
        "document_type": user.document_type, "document_number": user.document_number, "name": user.name,
        "phone": user.phone, "password": None if initial else user.password, "level": LEVELS[level or "三级"],
        "user_name": user.user_name if user_name else None})
    if initial:
        user.password = user.initial_password


@given(parsers.re(r"「(?P<who>[^」]+)」持(?P<document>.+)，尚未在青岛市电子税务局注册"))
def not_registered(qd_users: dict[str, QdUser], identities: IdentityFactory, scenario_seed: str, who: str,
                   document: str) -> None:
    user_in(qd_users, identities, scenario_seed, who, document)


@given(parsers.re(r"「(?P<who>[^」]+)」已在办税服务场所采集实名信息"))
def hall_collected(portal: PortalDriver, qd_users: dict[str, QdUser], who: str) -> None:
    """FAQ 6: the hall collects the real-name information of the four documents first (offline: seeded)."""
    user = qd_users[who]
    portal.hook("qingdao.hall_collection", {"document_type": user.document_type,
                                            "document_number": user.document_number, "name": user.name})


@given(parsers.re(r"「(?P<who>[^」]+)」是企业「(?P<enterprise>[^」]+)」的办税人员"))
def enterprise_handler(portal: PortalDriver, qd_users: dict[str, QdUser], identities: IdentityFactory,
                       scenario_seed: str, who: str, enterprise: str) -> None:
    user = user_in(qd_users, identities, scenario_seed, who)
    tax_id = tax_id_of(user, enterprise)
    portal.hook("qingdao.enterprise_handler", {"tax_id": tax_id, "name": enterprise,
                                               "document_number": user.document_number})


@given(parsers.re(r"青岛市电子税务局(?P<state>处于双轨运行期|的双轨运行期已结束)"))
def dual_track(portal: PortalDriver, state: str) -> None:
    """FAQ 2 (旧版登录将保留一段时间): a setting of the portal's test build."""
    portal.hook("qingdao.settings", {"dual_track": state == "处于双轨运行期"})


@given(parsers.parse("青岛市电子税务局的当前时间为 {moment}"))
@when(parsers.parse("青岛市电子税务局的当前时间为 {moment}"))
def clock_at(portal: PortalDriver, moment: str) -> None:
    """北京时间 (「青岛市电子税务局的当前时间为 2024-03-01 10:00」): a scenario whose rule counts days or years fixes
    the portal's clock, so a browser run does not depend on the real date."""
    portal.set_clock(datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo("Asia/Shanghai")))
