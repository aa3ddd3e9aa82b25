"""docs/vocabulary.md: recorded from what the steps ask the portal for, and failing when a step uses a name it lacks."""

from __future__ import annotations

import io
import json
from pathlib import Path

from drivers.inprocess import InProcessDriver
from etax_conformance.paths import FEATURES_DIR
from etax_conformance.vocabulary_doc import DOC, check_doc, generate, record_run
from etax_conformance.vocabulary_record import Record, RecordingDriver
from fixtures.identities import IdentityFactory


def test_the_recording_driver_notes_names_and_leaves_drawn_data_out() -> None:
    record = Record()
    portal = InProcessDriver()
    try:
        driver = RecordingDriver(portal, record, ["its-login"])
        person = IdentityFactory("vocabulary").person()
        driver.seed_person(person)
        driver.open_login()
        driver.fill("账号", person.login_name)
        driver.fill("密码", person.password)
        driver.click("登录")
        assert driver.screen() == "单位办税验证"
        driver.is_refused()
    finally:
        portal.close()
    names = {name for (_, name) in record.uses}
    assert {("entry", "扣缴客户端"), ("field", "账号"), ("control", "登录"), ("screen", "单位办税验证"),
            ("message", "refusal")} <= set(record.uses)
    assert person.login_name not in names
    assert person.password not in names
    assert record.uses[("control", "登录")] == {"its-login"}


def test_a_name_the_steps_use_and_the_document_lacks_fails_the_check(tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    record.write_text(json.dumps([{"kind": "control", "name": "拍摄", "plans": ["its-registration"]}],
                                 ensure_ascii=False), encoding="utf-8")
    text = generate(record)
    assert "| 拍摄 | unbracketed in §2.2.2" in text
    assert "implicit if merged" in text
    doc = tmp_path / "vocabulary.md"
    doc.write_text(text.replace("| 拍摄 |", "| 照相 |"), encoding="utf-8")
    out = io.StringIO()
    assert check_doc(out, text, doc) == 1
    assert "not listed: | 拍摄 |" in out.getvalue()
    doc.write_text(text, encoding="utf-8")
    assert check_doc(io.StringIO(), text, doc) == 0


def test_every_name_a_feature_uses_is_in_the_published_vocabulary(tmp_path: Path) -> None:
    """One feature recorded in-process (the whole suite: `etax-conformance vocabulary --check`, in CI)."""
    record = tmp_path / "record.json"
    record_run(record, FEATURES_DIR / "its" / "1.2_qr_login.feature")
    rows = json.loads(record.read_text(encoding="utf-8"))
    published = DOC.read_text(encoding="utf-8")
    assert rows
    for row in rows:
        shown = row["name"].replace("=", " = ") if row["kind"] in ("option", "list") else row["name"]
        assert f"| {shown} |" in published, f"{row['kind']} {row['name']} is not in docs/vocabulary.md"
