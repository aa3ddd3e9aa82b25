"""Screens' pages grouped by system: found by name in their system's folder, refused when two systems claim one."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, TemplateError, TemplateNotFound

from simulator.web.grouped_templates import GroupedTemplates


def _env(tmp_path: Path, pages: dict[str, str]) -> Environment:
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Environment(loader=GroupedTemplates(tmp_path, "screens"), autoescape=True)


def test_a_page_is_found_in_its_systems_folder(tmp_path: Path) -> None:
    env = _env(tmp_path, {"screens/its/login.html": "账号密码登录", "screens/liaoning/ln_login.html": "企业登录"})
    assert env.get_template("screens/login.html").render() == "账号密码登录"
    assert env.get_template("screens/ln_login.html").render() == "企业登录"


def test_other_folders_and_unknown_pages_are_not_found(tmp_path: Path) -> None:
    env = _env(tmp_path, {"screens/its/login.html": "x", "page.html": "y"})
    for name in ("screens/missing.html", "page.html", "other/login.html", "screens/its"):
        with pytest.raises(TemplateNotFound):
            env.get_template(name)


def test_a_name_two_systems_use_is_an_error(tmp_path: Path) -> None:
    env = _env(tmp_path, {"screens/its/home.html": "a", "screens/liaoning/home.html": "b"})
    with pytest.raises(TemplateError, match="more than one"):
        env.get_template("screens/home.html")
