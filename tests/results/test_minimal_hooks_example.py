"""docs/examples/minimal_hooks.py does what the vendor guide says: token, capability list, reset, seed, clock."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from etax_conformance.paths import ROOT


@pytest.fixture
def example(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setenv("ETAX_HOOKS_TOKEN", "a-long-random-token-1234")
    spec = importlib.util.spec_from_file_location("minimal_hooks", ROOT / "docs" / "examples" / "minimal_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_minimal_hooks_answer_as_documented(example: ModuleType) -> None:
    client = example.app.test_client()
    base = "/__conformance__/v2/capabilities"
    assert client.get(base).status_code == 401
    headers = {"X-Conformance-Token": "a-long-random-token-1234"}
    listed = client.get(base, headers=headers).get_json()
    assert listed["version"] == 2
    assert "clock.advance" in listed["capabilities"]
    assert client.post(base + "/reset", json={}, headers=headers).get_json() == {"reset": True}
    person = {"name": "张三", "document_type": "居民身份证", "document_number": "110105199003070017",
              "phone": "13800138000", "login_name": "zhangsan01", "password": "Abcd1234!"}
    assert client.post(base + "/seed.natural_person", json=person, headers=headers).status_code == 200
    assert client.post(base + "/seed.natural_person", json=person, headers=headers).status_code == 409
    client.post(base + "/clock.set", json={"now": "2024-03-01T10:00:00+08:00"}, headers=headers)
    moved = client.post(base + "/clock.advance", json={"minutes": 120}, headers=headers).get_json()
    assert moved["now"] == "2024-03-01T12:00:00+08:00"
    assert client.post(base + "/clock.advance", json={"minutes": "x"}, headers=headers).status_code == 400
    assert client.post(base + "/qr.confirm", json={}, headers=headers).status_code == 404
