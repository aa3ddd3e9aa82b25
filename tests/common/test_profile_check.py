"""`etax-conformance profile check` against the served simulator: what it finds, what it misses, its exit code."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from playwright.sync_api import Page

from drivers.profile import Profile
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
    assert "found    entry 「扣缴客户端」 (ITS 扣缴客户端): screen 「实名登录」, a screen of ITS" in out
    assert "found    entry 「辽宁省电子税务局」 (辽宁 电子税务局): screen 「电子税务局登录」, a screen of 辽宁" in out
    assert "found    entry 「青岛市电子税务局」 (青岛 电子税务局): screen 「青岛:登录」, a screen of 青岛" in out
    assert "WRONG" not in out
    assert "unmapped (青岛): screens" not in out  # the page's own attribute names the screens
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
    assert "found    entry 「扣缴客户端」 (ITS 扣缴客户端): screen 「实名登录」, a screen of ITS" in out
    assert "MISSING      field 「账号」 of 「实名登录」" in out
    assert "found        control 【登录】 of 「实名登录」" in out
    assert "MISSING      control 【同意】 of 「实名登录」" in out
    assert "MISSING  entry 「个人所得税APP」" in out
    assert "MISSING      session cookie 'not_our_cookie' of 「扣缴客户端」 (hooks.session_cookie): the page set" in out
    assert "-        screen 「个人所得税APP首页」 at its url: the portal moved on to" in out  # /app -> /app/


def test_an_unreachable_portal_is_one_clear_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["profile", "check", "profiles/simulator.yaml", "--portal-url", "http://127.0.0.1:1"])
    assert code == 2
    assert "the portal at http://127.0.0.1:1 does not answer" in capsys.readouterr().err


def test_an_entry_recognised_as_another_guides_screen_is_wrong_and_unmapped_names_are_listed(
        served: ServedSimulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 18 §7: a Qingdao login page taken for Liaoning's 「电子税务局登录」 raised no error."""
    profile = tmp_path / "mixed.yaml"
    profile.write_text("""schema: etax-conformance/profile@2
portal: 青岛的门户
entry: /
entries: {青岛市电子税务局: /qingdao/}
active_tab: []
messages: {area: "[role=alert]"}
screens:
  实名登录: {url: /}
  电子税务局登录: {url: "/qingdao/*"}
controls: {返回: "#back"}
""", encoding="utf-8")
    code = main(["profile", "check", str(profile), "--portal-url", served.url])
    out = capsys.readouterr().out
    assert code == 1, out
    assert ("WRONG    entry 「青岛市电子税务局」 (青岛 电子税务局): recognised as 「电子税务局登录」, "
            "a screen of 辽宁, not of 青岛") in out
    unmapped = next(line for line in out.splitlines() if "unmapped (青岛): screens" in line)
    assert "「青岛:登录」" in unmapped
    assert "「青岛:首页」" in unmapped
    names = next(line for line in out.splitlines() if "unmapped (青岛): the suite's own names" in line)
    assert "「拍摄」" in names
    assert "「扫脸验证」" in names
    assert "「返回」" not in names  # mapped under controls


def test_a_session_cookie_not_set_on_the_entry_page_is_created_lazily_not_missing() -> None:
    from etax_conformance.profile_check import Report, _check_cookie

    class _Context:
        def __init__(self, names: list[str]) -> None:
            self.names = names

        def cookies(self, url: str) -> list[dict[str, str]]:
            return [{"name": n} for n in self.names]

    class _Page:
        def __init__(self, names: list[str]) -> None:
            self.context = _Context(names)

    profile = cast(Profile, SimpleNamespace(session_cookies={"扣缴客户端": "session"}))
    out = io.StringIO()
    report = Report(out)
    _check_cookie(report, cast(Page, _Page([])), profile, "扣缴客户端", "http://portal")
    assert report.missing == 0
    assert out.getvalue().startswith("  lazily       session cookie 'session' of 「扣缴客户端」")
    assert "created lazily (fine when the hooks can decode it: docs/vendors.md)" in out.getvalue()
    _check_cookie(report, cast(Page, _Page(["other"])), profile, "扣缴客户端", "http://portal")
    assert report.missing == 1
