"""Optional capabilities that reach a Liaoning precondition without its pages: the first 普通登录 done, a 权限身份
maintained, a 办税人员 added, a row's action of 【企业人员维护】 confirmed (or its 重置密码), a 办税员's 身份类型
changed by 【权限管理】 (docs/vendors.md, "Shortcuts").

A scenario whose rule is NOT the first login or the 企业人员维护 only needs their outcome; the suite then asks for it
through these capabilities and walks the pages only where a portal lacks them. The simulator reaches the outcome by
pressing its own flows' controls on a scratch session (no page is rendered, no browser round trip): the same
actions, checks, variant readings and deviation switches as the pages, skipping only what proves a person is who
they say (the captcha, the 企业密码, the SMS code). A refusal on the way is the caller's error (400, its message).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from simulator.common.backstage import Backstage, ShortcutFlow, scratch
from simulator.common.flow import Flow, Hook
from simulator.common.row_controls import ROW_CONTROLS
from simulator.common.sessions import PortalSession
from simulator.common.test_control import SeedError
from simulator.common.views import MessageKind, View
from simulator.liaoning.enterprise_personnel import CONFIRMED, PERSON
from simulator.liaoning.handler_choice import SYNC
from simulator.liaoning.handler_login import current_handler, enter
from simulator.liaoning.permission_management import PERMISSIONS
from simulator.liaoning.personnel_screens import IDENTITY_TYPE, MANAGEMENT, PERSONNEL, TICKED, StaffScreen
from simulator.liaoning.screens import FACTOR, HANDLER, PASSWORD_LOGIN, TAX_ID, Liaoning, LnScreen
from simulator.liaoning.seeds import tax_id_of, text_of

FIRST_LOGIN, IDENTITY, ADD_HANDLER = "enterprise.first_login", "personnel.identity", "personnel.add_handler"
ROW_ACTION, PERMISSIONS_CHANGED = "personnel.row_action", "personnel.permissions"
#: The row actions of 【企业人员维护】: 删除 … 解绑 then confirmed (三(一)), 重置密码 at once (三(二)).
RESET = "重置密码"
ROW_ACTIONS = (*CONFIRMED, RESET)


def _scratch(tax_id: str, screen: str, handler: str | None = None) -> PortalSession:
    session = scratch(screen)
    session.state.update({TAX_ID: tax_id, HANDLER: handler, FACTOR: PASSWORD_LOGIN if handler else None})
    return session


def _expect(session: PortalSession, screen: str, doing: str) -> None:
    """The session reached `screen` with no refusal, else the pages' own refusal as the caller's error."""
    message = session.message
    if session.screen != screen or (message is not None and message.kind in (MessageKind.REFUSED,
                                                                              MessageKind.LOCKED)):
        said = f"：{message.text}" if message is not None else ""
        raise SeedError(f"{doing}: the portal stayed on「{session.screen}」{said}")


def _names(payload: Mapping[str, Any], key: str) -> list[str]:
    value = payload.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SeedError(f"'{key}' must be a list of names")
    return [v.strip() for v in value]


def _row(view: View, id_number: str) -> tuple[str, tuple[str, ...]] | None:
    """(name, buttons) of the person's row on a 企业人员维护 view; None when the page lists no such person."""
    rows = view.extras.get(ROW_CONTROLS, {}).get("rows", {})
    return next(((name, tuple(buttons)) for name, (key, buttons) in rows.items() if key == id_number), None)


