"""The portal's pages: one GET shows the session's screen, one POST presses a control with the form."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, make_response, redirect, render_template, request

from simulator.bootstrap import Portal
from simulator.service import captcha
from simulator.service.router import UnknownControl

blueprint = Blueprint("pages", __name__)
SESSION_COOKIE = "etax_session"
CONTROL_FIELD = "_control"


def _portal() -> Portal:
    portal: Portal = current_app.config["PORTAL"]
    return portal


def _with_session(response: Response, session_id: str) -> Response:
    response.set_cookie(SESSION_COOKIE, session_id, httponly=True, samesite="Lax")
    return response


@blueprint.get("/")
def screen() -> Response:
    session_id, view = _portal().view(request.cookies.get(SESSION_COOKIE))
    return _with_session(make_response(render_template("page.html", view=view)), session_id)


@blueprint.post("/act")
def act() -> Response:
    """Post/redirect/get: the control's effect, then the session's screen."""
    form = {k: v for k, v in request.form.items() if k != CONTROL_FIELD}
    session_id = request.cookies.get(SESSION_COOKIE)
    try:
        session_id, _ = _portal().act(session_id, request.form.get(CONTROL_FIELD, ""), form)
    except UnknownControl:
        # A stale page (the session moved on, or the server restarted): show where the session is now.
        session_id, _ = _portal().view(session_id)
    return _with_session(make_response(redirect("/", code=303)), session_id)


@blueprint.get("/captcha.svg")
def captcha_image() -> Response:
    answer = _portal().sessions.current_captcha(request.cookies.get(SESSION_COOKIE))
    return Response(captcha.render_svg(answer or ""), mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})
