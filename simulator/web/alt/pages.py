"""The alt skin's routes: each screen at its own path; a POST there presses a control coded in `dz`."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, make_response, redirect, render_template, request

from simulator.bootstrap import Portal
from simulator.common import captcha
from simulator.common.router import CLIENT, UnknownControl
from simulator.common.views import View
from simulator.web import security
from simulator.web.alt import names
from simulator.web.alt.render import helpers

blueprint = Blueprint("alt", __name__)

#: 扫码登录 on this skin (ITS §1.2) neither polls nor keeps its code: after scanning in the app the user presses
#: this button, and every load of the page shows a new code (a reload issues a new one).
QR_SCREEN, SCANNED, NEW_CODE = "扫码登录", "已扫码，继续", "刷新二维码"
_SHOWN = "alt:ewm-shown"  # the code the page showed last, in the session's state


def _portal() -> Portal:
    portal: Portal = current_app.config["PORTAL"]
    return portal


def _entry(prefix: str) -> str:
    entry = names.ENTRY_BY_PREFIX.get(prefix)
    if entry is None:
        abort(404)
    return entry


def _with_session(response: Response, entry: str, session_id: str) -> Response:
    response.set_cookie(names.COOKIES[entry], session_id, httponly=True, samesite="Lax", path="/")
    return response


def _go(entry: str, session_id: str, view: View) -> Response:
    target = names.screen_path(entry, str(view.screen))
    return _with_session(make_response(redirect(target, code=303)), entry, session_id)


@blueprint.get("/<prefix>/")
@blueprint.get("/<prefix>/<page>")
def show(prefix: str, page: str = "") -> Response:
    """The session's screen; asked at another screen's path (a bookmark, a stale tab), go to where it is."""
    entry = _entry(prefix)
    session_id, view = _portal().view(request.cookies.get(names.COOKIES[entry]), entry)
    tab = request.args.get("qh")  # a tab is a link: ?qh=<code> presses it (never from another site's link)
    if tab and not security.cross_site():
        session_id, view = _press(entry, session_id, names.action_of(tab), {})
        return _go(entry, session_id, view)
    if page != names.slug(str(view.screen)):
        return _go(entry, session_id, view)
    session_id, view = _code_shown_once(entry, session_id, view)
    html = render_template("ye.html", view=view, entry=entry, here=names.screen_path(entry, str(view.screen)),
                           prefix=names.PREFIXES[entry], page=names.slug(str(view.screen)),
                           crumb=names.crumb(str(view.screen)), **helpers(view, entry))
    html = security.with_csrf_fields(html, session_id)
    return _with_session(make_response(html), entry, session_id)


@blueprint.post("/<prefix>/<page>")
def press(prefix: str, page: str) -> Response:
    """Post/redirect/get: the coded control with the form under the guide's labels, then the screen's path."""
    entry = _entry(prefix)
    security.check_form(request.cookies.get(names.COOKIES[entry]))  # another site's post, an oversized field
    form: dict[str, str] = {}
    for key, value in request.form.items():
        label = names.field_label(key)
        if label is not None:
            form[label] = value
    control = names.action_of(request.form.get(names.ACTION, ""))
    if control == SCANNED:
        return _go(entry, *_scanned(entry, request.cookies.get(names.COOKIES[entry])))
    session_id, view = _press(entry, request.cookies.get(names.COOKIES[entry]), control, form)
    return _go(entry, session_id, view)


def _code_shown_once(entry: str, session_id: str, view: View) -> tuple[str, View]:
    """扫码登录: a code the page has shown already is replaced by a new one (the page was reloaded)."""
    if entry != CLIENT or view.screen != QR_SCREEN:
        return session_id, view
    if _portal().sessions.get(session_id).state.get(_SHOWN) == view.extras.get("qr_svg"):
        session_id, view = _press(entry, session_id, NEW_CODE, {})
    _portal().sessions.get(session_id).state[_SHOWN] = view.extras.get("qr_svg")
    return session_id, view


def _scanned(entry: str, session_id: str | None) -> tuple[str, View]:
    """【已扫码，继续】: where the session is once the app confirmed (单位办税验证); not confirmed yet, the same code
    again (the press is not a reload)."""
    session_id, view = _portal().view(session_id, entry)
    if view.screen == QR_SCREEN:
        _portal().sessions.get(session_id).state.pop(_SHOWN, None)
    return session_id, view


def _press(entry: str, session_id: str | None, control: str, form: dict[str, str]) -> tuple[str, View]:
    try:
        return _portal().act(session_id, control, form, entry)
    except UnknownControl:
        # A stale page (the session moved on, or the server restarted): show where the session is now.
        return _portal().view(session_id, entry)


@blueprint.get("/wsbs/tp/yzm")
def captcha_image() -> Response:
    entry = names.ENTRY_BY_PREFIX.get(request.args.get("rk", ""), CLIENT)
    answer = _portal().sessions.current_captcha(request.cookies.get(names.COOKIES[entry]))
    return Response(captcha.render_png(answer or ""), mimetype="image/png", headers={"Cache-Control": "no-store"})


@blueprint.get("/<prefix>/ewm/zt")
def qr_status(prefix: str) -> Response:
    """扫码登录 (ITS §1.2, Qingdao Q11): the page polls the path of its session's screen, follows it when it moves."""
    entry = _entry(prefix)
    session_id, view = _portal().view(request.cookies.get(names.COOKIES[entry]), entry)
    response = jsonify({"lj": names.screen_path(entry, str(view.screen))})
    response.headers["Cache-Control"] = "no-store"
    return _with_session(response, entry, session_id)
