"""注册 in the 青岛税务APP (FAQ 6): the web registration's rules, the one Qingdao user store, 四级, the web login."""

from __future__ import annotations

import pytest

from simulator.bootstrap import Portal
from simulator.common.views import View
from simulator.qingdao.people import QdPeople
from simulator.qingdao.registrar import ALREADY, HALL_FIRST, Draft, Registrar
from simulator.qingdao_app.screens import QINGDAO_APP, QdAppScreen, shown
from simulator.store.sqlite import SqliteStore
from tests.qingdao.qingdao_visitor import ID_NUMBER, PASSWORD, PHONE, Visitor


class AppVisitor:
    """One session of the 青岛税务APP."""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.session, self.view = portal.view(None, QINGDAO_APP)

    def press(self, control: str, **form: str) -> View:
        self.session, self.view = self.portal.act(self.session, control, form, QINGDAO_APP)
        return self.view

    def register(self, kind: str = "居民身份证", number: str = ID_NUMBER) -> View:
        """注册 up to the face capture (or the refusal before it)."""
        self.press("注册")
        if self.press("下一步", 证件类型=kind, 证件号码=number, 姓名="张三").refused:
            return self.view
        return self.press("下一步", 手机号码=PHONE, 用户名="", 密码=PASSWORD, 确认密码=PASSWORD)

    def shoot(self) -> View:
        return self.press("拍摄", 照片=self.view.values["照片"])


def test_the_app_registers_the_person_the_web_logs_in_at_level_four(portal: Portal) -> None:
    app = AppVisitor(portal)
    assert app.register().screen == shown(QdAppScreen.REGISTER_FACE)
    portal.test_control.call("face.next_result", {"match": False})
    assert app.shoot().refused  # a failed face registers nobody and keeps the camera open (FAQ 7)
    assert Visitor(portal).first_factor().refused
    assert app.shoot().screen == shown(QdAppScreen.LOGIN)
    web = Visitor(portal)
    web.log_in()
    web.press("账户中心")
    assert ("个人实名等级", "四级") in web.press("个人实名等级").rows


def test_a_number_registered_on_the_web_is_refused_in_the_app(portal: Portal) -> None:
    Visitor(portal).seed()
    view = AppVisitor(portal).register()
    assert view.refused
    assert view.screen == shown(QdAppScreen.REGISTER_IDENTITY)


@pytest.mark.parametrize("kind", ["外国护照", "中华人民共和国外国人工作许可证(A类)"])
def test_the_four_documents_register_in_the_app_only_after_the_hall(portal: Portal, kind: str) -> None:
    app = AppVisitor(portal)
    assert app.register(kind, "EA1234567").refused
    portal.test_control.call("qingdao.hall_collection",
                             {"document_type": kind, "document_number": "EA1234567", "name": "张三"})
    app.press("返回")
    assert app.register(kind, "EA1234567").screen == shown(QdAppScreen.REGISTER_FACE)
    assert app.shoot().screen == shown(QdAppScreen.LOGIN)


def test_the_registrar_is_the_one_rule_set() -> None:
    registrar = Registrar(QdPeople(SqliteStore(":memory:")))
    assert registrar.identity("外国护照", "EA1234567", "张三") == HALL_FIRST
    draft = registrar.identity("居民身份证", ID_NUMBER.lower(), " 张三 ")
    assert draft == Draft("居民身份证", ID_NUMBER, "张三")
    assert isinstance(draft, Draft)
    assert registrar.register(draft) == "请先填写基本信息"  # nothing stored before 基本信息填写
    filled = registrar.basic(draft, {"手机号码": PHONE, "密码": PASSWORD, "确认密码": PASSWORD})
    assert isinstance(filled, Draft)
    again = registrar.basic(draft, {"手机号码": PHONE, "密码": PASSWORD, "确认密码": PASSWORD})
    assert isinstance(again, Draft)
    assert registrar.register(filled) is None
    assert registrar.register(again) == ALREADY  # a second client registering the same number meanwhile
    assert registrar.identity("居民身份证", ID_NUMBER, "张三") == ALREADY
