"""A visitor of the Liaoning e-tax bureau in the tests: seeds an enterprise and its people, logs in by verbs."""

from __future__ import annotations

from dataclasses import dataclass

from fixtures.enterprises import EnterpriseData, EnterpriseFactory
from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import Portal
from simulator.common.views import View
from simulator.liaoning.screens import ETAX


@dataclass
class LiaoningVisitor:
    """One browser tab on /etax/: its session id and what it sees last."""

    portal: Portal
    enterprise: EnterpriseData
    session: str | None = None
    view: View | None = None

    @classmethod
    def with_enterprise(cls, portal: Portal, seed: str = "tests") -> LiaoningVisitor:
        enterprise = EnterpriseFactory(seed).enterprise()
        portal.test_control.call("seed.enterprise", {"tax_id": enterprise.tax_id, "name": enterprise.name,
                                                     "password": enterprise.password})
        return cls(portal, enterprise)

    def person(self, identities: IdentityFactory, role: str, *, collected: bool = True, linked: bool = True,
               mobile: str | None = None) -> Identity:
        """A person in the registration (with 【移动电话】 = mobile or their phone), collected and linked if told."""
        who = identities.person()
        self.portal.test_control.call("seed.registration_person", {
            "tax_id": self.enterprise.tax_id, "role": role, "name": who.name, "id_number": who.document_number,
            "mobile": who.phone if mobile is None else mobile})
        if collected:
            self.portal.test_control.call("seed.real_name_collection", {
                "id_number": who.document_number, "name": who.name, "mobile": who.phone,
                "enterprises": [self.enterprise.tax_id] if linked else []})
        return who

    def press(self, control: str, **form: str) -> View:
        if self.view is None:
            self.session, self.view = self.portal.view(self.session, ETAX)
        self.session, self.view = self.portal.act(self.session, control, form, ETAX)
        return self.view

    def log_in(self, password: str | None = None, *, agree: bool = True) -> View:
        self.session, self.view = self.portal.view(self.session, ETAX)
        self.press("普通登录")  # the page may still show 快捷登录
        captcha = self.portal.test_control.current_captcha(self.session) or ""
        form = {"纳税人识别号": self.enterprise.tax_id, "企业密码": password or self.enterprise.password,
                "验证码": captcha, "同意协议": "勾选" if agree else ""}
        return self.press("登录", **form)

    def sms_code(self, phone: str) -> str:
        messages = self.portal.test_control.call("sms.outbox", {"phone": phone})["messages"]
        return str(messages[-1]["code"])
