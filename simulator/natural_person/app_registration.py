"""个人所得税APP实名注册 (ITS §2.2): 【注册】, the method, the agreement, the identity, face comparison."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import replace

from simulator import deviations
from simulator.clock import Clock
from simulator.common.flow import Action, Flow, FlowBase, Form
from simulator.common.sessions import PortalSession
from simulator.common.sms_codes import SmsCodes
from simulator.common.views import View, refused
from simulator.external.face import FaceComparison
from simulator.natural_person.app_face import FaceVerification
from simulator.natural_person.app_hall_code import HallCodes
from simulator.natural_person.app_login_settings import AppLoginSettingsFlow, Registrant, hand_over
from simulator.natural_person.app_rare_characters import RareCharacterPicker
from simulator.store.sqlite import SqliteStore
from simulator.variant import Variant
from vocabulary.documents import DocumentType

APP = "个人所得税APP"
HALL, FACE, RARE = "大厅注册码注册", "人脸识别认证注册", "录入生僻字"
METHOD = "app_registration.method"
DOCUMENT_TYPES = tuple(t.value for t in DocumentType)
HALL_FIELDS, FACE_FIELDS = ("注册码", "证件类型", "证件号码", "姓名", "国籍"), ("证件类型", "证件号码", "姓名")
#: ITS §2.2.1(4)/§2.2.2(3) 阅读并同意用户注册协议: a variant shows it as a box to tick plus 【下一步】.
CONSENT, TICKED = "阅读并同意用户注册协议", "勾选"
AGREEMENT = ("《用户注册协议》：您在个人所得税APP注册的账号用于自然人办税服务平台的实名办税；"
             "请如实填写身份信息，并妥善保管登录名、密码。")


class AppScreen(enum.StrEnum):
    """Session screens of this flow ('APP:' keeps the keys unique across flows; pages show the rest)."""

    HOME = "APP:个人所得税APP"
    METHODS = "APP:选择注册方式"
    AGREEMENT = "APP:用户注册协议"
    HALL_FORM = "APP:大厅注册码注册"
    FACE_FORM = "APP:人脸识别认证注册"
    RARE_CHARACTERS = "APP:录入生僻字"
    CAMERA = "APP:人脸识别"


#: Screens of buttons and a line of text: their controls and the text.
_PLAIN = {AppScreen.HOME: (("注册", "登录"), "欢迎使用个人所得税APP。"),
          AppScreen.METHODS: ((HALL, FACE, "返回"), "目前支持两种注册方式，人脸识别认证注册仅支持居民身份证。"),
          AppScreen.AGREEMENT: (("同意", "不同意"), AGREEMENT)}
#: The identity forms: their fields and controls.
_FORMS = {AppScreen.HALL_FORM: (HALL_FIELDS, ("下一步", RARE, "返回")),
          AppScreen.FACE_FORM: (FACE_FIELDS, ("开始人脸识别", RARE, "返回"))}


class AppRegistrationFlow(FlowBase):
    """Hall codes suit every document type; face comparison (公安人像比对) only the 居民身份证."""

    def __init__(self, store: SqliteStore, face: FaceComparison, hall_codes: HallCodes,
                 variant: Variant | None = None) -> None:
        self._store, self._hall_codes = store, hall_codes
        self._checkbox = (variant or Variant.default()).app_agreement_checkbox
        self._picker = RareCharacterPicker(AppScreen.RARE_CHARACTERS, "app_registration.rare")
        self._camera = FaceVerification(face, AppScreen.FACE_FORM, AppScreen.CAMERA)

    def entries(self) -> Mapping[str, str]:
        return {APP: AppScreen.HOME}

    def screens(self) -> Iterable[str]:
        return tuple(AppScreen)

    def actions(self) -> Mapping[tuple[str, str], Action]:
        home = lambda s, _: s.go(AppScreen.HOME)  # noqa: E731
        return {
            (AppScreen.HOME, "注册"): lambda s, _: s.go(AppScreen.METHODS),
            (AppScreen.METHODS, HALL): lambda s, _: self._choose(s, HALL),
            (AppScreen.METHODS, FACE): lambda s, _: self._choose(s, FACE),
            (AppScreen.AGREEMENT, "同意"): self._agree,
            (AppScreen.AGREEMENT, "下一步"): self._agree_by_box,
            (AppScreen.AGREEMENT, "返回"): home,
            **{(screen, "返回"): home for screen in (AppScreen.METHODS, *_FORMS)},
            (AppScreen.AGREEMENT, "不同意"): home,
            **{(screen, RARE): self._picker.open for screen in _FORMS},
            (AppScreen.HALL_FORM, "下一步"): self._check_hall_code,
            (AppScreen.FACE_FORM, "开始人脸识别"): self._start_face,
            (AppScreen.CAMERA, "拍摄"): self._camera.capture,
            (AppScreen.CAMERA, "返回"): lambda s, _: s.go(AppScreen.FACE_FORM),
            **self._picker.actions(),
        }

    def render(self, session: PortalSession) -> View:
        screen, message, values = AppScreen(session.screen), session.message, dict(session.values)
        shown = screen.value.removeprefix("APP:")
        if screen is AppScreen.AGREEMENT and self._checkbox:
            return View(shown, fields=(CONSENT,), controls=("下一步", "返回"), message=message,
                        extras={"intro": AGREEMENT, "checkboxes": (CONSENT,)})
        if screen in _PLAIN:
            controls, text = _PLAIN[screen]
            if screen is AppScreen.METHODS and deviations.on("ITS_FACE_METHOD_LABEL"):  # 【人脸识别认证注册】
                controls = tuple("人脸认证注册" if control == FACE else control for control in controls)
            return View(shown, controls=controls, message=message, extras={"intro": text})
        if screen in _FORMS:
            fields, controls = _FORMS[screen]
            return View(shown, fields=fields, controls=controls, message=message, values=values,
                        options={"证件类型": DOCUMENT_TYPES},
                        extras={"hint": "姓名中存在生僻字的，可点击【录入生僻字】通过笔画输入法录入。"})
        if screen is AppScreen.RARE_CHARACTERS:
            return self._picker.render(session, shown)
        return self._camera.render(session, shown)

    def _choose(self, session: PortalSession, method: str) -> None:
        session.state[METHOD] = method
        if deviations.on("ITS_APP_AGREEMENT_SKIPPABLE"):  # straight to the identity form, no agreement asked
            self._agree(session, {})
            return
        session.go(AppScreen.AGREEMENT)

    def _agree(self, session: PortalSession, _: Form) -> None:
        session.go(AppScreen.HALL_FORM if session.state.get(METHOD) == HALL else AppScreen.FACE_FORM)

    def _agree_by_box(self, session: PortalSession, form: Form) -> None:
        if form.get(CONSENT, "") != TICKED:
            session.go(AppScreen.AGREEMENT, refused("请先勾选「阅读并同意用户注册协议」"))
            return
        self._agree(session, form)

    def _check_hall_code(self, session: PortalSession, form: Form) -> None:
        typed = {f: form.get(f, "").strip() for f in HALL_FIELDS}
        problem = self._identity_problem(typed) or self._hall_codes.problem(
            typed["注册码"], typed["证件类型"], typed["证件号码"], typed["姓名"])
        if problem is not None:
            session.go(AppScreen.HALL_FORM, refused(problem), typed)
            return
        hand_over(session, replace(_identity(typed), hall_code=typed["注册码"]))

    def _start_face(self, session: PortalSession, form: Form) -> None:
        typed = {f: form.get(f, "").strip() for f in FACE_FIELDS}
        problem = self._identity_problem(typed) or self._camera.problem(_identity(typed))
        if problem is not None:
            session.go(AppScreen.FACE_FORM, refused(problem), typed)
            return
        self._camera.start(session, _identity(typed))

    def _identity_problem(self, typed: Mapping[str, str]) -> str | None:
        if not all(typed.values()):
            return "请完整填写身份信息"
        if typed["证件类型"] not in DOCUMENT_TYPES:
            return f"未知的证件类型「{typed['证件类型']}」"
        if self._store.find_by_document_number(typed["证件号码"]) is not None:
            return "该证件已注册，请直接登录"
        return None


def _identity(typed: Mapping[str, str]) -> Registrant:
    return Registrant(typed["姓名"], DocumentType(typed["证件类型"]), typed["证件号码"].upper())


def app_registration_flows(store: SqliteStore, clock: Clock, face: FaceComparison, sms_codes: SmsCodes,
                           variant: Variant | None = None) -> list[Flow]:
    """The APP's registration and the login settings it hands over to, for the composition root."""
    variant = variant or Variant.default()
    hall_codes = HallCodes(store, clock, variant)
    return [AppRegistrationFlow(store, face, hall_codes, variant),
            AppLoginSettingsFlow(store, sms_codes, hall_codes, AppScreen.HOME, variant)]
