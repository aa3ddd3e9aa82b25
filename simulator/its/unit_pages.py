"""Views of 单位办税验证: the unit list, the 申报密码, 【忘记申报密码】 and the client's home page."""

from __future__ import annotations

import segno

from simulator import deviations
from simulator.common import item_lists
from simulator.common.sessions import PortalSession
from simulator.common.views import Screen, View
from simulator.domain.units import Unit

HOME = "扣缴客户端首页"
FORGOT = "忘记申报密码"
UNIT_FIELD = "办税单位"
TAX_ID = "纳税人识别号"
#: §1.3.1: 【忘记申报密码】 offers the "个人所得税WEB端" link and the "个人所得税APP" QR code.
WEB_LINK, APP_QR = "个人所得税WEB端", "个人所得税APP"
WEB_URL = "https://etax.chinatax.gov.cn/"
APP_URL = "https://etax.chinatax.gov.cn/download/"
#: Where a CA 校验 takes the certificate's PIN (the guide names no field; hooks v2 seed.unit tell steps the PIN).
CA_PIN_FIELD = "证书密码"


def _captcha(session: PortalSession) -> tuple[str, ...]:
    return ("验证码",) if session.captcha_required else ()


def tax_id_only(session: PortalSession) -> View:
    """A variant's first step of a first 实名办税: the 纳税人识别号 alone (its 申报密码 comes next)."""
    return View(Screen.UNIT_VERIFICATION, fields=(TAX_ID,), controls=("下一步", "退出"), message=session.message,
                values=dict(session.values), template="unit_verification",
                extras={"intro": "首次实名办税：请输入办税企业的纳税人识别号。"})


def choose(session: PortalSession, units: list[Unit], *, radio: bool = False) -> View:
    """Several units: pick one (【进入】, or a double-click in the browser); none known: 纳税人识别号.

    `radio`: a table of radio rows (name, 纳税人识别号) and 【进入】; a double-click on a row still enters (§1.3.2).
    """
    if not units:
        return View(Screen.UNIT_VERIFICATION, fields=(TAX_ID, "申报密码", *_captcha(session)),
                    controls=("提交", "退出"), message=session.message, captcha_required=session.captcha_required,
                    values=dict(session.values), template="unit_verification",
                    extras={"intro": "请输入办税企业的纳税人识别号和申报密码。"})
    names = tuple(unit.name for unit in units)
    enter = "登入" if deviations.on("ITS_ENTER_LABEL") else "进入"  # §1.3.2 【进入】
    if radio:
        return View(Screen.UNIT_VERIFICATION, fields=(UNIT_FIELD,), controls=(enter, "退出"), message=session.message,
                    options={UNIT_FIELD: names}, rows=tuple((unit.name, unit.tax_id) for unit in units),
                    template="unit_verification",
                    extras={"units": [(unit.name, unit.tax_id) for unit in units], "picker": "radio",
                            **item_lists.gestures(UNIT_FIELD, double_click=enter),
                            "intro": "请选择办税单位后点击【进入】，或双击该单位。"})
    return View(Screen.UNIT_VERIFICATION, fields=(UNIT_FIELD,), controls=(enter, "退出"), message=session.message,
                options={UNIT_FIELD: names}, template="unit_verification",
                extras={"units": [(unit.name, unit.tax_id) for unit in units],
                        **item_lists.gestures(UNIT_FIELD, double_click=enter),
                        "intro": "请双击办税单位，或选中后点击【进入】。"})


def password(session: PortalSession, unit: Unit, *, several: bool, ca: bool) -> View:
    """The chosen unit's 申报密码 (验证码 after a wrong one); 【CA校验】 when offered (a 本市 unit with a valid CA)."""
    controls = ["提交", "忘记申报密码"]
    if ca:
        controls.append("CA校验")
    if several:
        controls.append("返回")
    controls.append("退出")
    ca_pin = (CA_PIN_FIELD,) if ca else ()
    return View(Screen.UNIT_VERIFICATION, fields=("申报密码", *_captcha(session), *ca_pin), controls=tuple(controls),
                message=session.message, captcha_required=session.captcha_required, greeting=f"办税单位：{unit.name}",
                template="unit_verification", extras={"unit": (unit.name, unit.tax_id)})


def forgot(session: PortalSession) -> View:
    web_only = deviations.on("ITS_FORGOT_DECLARATION_WEB_ONLY")  # the "个人所得税APP" QR code left out
    qr = "" if web_only else segno.make(APP_URL, error="m").svg_inline(scale=3, title=APP_QR)
    return View(FORGOT, controls=(WEB_LINK, *(() if web_only else (APP_QR,)), "返回"), message=session.message,
                template="forgot_declaration_password",
                extras={"web_url": WEB_URL, "app_url": APP_URL, "app_qr_svg": qr,
                        "intro": "可由法定代表人或财务负责人通过以下任意一种方式重置申报密码。"})


def home(session: PortalSession, unit: Unit | None) -> View:
    return View(HOME, controls=("退出",), message=session.message,
                greeting=None if unit is None else f"当前办税单位：{unit.name}（{unit.tax_id}）")
