"""The enterprise's own credentials, as both ways of 企业登录 check them: 纳税人识别号 and 企业密码."""

from __future__ import annotations

from simulator.common.passwords import verify_password
from simulator.common.views import Message, refused
from simulator.domain.enterprise import EnterpriseAccount, taxpayer_id_problem
from simulator.store.enterprises import EnterpriseStore

#: A form's value for a ticked 「同意协议」 (what a browser posts for the checkbox).
TICKED = "勾选"
AGREEMENT = "同意协议"


def agreement_problem(ticked: str) -> Message | None:
    return None if ticked == TICKED else refused("请阅读并勾选同意协议")


def enterprise_problem(enterprises: EnterpriseStore, tax_id: str,
                       password: str) -> tuple[EnterpriseAccount | None, Message | None]:
    """(the account, None) when the 纳税人识别号 (or 统一社会信用代码) and the 企业密码 are right, else (None, why)."""
    if not tax_id or not password:
        return None, refused("请输入纳税人识别号和企业密码")
    wrong_id = taxpayer_id_problem(tax_id)
    if wrong_id is not None:
        return None, refused(wrong_id)
    account = enterprises.find(tax_id)
    if account is None or not verify_password(password, account.password_hash):
        return None, refused("纳税人识别号或企业密码错误")
    return account, None
