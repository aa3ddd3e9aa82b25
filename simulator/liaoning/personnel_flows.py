"""企业人员维护 (with 权限管理) and 密码管理, wired for the Liaoning flows (manual 二(一) 第5-9步, 三(一), 三(二))."""

from __future__ import annotations

from simulator.common.flow import Flow
from simulator.liaoning.add_handler import AddHandlerFlow
from simulator.liaoning.enterprise_personnel import EnterprisePersonnelFlow
from simulator.liaoning.home_menu import HomeMenuFlow
from simulator.liaoning.identity_maintenance import IdentityMaintenanceFlow
from simulator.liaoning.manual_handler import ManualHandlerFlow
from simulator.liaoning.password_change import PasswordChangeFlow
from simulator.liaoning.permission_management import PermissionManagementFlow
from simulator.liaoning.screens import Liaoning


def personnel_flows(liaoning: Liaoning) -> list[Flow]:
    """The 首页 menu, the 企业人员维护 page, 身份维护, 【添加办税人员】, 【权限管理】 and the two password changes;
    only the 首页's functions for a portal without them (Variant.liaoning_personnel)."""
    if not liaoning.variant.liaoning_personnel:
        return [HomeMenuFlow(liaoning)]
    return [HomeMenuFlow(liaoning), EnterprisePersonnelFlow(liaoning), IdentityMaintenanceFlow(liaoning),
            AddHandlerFlow(liaoning), PermissionManagementFlow(liaoning), PasswordChangeFlow(liaoning),
            ManualHandlerFlow(liaoning)]
