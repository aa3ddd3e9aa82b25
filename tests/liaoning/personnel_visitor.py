"""Verbs of 企业人员维护 for the tests: the boss logged in, identities maintained, a handler added."""

from __future__ import annotations

from fixtures.identities import Identity
from simulator.common.views import View
from simulator.liaoning.screens import LnScreen
from tests.liaoning.liaoning_visitor import LiaoningVisitor

BOSS_PASSWORD = "Abcd1234!"


def boss_home(visitor: LiaoningVisitor, boss: Identity, *, first: bool = True) -> View:
    """The legal representative on the 首页: a first login (SMS, 个人密码) or the 「密码登录」 after it."""
    visitor.log_in()
    if first:
        visitor.press("同步办税人")
    visitor.press(boss.document_number)
    if first:
        visitor.press("获取验证码")
        visitor.press("确定", 短信验证码=visitor.sms_code(boss.phone))
        view = visitor.press("保存", 新密码=BOSS_PASSWORD, 确认密码=BOSS_PASSWORD)
    else:
        visitor.press("密码登录")
        view = visitor.press("确定", 密码=BOSS_PASSWORD)
    assert view.screen == LnScreen.HOME, view.message
    return view


def personnel_page(visitor: LiaoningVisitor) -> View:
    visitor.press(visitor.enterprise.name)
    return visitor.press("企业人员维护")


def add_identity(visitor: LiaoningVisitor, name: str, *functions: str) -> View:
    visitor.press("身份维护")
    view = visitor.press("保存", 权限身份名称=name, 权限描述="测试", **{f: "勾选" for f in functions})
    visitor.press("返回")
    return view


def add_handler(visitor: LiaoningVisitor, who: Identity, identity: str, password: str = "Wxyz5678#") -> View:
    visitor.press("添加办税人员")
    visitor.press("搜索", 姓名=who.name, 身份证件类型="居民身份证", 身份证件号码=who.document_number)
    visitor.press("下一步")
    return visitor.press("确定", 个人密码=password, 确认个人密码=password, **{identity: "勾选"})
