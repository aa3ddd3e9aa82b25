"""【用户注册】: nothing is stored before the face passes; the four documents need the hall first; level 四级."""

from __future__ import annotations

import pytest

from simulator.bootstrap import Portal
from simulator.qingdao.screens import QdScreen
from tests.qingdao.qingdao_visitor import ID_NUMBER, PASSWORD, PHONE, Visitor


def _register(visitor: Visitor, kind: str = "居民身份证", number: str = ID_NUMBER, user_name: str = "") -> None:
    visitor.press("自然人业务")
    visitor.press("用户注册")
    visitor.press("下一步", 证件类型=kind, 证件号码=number, 姓名="张三")
    visitor.press("下一步", 手机号码=PHONE, 用户名=user_name, 密码=PASSWORD, 确认密码=PASSWORD)


def test_a_failed_face_registers_nobody_and_a_second_try_does(portal: Portal) -> None:
    visitor = Visitor(portal)
    _register(visitor)
    assert visitor.view.screen == QdScreen.FACE
    visitor.hook("face.next_result", match=False)
    assert visitor.press("拍摄", 照片=visitor.view.values["照片"]).refused
    assert portal.test_control.call("qingdao.seed_user", {  # the number is still free
        "document_type": "居民身份证", "document_number": ID_NUMBER, "name": "张三", "phone": PHONE})
    portal.test_control.reset()
    visitor = Visitor(portal)
    _register(visitor)
    visitor.hook("face.next_result", match=False)
    visitor.press("拍摄", 照片=visitor.view.values["照片"])
    assert visitor.press("拍摄", 照片=visitor.view.values["照片"]).screen == QdScreen.LOGIN
    visitor.log_in()
    visitor.press("账户中心")
    assert ("个人实名等级", "四级") in visitor.press("个人实名等级").rows


@pytest.mark.parametrize("kind", ["外国护照", "中华人民共和国外国人工作许可证(B类)"])
def test_the_four_documents_register_only_after_the_hall_collected_them(portal: Portal, kind: str) -> None:
    visitor = Visitor(portal)
    _register(visitor, kind, "EA1234567")
    assert visitor.view.screen == QdScreen.REGISTER_IDENTITY
    assert visitor.view.refused
    visitor.hook("qingdao.hall_collection", document_type=kind, document_number="EA1234567", name="张三")
    visitor.press("返回")
    _register(visitor, kind, "EA1234567")
    assert visitor.view.screen == QdScreen.FACE


def test_a_bad_check_digit_is_refused_at_the_identity_check(portal: Portal) -> None:
    visitor = Visitor(portal)
    _register(visitor, number=ID_NUMBER[:-1] + "1")
    assert visitor.view.screen == QdScreen.REGISTER_IDENTITY
    assert visitor.view.refused


def test_a_number_registered_meanwhile_is_not_overwritten(portal: Portal) -> None:
    first, second = Visitor(portal), Visitor(portal)
    _register(first)
    _register(second)
    assert first.press("拍摄", 照片=first.view.values["照片"]).screen == QdScreen.LOGIN
    view = second.press("拍摄", 照片=second.view.values["照片"])
    assert view.screen == QdScreen.REGISTER_IDENTITY
    assert view.refused
