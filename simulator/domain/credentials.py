"""Re-export: the login-name and password rules are the guides' vocabulary (vocabulary/credentials.py)."""

from vocabulary.credentials import (
    LOGIN_NAME_MAX,
    LOGIN_NAME_MIN,
    PASSWORD_MAX,
    PASSWORD_MIN,
    PASSWORD_MIN_CLASSES,
    login_name_problem,
    password_classes,
    password_problem,
)

__all__ = ["LOGIN_NAME_MAX", "LOGIN_NAME_MIN", "PASSWORD_MAX", "PASSWORD_MIN", "PASSWORD_MIN_CLASSES",
           "login_name_problem", "password_classes", "password_problem"]
