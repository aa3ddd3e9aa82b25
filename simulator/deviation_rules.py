"""The ITS §2 login-name and password rules with one bound moved: what a deviation switch uses instead of the rule."""

from __future__ import annotations

from vocabulary.credentials import _LOGIN_NAME_CHARS, LOGIN_NAME_MIN, password_classes


def loose_login_name_problem(name: str, *, max_len: int = 16, digits_ok: bool = False) -> str | None:
    """login_name_problem with a longer maximum, or all-digit names allowed."""
    if not LOGIN_NAME_MIN <= len(name) <= max_len:
        return f"登录名应为{LOGIN_NAME_MIN}-{max_len}位字符"
    if not _LOGIN_NAME_CHARS.match(name):
        return "登录名只能由大小写字母、数字、中文、下划线构成"
    if name.isdigit() and not digits_ok:
        return "登录名不支持纯数字"
    return None


def loose_password_problem(password: str, *, min_len: int = 8, max_len: int = 15, min_classes: int = 3) -> str | None:
    """password_problem with another length or fewer kinds of characters."""
    if any(c.isspace() for c in password):
        return "密码不允许空格"
    if not min_len <= len(password) <= max_len:
        return f"密码应为{min_len}-{max_len}位"
    if password_classes(password) < min_classes:
        return "密码须由字母大小写、数字、特殊字符其中三种或以上组成"
    return None
