"""The served simulator: a seeded account survives a restart; hooks need the token over real HTTP."""

from __future__ import annotations

from pathlib import Path

import requests

from drivers.hooks_client import HooksClient
from etax_conformance.serving import ServedSimulator
from fixtures.identities import Identity


def _login_screen(url: str, identity: Identity) -> str:
    with requests.Session() as browser:
        form = browser.get(url + "/", timeout=10).text  # the login page, with its form's CSRF token
        token = form.split('name="_csrf" value="', 1)[1].split('"', 1)[0]
        page = browser.post(url + "/act", data={"_control": "登录", "账号": identity.login_name,
                                                "密码": identity.password, "_csrf": token}, timeout=10)
    marker = 'data-screen="'
    return page.text.split(marker, 1)[1].split('"', 1)[0]


def test_seeded_account_survives_a_restart(tmp_path: Path, person: Identity) -> None:
    db = tmp_path / "portal.sqlite3"
    first = ServedSimulator.start(db)
    try:
        HooksClient(first.url + "/__conformance__/v1", first.hooks_token).seed_person(person)
    finally:
        first.stop()
    second = ServedSimulator.start(db)
    try:
        assert _login_screen(second.url, person) == "单位办税验证"
        refused = requests.post(second.url + "/__conformance__/v1/reset", timeout=10)
        assert refused.status_code == 401
        wrong = requests.post(second.url + "/__conformance__/v1/reset", timeout=10,
                              headers={"X-Conformance-Token": first.hooks_token})
        assert wrong.status_code == 401, "a token of an earlier serve must not open the hooks"
    finally:
        second.stop()
