"""The alt skin's own names: entry prefixes, a path per screen, cookies, form field names, control codes."""

from __future__ import annotations

import base64
import zlib

from simulator.common.router import CLIENT

#: Each entry under its own prefix, with its own session cookie.
PREFIXES = {CLIENT: "/wsbs", "个人所得税APP": "/grsds", "辽宁省电子税务局": "/lnswj", "移动办税APP": "/ydbs",
            "青岛市电子税务局": "/qdetax", "青岛税务APP": "/sstapp"}
COOKIES = {CLIENT: "WSBS_SID", "个人所得税APP": "GRSDS_SID", "辽宁省电子税务局": "LNSWJ_SID", "移动办税APP": "YDBS_SID",
           "青岛市电子税务局": "QDETAX_TOKEN", "青岛税务APP": "SST_SID"}
ENTRY_BY_PREFIX = {prefix.strip("/"): entry for entry, prefix in PREFIXES.items()}
#: The field that carries the pressed control (the default skin's is `_control`).
ACTION = "dz"

#: One path per screen (pinyin initials, as such portals name them); unknown screens get `y-<crc32>`.
SLUGS = {
    "实名登录": "smdl", "扫码登录": "ewmdl", "手机端下载": "sjxz", "扣缴客户端登录": "kjdl", "申报密码登录": "sbmmdl",
    "CA登录": "cadl", "单位办税验证": "dwyz", "忘记申报密码": "wjsbmm", "扣缴客户端首页": "kjsy",
    "实名注册": "smzc", "选择注册方式": "zcfs", "大厅注册码注册": "dtzcm", "人脸识别认证注册": "rlzc",
    "录入生僻字": "sbz", "设置登录信息": "szdlxx", "忘记密码": "wjmm", "重置密码": "czmm",
    "个人所得税APP": "qidong", "用户注册协议": "zcxy", "人脸识别": "rlsb", "登录设置": "dlsz", "注册成功": "zccg",
    "登录": "denglu", "首页": "shouye", "个人中心": "grzx", "安全中心": "aqzx", "企业办税权限": "qybsqx",
    "企业办税人员列表": "bsrylb", "申报密码重置": "sbmmcz",
    "电子税务局登录": "dzswjdl", "办税人员选择": "bsryxz", "办税人身份验证": "sfyz", "设置个人密码": "szgrmm",
    "电子税务局首页": "dzswjsy", "社保费征收系统": "sbfzs", "选择待办企业": "dbqy", "找回密码": "zhmm",
    "设置新密码": "szxmm", "企业人员维护": "qyrywh", "身份维护": "sfwh", "添加办税人员": "tjbsry",
    "设置办税人员": "szbsry", "权限管理": "qxgl", "修改密码": "xgmm", "修改企业密码": "xgqymm",
    "实名采集": "smcj", "服务": "fuwu", "短信验证": "dxyz", "设置新的个人密码": "szxdgrmm",
    "手工维护办税人员": "sgwhbsry",
    # 青岛市电子税务局 (its screens carry the prefix 青岛:) and the 青岛税务APP (whose pages show the bare names).
    "青岛:登录": "index", "青岛:旧版登录": "jbdl", "青岛:第二验证因子": "ecyz", "青岛:刷脸验证": "slyz",
    "青岛:首页": "portal", "青岛:选择企业": "xzqy", "青岛:账户中心": "zhzx", "青岛:个人实名等级": "smdj",
    "青岛:个人密码修改": "grmmxg", "青岛:个人信息管理模块": "grxxgl", "青岛:发票开具": "fpkj",
    "青岛:身份信息校验": "zc-sfxx", "青岛:基本信息填写": "zc-jbxx", "青岛:忘记密码": "mmzh", "青岛:设置新密码": "mmcz",
    "青岛:扫码登录": "smdl-ewm", "青岛:切换主管税务机关": "qhswjg",
    "选择业务": "xzyw", "扫一扫": "sys", "扫脸认证": "slrz", "身份信息校验": "sfxxjy", "基本信息填写": "jbxxtx",
    "人脸识别认证": "rlsbrz",
}
#: Screens shown at another screen's path: the forced password change is a dialog over the Qingdao 首页.
SAME_PATH = {"青岛:重新设置密码": "青岛:首页"}

#: The form names of the fields the guides name; any other field travels as `x_<base32 of its label>`.
FIELD_NAMES = {
    "账号": "zh", "密码": "mm", "验证码": "yzm", "短信验证码": "dxyzm", "姓名": "xm", "证件类型": "zjlx",
    "证件号码": "zjhm", "国籍": "gj", "注册码": "zcm", "手机号码": "sjhm", "登录名": "dlm", "户籍所在地": "hjszd",
    "新密码": "xmm", "确认密码": "qrmm", "确认新密码": "qrxmm", "旧密码": "jmm", "纳税人识别号": "nsrsbh",
    "申报密码": "sbmm", "办税单位": "bsdw", "单位": "dw", "用户名": "yhm", "登录密码": "dlmm", "企业密码": "qymm",
    "登录身份": "dlsf", "同意协议": "tyxy", "服务协议": "fwxy", "协议密码": "xymm", "待办企业": "dbqy",
    "身份证件类型": "sfzjlx", "身份证件号码": "sfzjhm", "个人密码": "grmm", "确认个人密码": "qrgrmm",
    "身份类型": "sflx", "管理权限": "glqx", "权限身份名称": "qxsfmc", "权限描述": "qxms", "身份证号码": "sfzhm",
    "照片": "zp", "阅读并同意用户注册协议": "tyzcxy", "证书密码": "zsmm",
    "税号": "nsrsbh_qy", "企业": "qymc", "二维码": "ewmnr", "原密码": "ymm", "身份": "qhsf",
}
_LABELS = {name: label for label, name in FIELD_NAMES.items()}


def slug(screen: str) -> str:
    screen = SAME_PATH.get(screen, screen)
    return SLUGS.get(screen) or f"y-{zlib.crc32(screen.encode()):08x}"


def crumb(screen: str) -> str:
    """The screen as the page's breadcrumb names it (a dialog names the page under it; no system prefix)."""
    return SAME_PATH.get(screen, screen).removeprefix("青岛:")


def screen_path(entry: str, screen: str) -> str:
    return f"{PREFIXES[entry]}/{slug(screen)}"


def _b32(text: str) -> str:
    return base64.b32encode(text.encode()).decode().rstrip("=").lower()


def _unb32(code: str) -> str:
    padded = code.upper() + "=" * (-len(code) % 8)
    return base64.b32decode(padded).decode()


def field_name(label: str) -> str:
    return FIELD_NAMES.get(label) or f"x_{_b32(label)}"


def field_label(name: str) -> str | None:
    """The guide's label of a posted form name; None for a name this skin never writes."""
    if name in _LABELS:
        return _LABELS[name]
    if name.startswith("x_"):
        try:
            return _unb32(name[2:])
        except ValueError:
            return None
    return None


def action_code(control: str) -> str:
    """A control travels coded, as such portals post an operation code rather than a button's caption."""
    return _b32(control)


def action_of(code: str) -> str:
    try:
        return _unb32(code)
    except ValueError:
        return ""
