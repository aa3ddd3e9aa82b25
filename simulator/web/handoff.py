"""The address of a prepared session (registration.verified): opened once, it lands the browser on that session's
screen, in either skin. Served only where the conformance hooks are mounted (simulator/common/handoff.py has the
ticket rules); any ticket not good now — used, expired, unknown — gets one Chinese refusal page and no cookie.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, make_response, redirect
from markupsafe import escape

from simulator.bootstrap import Portal
from simulator.common.handoff import PATH

REFUSAL = "该链接无效或已失效：此类链接只能打开一次，且须在生成后60秒内打开。未建立任何会话，请重新发起。"
#: Nothing of the ticket may outlive the request: not cached, not sent on as a referrer.
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def _portal() -> Portal:
    portal: Portal = current_app.config["PORTAL"]
    return portal


def _landing(skin: str, portal: Portal, entry: str, session_id: str) -> Response:
    """The entry's page of the session, its cookie set as the skin's pages set it."""
    if skin == "default":
        from simulator.web.pages import COOKIES, ENTRY_PATHS

        response = make_response(redirect(ENTRY_PATHS[entry] + "/", code=303))
        response.set_cookie(COOKIES[entry], session_id, httponly=True, samesite="Lax")
        return response
    from simulator.web.alt import names

    session_id, view = portal.view(session_id, entry)
    response = make_response(redirect(names.screen_path(entry, str(view.screen)), code=303))
    response.set_cookie(names.COOKIES[entry], session_id, httponly=True, samesite="Lax", path="/")
    return response


def _refused(home: str) -> Response:
    page = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>链接无效</title></head>'
            f'<body><main><h1>链接无效</h1><p role="alert">{escape(REFUSAL)}</p>'
            f'<p><a href="{escape(home)}">返回首页</a></p></main></body></html>')
    return Response(page, status=404, mimetype="text/html")


def install(app: Flask, skin: str) -> None:
    """GET PATH<ticket> on an app whose hooks are mounted (the caller mounts it only then)."""
    home = "/" if skin == "default" else "/wsbs/"

    def open_prepared(ticket: str) -> Response:
        portal = _portal()
        found = portal.handoffs.redeem(ticket)
        response = _refused(home) if found is None else _landing(skin, portal, *found)
        response.headers.update(HEADERS)
        return response

    app.add_url_rule(PATH + "<ticket>", "open_prepared", open_prepared, methods=["GET"])
