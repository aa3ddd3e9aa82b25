"""个人所得税APP face registration (ITS §2.2.2) in the service: the adapter's answer decides, nothing half-made."""

from __future__ import annotations

import pytest

from fixtures.identities import Identity, IdentityFactory
from simulator.bootstrap import build_portal
from simulator.clock import ControlledClock
from simulator.common.views import MessageKind
from simulator.external.face import UNAVAILABLE
from simulator.external.wiring import Externals, fakes
from tests.natural_person.app_visitor import App
from vocabulary.documents import DocumentType


@pytest.fixture
def externals() -> Externals:
    return fakes()


@pytest.fixture
def app(externals: Externals) -> App:
    clock = ControlledClock()
    clock.set(clock.now())
    return App(build_portal(clock=clock, externals=externals))


@pytest.fixture
def zhang() -> Identity:
    return IdentityFactory("app-registration").person()


def test_a_match_leads_to_login_settings_and_the_account(app: App, zhang: Identity) -> None:
    assert app.face_form(zhang).screen == "人脸识别"
    assert app.press("拍摄").screen == "登录设置"
    done = app.settings(zhang)
    assert done.message is not None
    assert done.message.kind is MessageKind.SUCCESS
    found = app.portal.store.find_by_account_name(zhang.login_name)
    assert found is not None
    assert found[0].person.document_number == zhang.document_number


def test_the_photo_goes_to_the_adapter_with_the_identity(externals: Externals, zhang: Identity) -> None:
    calls: list[tuple[str, str, bytes]] = []

    class Recording:
        def compare(self, name: str, id_number: str, photo: bytes) -> bool:
            calls.append((name, id_number, photo))
            return True

    app = App(build_portal(externals=Externals(externals.script, externals.sms, Recording(), externals.core)))
    photo = app.face_form(zhang).values["照片"]
    app.press("拍摄")
    assert calls == [(zhang.name, zhang.document_number, bytes.fromhex(photo))]


@pytest.mark.parametrize("fault", ["down", "slow"])
def test_an_unavailable_service_refuses_clearly_and_a_retry_succeeds(app: App, externals: Externals,
                                                                      zhang: Identity, fault: str) -> None:
    app.face_form(zhang)
    externals.script.set_fault("face", fault)
    refused = app.press("拍摄")
    assert (refused.screen, refused.refused) == ("人脸识别", True)
    assert refused.message is not None
    assert refused.message.text == UNAVAILABLE
    assert app.portal.store.count() == 0
    externals.script.set_fault("face", "ok")
    assert app.press("拍摄").screen == "登录设置"


def test_a_mismatch_is_refused_and_creates_nothing(app: App, externals: Externals, zhang: Identity) -> None:
    externals.script.script_face(False)
    app.face_form(zhang)
    refused = app.press("拍摄")
    assert (refused.screen, refused.refused) == ("人脸识别", True)
    assert app.portal.store.count() == 0


def test_a_missing_photo_is_refused_without_asking_the_adapter(app: App, externals: Externals,
                                                               zhang: Identity) -> None:
    externals.script.script_face(True)
    app.face_form(zhang)
    assert app.press("拍摄", {"照片": "not-hex"}).refused
    externals.script.script_face(False)  # the scripted True was not used up by the refused capture
    assert app.press("拍摄").screen == "登录设置"


def test_only_the_resident_id_card_may_use_face_registration(app: App) -> None:
    passport = IdentityFactory("app-registration").person(DocumentType.FOREIGN_PASSPORT)
    refused = app.face_form(passport)
    assert (refused.screen, refused.refused) == ("人脸识别认证注册", True)
    assert refused.message is not None
    assert "居民身份证" in refused.message.text
