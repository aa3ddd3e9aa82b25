"""Pages of the ITS client login: one GET shows the session's screen, each POST is one guide step."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, make_response, redirect, render_template, request

from simulator.bootstrap import Portal
from simulator.domain.documents import DocumentType
from simulator.service import captcha
from simulator.service.views import View

blueprint = Blueprint("login_pages", __name__)
SESSION_COOKIE = "etax_session"


def _portal() -> Portal:
    portal: Portal = current_app.config["PORTAL"]
    return portal


def _sid() -> str:
    session_id, _ = _portal().login.view(request.cookies.get(SESSION_COOKIE))
    return session_id


def _to_screen(session_id: str) -> Response:
    """Post/redirect/get: every step lands on the session's current screen."""
    response = make_response(redirect("/", code=303))
    response.set_cookie(SESSION_COOKIE, session_id, httponly=True, samesite="Lax")
    return response


@blueprint.get("/")
def screen() -> Response:
    session_id, view = _portal().login.view(request.cookies.get(SESSION_COOKIE))
    response = make_response(render_template("screen.html", view=view, kinds=_kinds(view)))
    response.set_cookie(SESSION_COOKIE, session_id, httponly=True, samesite="Lax")
    return response


@blueprint.post("/login")
def login() -> Response:
    sid, form = _sid(), request.form
    _portal().login.submit_login(sid, form.get("account", ""), form.get("password", ""), form.get("captcha", ""))
    return _to_screen(sid)


@blueprint.get("/captcha.svg")
def captcha_image() -> Response:
    answer = _portal().sessions.current_captcha(request.cookies.get(SESSION_COOKIE))
    svg = captcha.render_svg(answer or "")
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})


@blueprint.get("/register")
def register() -> Response:
    sid = _sid()
    _portal().login.open_registration(sid)
    return _to_screen(sid)


@blueprint.post("/register/agree")
def register_agree() -> Response:
    sid = _sid()
    _portal().login.agree_registration(sid)
    return _to_screen(sid)


@blueprint.get("/forgot-password")
def forgot_password() -> Response:
    sid = _sid()
    _portal().password_reset.open(sid)
    return _to_screen(sid)


@blueprint.post("/forgot-password/verify")
def verify_identity() -> Response:
    sid, form = _sid(), request.form
    _portal().password_reset.verify_identity(sid, form.get("name", ""), form.get("document_type", ""),
                                             form.get("document_number", ""), form.get("phone", ""))
    return _to_screen(sid)


@blueprint.post("/forgot-password/reset")
def reset_password() -> Response:
    sid, form = _sid(), request.form
    _portal().password_reset.reset(sid, form.get("new_password", ""), form.get("confirm_password", ""))
    return _to_screen(sid)


@blueprint.get("/back")
def back_to_login() -> Response:
    sid = _sid()
    _portal().login.back_to_login(sid)
    return _to_screen(sid)


def _kinds(view: View) -> list[str]:
    """Choices of 证件类型 on the identity-verification form."""
    return [t.value for t in DocumentType] if view.fields else []
