"""Loading profiles: @1 still loads, readings and absent flows are checked against the catalog, mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.profile import SIMULATOR_PROFILE, ProfileError, load_profile

V2 = "schema: etax-conformance/profile@2\nportal: 门户\nentry: /\nactive_tab: []\nmessages: {area: '.m'}\n" \
     "screens: {登录: {url: /}}\n"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _catalog(tmp_path: Path) -> Path:
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "readings.csv").write_text(
        "id,guide,section,question,choices,notes\n"
        "ITS-R01,its,1.1,登录标识,login-name-or-phone=登录名或手机号码|any-identifier=三者皆可,\n", encoding="utf-8")
    (folder / "flows.csv").write_text("id,guide,section,description\nits-ca-login,its,1.3,CA 登录\n", encoding="utf-8")
    return folder


def test_an_at_1_profile_still_loads_with_its_message_outcomes(tmp_path: Path) -> None:
    path = _write(tmp_path, "schema: etax-conformance/profile@1\nportal: 旧门户\nentry: /login\nactive_tab: []\n"
                  "screens: {实名登录: '#login'}\nmessage: '[role=alert]'\n"
                  "outcomes: {refused_message_kind: .refused, locked_message_matches: 锁定}\nlist_item: li.unit\n")
    profile = load_profile(path)
    assert profile.screens[0].selector == "#login"
    assert profile.messages.area == "[role=alert]"
    assert [(r.kind, r.selector, r.text) for r in profile.messages.kinds] == [
        ("lock", None, "锁定"), ("refusal", ".refused", None)]
    assert profile.lists[0].item == "li.unit"
    assert profile.entries["扣缴客户端"] == "/login"


def test_readings_and_absent_flows_are_declared_and_checked_against_the_catalog(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path)
    good = _write(tmp_path, V2 + "readings: {ITS-R01: any-identifier}\nabsent: [its-ca-login]\n")
    profile = load_profile(good, catalog)
    assert profile.readings == {"ITS-R01": "any-identifier"}
    assert profile.absent == ("its-ca-login",)
    assert load_profile(good, tmp_path / "no-catalog-yet").readings == {"ITS-R01": "any-identifier"}
    with pytest.raises(ProfileError, match=r"ITS-R01 has no reading 'anything'.*any-identifier, login-name-or-phone"):
        load_profile(_write(tmp_path, V2 + "readings: {ITS-R01: anything}\n"), catalog)
    with pytest.raises(ProfileError, match="ITS-R99 is not a reading"):
        load_profile(_write(tmp_path, V2 + "readings: {ITS-R99: x}\n"), catalog)
    with pytest.raises(ProfileError, match="'absent': its-nothing is not a flow"):
        load_profile(_write(tmp_path, V2 + "absent: [its-nothing]\n"), catalog)


@pytest.mark.parametrize(("extra", "complaint"), [
    ("fields: {单位: {pick: {control: input}}}", "'fields.单位.pick' needs 'rows'"),
    ("actions: {同意: [{press: '#a'}]}", "'actions.同意\\[0\\]': each gesture is one of"),
    ("actions: {同意: [{wait: 99999}]}", "wait takes milliseconds"),
    ("refresh: sometimes", "'refresh' must be one of reload, wait, none"),
    ("screens: {扫码: {url: /qr, refresh: later}}", "'screens.扫码.refresh' must be one of"),
    ("actions: {拍摄: nothing}", "'actions.拍摄' must be a non-empty list of gestures or 'implicit'"),
    ("after_app: {qr.confirm: implicit}", "'after_app.qr.confirm' must be a non-empty list of gestures$"),
    ("screens: {首页: {fields: {}}}", "'screens.首页' needs at least one of url"),
    ("messages: {area: .m, kinds: [{kind: fatal}]}", "'messages.kinds' must be a list"),
    ("messages: {area: .m, kinds: [{kind: lock, text: '(('}]}", "is not a regular expression"),
    ("lists: [{container: '#u'}]", "'lists' must be a list of"),
    ("hooks: {session_for: [seed.unit]}", "'hooks.session_for' must list some of captcha, sms.outbox, qr.current"),
])
def test_a_mistake_in_a_profile_is_named_by_file_and_key(tmp_path: Path, extra: str, complaint: str) -> None:
    with pytest.raises(ProfileError, match=complaint):
        load_profile(_write(tmp_path, V2 + extra + "\n"))


def test_the_simulators_profile_names_a_session_cookie_per_entry() -> None:
    profile = load_profile(SIMULATOR_PROFILE)
    assert profile.session_cookies["扣缴客户端"] == "etax_session"
    assert profile.session_cookies["个人所得税APP"] == "etax_app_session"
    assert profile.refresh == "reload"


def test_every_key_of_the_shipped_profiles_is_explained_in_the_profile_docs() -> None:
    """A vendor starts from these profiles and reads docs/profiles.md: no key of theirs is left unexplained."""
    import yaml

    docs = (SIMULATOR_PROFILE.parent.parent / "docs" / "profiles.md").read_text(encoding="utf-8")
    for profile in sorted(SIMULATOR_PROFILE.parent.glob("*.yaml")):
        data = yaml.safe_load(profile.read_text(encoding="utf-8"))
        keys = [k for k in data if k != "hooks"] + [f"hooks.{k}" for k in data.get("hooks") or {}]
        unexplained = [k for k in keys if f"`{k}`" not in docs]
        assert unexplained == [], f"{profile.name}: {unexplained} not in docs/profiles.md"
