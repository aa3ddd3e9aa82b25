"""The 移动办税APP's flows and capabilities, wired for the composition root."""

from __future__ import annotations

from simulator.common.flow import Flow
from simulator.common.sms_codes import SmsCodes
from simulator.external.wiring import Externals
from simulator.mobile_tax_app.app_login import MobileTaxAppLoginFlow
from simulator.mobile_tax_app.collection import RealNameCollectionFlow
from simulator.store.mobile_tax_app_users import MobileTaxAppUsers
from simulator.store.sqlite import SqliteStore


def mobile_tax_app_flows(store: SqliteStore, externals: Externals, sms_codes: SmsCodes) -> list[Flow]:
    """Sign-in, 首页 and 【服务】; 实名采集 through the face comparison into the core tax system's records."""
    return [MobileTaxAppLoginFlow(sms_codes, MobileTaxAppUsers(store)),
            RealNameCollectionFlow(externals.face, externals.script.core)]