class LiaoningShortcuts(ShortcutFlow):
    """Owns no screen; offers enterprise.first_login, and personnel.identity / add_handler / row_action / permissions
    where the portal has 企业人员维护 (Variant.liaoning_personnel)."""

    def __init__(self, liaoning: Liaoning, flows: Sequence[Flow]) -> None:
        self._ln, self._backstage = liaoning, Backstage(flows)

    def hooks(self) -> Mapping[str, Hook]:
        hooks: dict[str, Hook] = {FIRST_LOGIN: self.first_login}
        if self._ln.variant.liaoning_personnel:
            hooks.update({IDENTITY: self.identity, ADD_HANDLER: self.add_handler, ROW_ACTION: self.row_action,
                          PERMISSIONS_CHANGED: self.permissions})
        return hooks

    def first_login(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """初次普通登录 第2-4步 past the login page: 【同步办税人】, the person, (短信登录), 个人密码, 首页."""
        tax_id, number = tax_id_of(payload), text_of(payload, "id_number").upper()
        password = text_of(payload, "personal_password")
        if self._ln.enterprises.find(tax_id) is None:
            raise SeedError(f"no enterprise '{tax_id}' on the e-tax bureau: seed it with seed.enterprise first")
        session = _scratch(tax_id, LnScreen.HANDLERS)
        self._backstage.press(session, SYNC)
        _expect(session, LnScreen.HANDLERS, SYNC)
        self._backstage.press(session, number)
        _expect(session, LnScreen.IDENTITY, "picking the person")
        handler = current_handler(self._ln, session)
        if handler is None:
            raise SeedError(f"'{number}' is not a synced handler of '{tax_id}'")
        enter(self._ln, session, handler)  # what 【确定】 does once the SMS code is right
        if session.screen == LnScreen.SET_PASSWORD:
            self._backstage.press(session, "保存", {"新密码": password, "确认密码": password})
        _expect(session, LnScreen.HOME, "setting the 个人密码")
        done = current_handler(self._ln, session)
        if done is None or not done.has_personal_password:
            raise SeedError("the portal reached its 首页 without asking for a 个人密码")
        account = self._ln.enterprises.find(tax_id)
        return {"tax_id": tax_id, "id_number": number,
                "first_login_done": account is not None and account.first_login_done}

    def _manager_on_personnel(self, payload: Mapping[str, Any]) -> PortalSession:
        """A scratch session of the 法定代表人 or 财务负责人 `by` on 【企业人员维护】 (第5步)."""
        tax_id, by = tax_id_of(payload), text_of(payload, "by_id_number").upper()
        manager = self._ln.enterprises.handler(tax_id, by)
        if manager is None or not manager.has_personal_password:
            raise SeedError(f"'{by}' has not logged in to '{tax_id}' yet: enterprise.first_login first")
        session = _scratch(tax_id, LnScreen.HOME, by)
        self._backstage.press(session, PERSONNEL)  # the 首页 menu's gate: 法定代表人 and 财务负责人 only
        _expect(session, StaffScreen.PERSONNEL, "【企业人员维护】")
        return session

    def identity(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """第7步: 【身份维护】, 「权限身份名称」, 「权限描述」, the functions ticked, 【保存】."""
        session = self._manager_on_personnel(payload)
        name, functions = text_of(payload, "name"), _names(payload, "functions")
        description = text_of(payload, "description", required=False) or name
        self._backstage.press(session, "身份维护")
        _expect(session, StaffScreen.IDENTITIES, "【身份维护】")
        self._backstage.press(session, "保存", {"权限身份名称": name, "权限描述": description,
                                              **dict.fromkeys(functions, TICKED)})
        _expect(session, StaffScreen.IDENTITIES, f"saving the 权限身份「{name}」")
        saved = next((i for i in self._ln.personnel.identities(str(session.state[TAX_ID])) if i.name == name), None)
        unknown = sorted(set(functions) - set(saved.functions if saved else ()))
        if saved is None or unknown:
            raise SeedError(f"the function tree has no {unknown}" if unknown else f"「{name}」 was not saved")
        return {"tax_id": session.state[TAX_ID], "name": name, "functions": list(saved.functions)}

    def add_handler(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """第8-9步: 【添加办税人员】, 【搜索】 by 姓名 and 居民身份证号码, 【下一步】, the 个人密码, the 身份类型 (and
        管理权限) ticked, 【确定】."""
        session = self._manager_on_personnel(payload)
        name, number = text_of(payload, "name"), text_of(payload, "id_number").upper()
        password, identities = text_of(payload, "personal_password"), _names(payload, "identities")
        management = payload.get("management", False)
        if not isinstance(management, bool):
            raise SeedError("'management' must be true or false")
        self._backstage.press(session, "添加办税人员")
        _expect(session, StaffScreen.ADD_HANDLER, "【添加办税人员】")
        search = {"姓名": name, "身份证件类型": "居民身份证", "身份证件号码": number}
        self._backstage.press(session, "搜索", search)
        _expect(session, StaffScreen.ADD_HANDLER, "【搜索】")
        self._backstage.press(session, "下一步", search)
        _expect(session, StaffScreen.HANDLER_DETAILS, "【下一步】")
        ticked = {"个人密码": password, "确认个人密码": password, **dict.fromkeys(identities, TICKED)}
        self._backstage.press(session, "确定", {**ticked, **({MANAGEMENT: TICKED} if management else {})})
        _expect(session, StaffScreen.PERSONNEL, f"adding「{name}」")
        return {"tax_id": session.state[TAX_ID], "id_number": number, "identities": identities,
                "management": management}

    def _press_in_row(self, session: PortalSession, id_number: str, control: str) -> None:
        """The row's button, as the page posts it (the person's number); a button the row lacks is refused, as a
        person cannot press it; a person the page does not list is refused by the flow, in its words."""
        row = _row(self._backstage.view(session), id_number)
        if row is not None and control not in row[1]:
            raise SeedError(f"「{row[0]}」这一行没有【{control}】（有：{'、'.join(row[1])}）")
        self._backstage.press(session, control, {PERSON: id_number})

    def row_action(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """三(一): the row's 【删除】/【冻结】/【解冻】/【绑定】/【解绑】, then 确认 (the page's 【确定】); 三(二): its
        【重置密码】 (done at once)."""
        session = self._manager_on_personnel(payload)
        number, action = text_of(payload, "id_number").upper(), text_of(payload, "action")
        if action not in ROW_ACTIONS:
            raise SeedError(f"'action' must be one of {'、'.join(ROW_ACTIONS)}")
        self._press_in_row(session, number, action)
        _expect(session, StaffScreen.PERSONNEL, f"【{action}】")
        if action != RESET:
            self._backstage.press(session, "确定")
            _expect(session, StaffScreen.PERSONNEL, f"confirming【{action}】")
        return {"tax_id": session.state[TAX_ID], "id_number": number, "action": action}

    def permissions(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Summary 第四步 “权限管理”: the row's 【权限管理】, exactly these 身份类型 ticked (管理权限 as given, else as
        shown), 【确定】."""
        session = self._manager_on_personnel(payload)
        number, identities = text_of(payload, "id_number").upper(), _names(payload, "identities")
        management = payload.get("management")
        if management is not None and not isinstance(management, bool):
            raise SeedError("'management' must be true or false")
        self._press_in_row(session, number, PERMISSIONS)
        _expect(session, StaffScreen.PERMISSIONS, "【权限管理】")
        offered = tuple(self._backstage.view(session).options.get(IDENTITY_TYPE, ()))
        unknown = sorted(set(identities) - set(offered))
        if unknown:
            raise SeedError(f"「身份类型」中没有 {'、'.join(unknown)}（有：{'、'.join(offered)}）")
        form = {**session.values, **{name: TICKED if name in identities else "" for name in offered}}
        if management is not None:
            form[MANAGEMENT] = TICKED if management else ""
        self._backstage.press(session, "确定", form)
        _expect(session, StaffScreen.PERSONNEL, "【权限管理】【确定】")
        kept = self._ln.personnel.of(str(session.state[TAX_ID]), number)
        return {"tax_id": session.state[TAX_ID], "id_number": number, "identities": list(kept.identities),
                "management": kept.management}
