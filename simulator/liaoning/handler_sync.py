"""【同步办税人】: who of the tax registration may log in, from the core tax system (金税三期)."""

from __future__ import annotations

from simulator import deviations
from simulator.common.views import Message, MessageKind, refused
from simulator.domain.enterprise import Handler, sms_mobile_of
from simulator.external.core_tax import CoreTaxSystem
from simulator.external.script import ExternalServiceError
from simulator.store.enterprises import EnterpriseStore
from simulator.store.personnel import PersonnelStore

#: Manual 五 常见问题10, without the PDF's stray space; full-width commas as the portal prints them.
NOT_IN_REGISTRATION = "当前办税人与税务登记办税人信息不符，请通过变更税务登记维护办税人，并重新同步办税人信息。"


class HandlerSync:
    """Only persons whose 实名采集 is done, under the registered name, and linked to the enterprise are synced."""

    def __init__(self, core: CoreTaxSystem, enterprises: EnterpriseStore,
                 personnel: PersonnelStore | None = None) -> None:
        self._core, self._enterprises, self._personnel = core, enterprises, personnel

    def sync(self, tax_id: str) -> Message:
        """Replace the enterprise's handlers with what the core system says, or change nothing if it fails."""
        try:
            synced = self._eligible(tax_id)
        except ExternalServiceError as failure:
            return refused(f"同步办税人失败：{failure}")
        except LookupError as missing:
            return refused(str(missing.args[0]))
        self._enterprises.replace_handlers(tax_id, synced)
        if not synced:
            return Message("同步成功，但没有可登录的办税人员：税务登记中的人员须完成实名采集并与企业关联，"
                           "请先进行实名采集", MessageKind.INFO)
        return Message("同步完成" if deviations.on("LN_SYNC_MESSAGE_WORD") else "同步成功", MessageKind.SUCCESS)

    def _eligible(self, tax_id: str) -> list[Handler]:
        registration = self._core.registration(tax_id)
        if registration is None:
            raise LookupError("金税三期核心征管系统中没有该纳税人的税务登记信息")
        synced = []
        for person in registration.persons:
            record = self._core.real_name(person.id_number)
            linked = record is not None and (tax_id in record.enterprises or deviations.on("LN_SYNC_UNLINKED"))
            if record is None or not linked or record.name != person.name:
                continue  # summary 温馨提示2: 人员信息不匹配 → 须重新实名采集
            if self._personnel is not None and self._personnel.removed(tax_id, person.id_number) \
                    and not deviations.on("LN_DELETED_HANDLER_LOGS_IN"):
                continue  # 三(一)1: a handler deleted in 企业人员维护 no longer logs in for the enterprise
            synced.append(Handler(tax_id, person.id_number, person.name, person.role,
                                  sms_mobile_of(person, record.mobile), record.mobile))
        return synced

    def still_registered(self, handler: Handler) -> Message | None:
        """常见问题10: a handler no longer in the registration cannot log in until registration and sync agree."""
        try:
            registration = self._core.registration(handler.tax_id)
        except ExternalServiceError as failure:
            return refused(str(failure))
        if registration is None or registration.person(handler.id_number) is None:
            return refused(NOT_IN_REGISTRATION)
        return None
