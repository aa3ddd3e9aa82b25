"""The captcha image carries no answer as text (issue 11): pixels a person reads, not characters a script reads back."""

from __future__ import annotations

from fixtures.identities import Identity
from simulator.bootstrap import Portal
from simulator.common import captcha
from simulator.variant import Variant
from simulator.web.app import create_app
from tests.conftest import seed_of

PNG = b"\x89PNG\r\n\x1a\n"


def test_the_image_is_a_png_without_the_answer_in_it() -> None:
    image = captcha.render_png("AB23")
    assert image.startswith(PNG)
    assert b"AB23" not in image
    assert b"<text" not in image


def test_the_served_image_is_a_png_and_the_page_does_not_hold_the_answer(portal: Portal, person: Identity) -> None:
    app = create_app(portal)
    portal.test_control.seed_person(seed_of(person))
    client = app.test_client()
    client.get("/")
    client.post("/act", data={"_control": "登录", "账号": person.login_name, "密码": "Wrong-pass-1"})
    answer = portal.test_control.current_captcha()
    assert answer
    image = client.get("/captcha.png")
    assert image.mimetype == "image/png"
    assert image.data.startswith(PNG)
    assert answer.encode() not in image.data
    assert answer not in client.get("/").get_data(as_text=True)


def test_the_alt_skin_serves_a_png_too() -> None:
    from simulator.bootstrap import build_portal

    app = create_app(build_portal(variant=Variant.alt()))
    image = app.test_client().get("/wsbs/tp/yzm?rk=x")
    assert image.mimetype == "image/png"
    assert image.data.startswith(PNG)
