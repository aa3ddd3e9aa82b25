"""The portal's pages: per entry, one GET shows the session's screen, one POST presses a control."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, make_response, redirect, render_template, request

from simulator.bootstrap import Portal
from simulator.common import captcha
from simulator.common.router import CLIENT, UnknownControl
from simulator.web import security
from simulator.web.grouped_templates import GroupedTemplates

blueprint = Blueprint("pages", __name__)
#: The screens' hand-made pages, one folder per system (templates/screens/<system>/); the app finds the rest.
blueprint.jinja_loader = GroupedTemplates(Path(__file__).resolve().parent / "templates", "screens")
CONTROL_FIELD = "_control"
#: Each entry (a client the guides name) lives under its own path with its own session cookie.
ENTRY_PATHS = {CLIENT: "", "个人所得税APP": "/app", "辽宁省电子税务局": "/etax", "移动办税APP": "/mtax",
               "青岛市电子税务局": "/qingdao", "青岛税务APP": "/qdapp"}
COOKIES = {CLIENT: "etax_session", "个人所得税APP": "etax_app_session", "辽宁省电子税务局": "etax_liaoning_session",
           "移动办税APP": "etax_mobile_tax_session", "青岛市电子税务局": "etax_qingdao_session",
           "青岛税务APP": "etax_qdapp_session"}


def _portal() -> Portal:
    portal: Portal = current_app.config["PORTAL"]
    return portal


def _with_session(response: Response, entry: str, session_id: str) -> Response:
    response.set_cookie(COOKIES[entry], session_id, httponly=True, samesite="Lax")
    return response


def _screen(entry: str) -> Response:
    session_id, view = _portal().view(request.cookies.get(COOKIES[entry]), entry)
    page = render_template("page.html", view=view, act_url=ENTRY_PATHS[entry] + "/act", entry=entry,
                           in_place=current_app.config.get("IN_PLACE", True))
    page = security.with_csrf_fields(page, session_id)
    return _with_session(make_response(page), entry, session_id)


def _act(entry: str) -> Response:
    """Post/redirect/get: the control's effect, then the session's screen."""
    session_id = request.cookies.get(COOKIES[entry])
    security.check_form(session_id)  # another site's post, or an oversized field: refused, nothing done
    form = {k: v for k, v in request.form.items() if k not in (CONTROL_FIELD, security.CSRF_FIELD)}
    try:
        session_id, _ = _portal().act(session_id, request.form.get(CONTROL_FIELD, ""), form, entry)
    except UnknownControl:
        # A stale page (the session moved on, or the server restarted): show where the session is now.
        session_id, _ = _portal().view(session_id, entry)
    return _with_session(make_response(redirect(ENTRY_PATHS[entry] + "/", code=303)), entry, session_id)


for _entry, _path in ENTRY_PATHS.items():
    blueprint.add_url_rule(_path + "/", f"screen{_path.replace('/', '_')}", lambda e=_entry: _screen(e))
    blueprint.add_url_rule(_path + "/act", f"act{_path.replace('/', '_')}", lambda e=_entry: _act(e),
                           methods=["POST"])


@blueprint.get("/captcha.png")
def captcha_image() -> Response:
    entry = request.args.get("entry", CLIENT)  # each entry's page shows the captcha of its own session
    answer = _portal().sessions.current_captcha(request.cookies.get(COOKIES.get(entry, COOKIES[CLIENT])))
    return Response(captcha.render_png(answer or ""), mimetype="image/png", headers={"Cache-Control": "no-store"})


@blueprint.get("/qr/status")
def qr_status() -> Response:
    """扫码登录 (ITS §1.2): the client page polls where its session is, to notice the app's confirmation."""
    session_id, view = _portal().view(request.cookies.get(COOKIES[CLIENT]), CLIENT)
    response = jsonify({"screen": str(view.screen)})
    response.headers["Cache-Control"] = "no-store"
    return _with_session(response, CLIENT, session_id)
