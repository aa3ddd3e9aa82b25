"""Login-name and password rules of ITS §2 (注意事项 1 and 2), each check saying why it fails."""

from __future__ import annotations

import re
import string

LOGIN_NAME_MIN, LOGIN_NAME_MAX = 2, 16
PASSWORD_MIN, PASSWORD_MAX = 8, 15
PASSWORD_MIN_CLASSES = 3

_LOGIN_NAME_CHARS = re.compile(r"^[A-Za-z0-9_\u4e00-\u9fff\U00020000-\U0003134f]+$")


def login_name_problem(name: str) -> str | None:
    """None when the login name (登录名) obeys the rule, else the reason in Chinese."""
    if not LOGIN_NAME_MIN <= len(name) <= LOGIN_NAME_MAX:
        return f"登录名应为{LOGIN_NAME_MIN}-{LOGIN_NAME_MAX}位字符"
    if not _LOGIN_NAME_CHARS.match(name):
        return "登录名只能由大小写字母、数字、中文、下划线构成"
    if name.isdigit():
        return "登录名不支持纯数字"
    return None


def password_classes(password: str) -> int:
    """How many of upper, lower, digit and special characters the password uses."""
    classes = (
        any(c.isupper() and c.isascii() for c in password),
        any(c.islower() and c.isascii() for c in password),
        any(c.isdigit() for c in password),
        any(c in string.punctuation for c in password),
    )
    return sum(classes)


def password_problem(password: str) -> str | None:
    """None when the password (密码) obeys the rule, else the reason in Chinese."""
    if any(c.isspace() for c in password):
        return "密码不允许空格"
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        return f"密码应为{PASSWORD_MIN}-{PASSWORD_MAX}位"
    if password_classes(password) < PASSWORD_MIN_CLASSES:
        return "密码须由字母大小写、数字、特殊字符其中三种或以上组成"
    return None
