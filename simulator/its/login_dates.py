"""What the login page offers by date (ITS 前言, 注意): 【实名登录】 from 2019-11-09, former ways before 2020."""

from __future__ import annotations

from simulator import deviations
from simulator.clock import Clock
from simulator.common.sessions import PortalSession
from simulator.common.views import View
from simulator.domain.units import former_logins_valid, real_name_login_offered

PASSWORD_LOGIN, CA_LOGIN = "申报密码登录", "CA登录"
#: The client's login page before 【实名登录】 went live on 2019-11-09: only the former ways in.
CLIENT_LOGIN = "扣缴客户端登录"
#: A variant shows the 实名登录 page before then too, and its 【登录】 says this.
LAUNCH_REFUSAL = "【实名登录】功能于2019年11月9日上线，目前暂不可用，请使用原申报密码或CA方式登录"


def former_login_controls(session: PortalSession, clock: Clock) -> tuple[str, ...]:
    """What the login page adds (注意): the former ways in, while they are still valid."""
    valid = former_logins_valid(clock.now())
    return (*((PASSWORD_LOGIN,) if valid or deviations.on("ITS_FORMER_PASSWORD_LOGIN_IN_2020") else ()),
            *((CA_LOGIN,) if valid or deviations.on("ITS_FORMER_CA_LOGIN_IN_2020") else ()))


def before_real_name_login(session: PortalSession, clock: Clock) -> View | None:
    """The login page before 2019-11-09 (前言): no 【实名登录】, only the former ways in; None from then on."""
    if real_name_login_offered(clock.now()):
        return None
    return View(CLIENT_LOGIN, controls=former_login_controls(session, clock), message=session.message,
                template="former_login_choice")
