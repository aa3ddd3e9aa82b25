"""`etax-conformance profile check` against the served simulator: what it finds, what it misses, its exit code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etax_conformance.cli import main
from etax_conformance.serving import ServedSimulator


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSimulator]:
    pytest.importorskip("playwright.sync_api")
    simulator = ServedSimulator.start(tmp_path_factory.mktemp("check") / "portal.sqlite3")
    try:
        yield simulator
    finally:
        simulator.stop()


def test_the_simulators_profile_finds_every_entry_and_exits_0(served: ServedSimulator,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["profile", "check", "profiles/simulator.yaml", "--portal-url", served.url,
                 "--hooks-token", served.hooks_token])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "found    entry 「扣缴客户端」: screen 「实名登录」" in out
    assert "found    entry 「辽宁省电子税务局」: screen 「电子税务局登录」" in out
    assert "session cookie 'etax_session' of 「扣缴客户端」" in out
    assert "conformance hooks version" in out
    assert "nothing missing" in out


def test_what_a_profile_promises_and_the_portal_lacks_is_named_and_exits_1(served: ServedSimulator, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "wrong.yaml"
    profile.write_text("""schema: etax-conformance/profile@2
portal: 写错的门户
entry: /
entries: {个人所得税APP: /no-such-app/}
hooks: {base_path: /__conformance__/v1, session_cookie: not_our_cookie}
active_tab: []
messages: {area: "[role=alert]"}
screens:
  实名登录:
    url: /
    fields: {账号: "#no-such-field"}
    controls: {登录: "button[value=登录]"}
    actions: {同意: [{check: "#no-such-box"}, {click: 登录}]}
  个人所得税APP首页: {url: /app}
""", encoding="utf-8")
    code = main(["profile", "check", str(profile), "--portal-url", served.url, "--hooks-token", "wrong-token"])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "MISSING  conformance hooks: /__conformance__/v1/capabilities answered 401" in out
    assert "found    entry 「扣缴客户端」: screen 「实名登录」" in out
    assert "MISSING      field 「账号」 of 「实名登录」" in out
    assert "found        control 【登录】 of 「实名登录」" in out
    assert "MISSING      control 【同意】 of 「实名登录」" in out
    assert "MISSING  entry 「个人所得税APP」" in out
    assert "MISSING      session cookie 'not_our_cookie' of 「扣缴客户端」" in out
    assert "-        screen 「个人所得税APP首页」 at its url: the portal moved on to" in out  # /app -> /app/


def test_an_unreachable_portal_is_one_clear_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["profile", "check", "profiles/simulator.yaml", "--portal-url", "http://127.0.0.1:1"])
    assert code == 2
    assert "the portal at http://127.0.0.1:1 does not answer" in capsys.readouterr().err
