"""The web defences of the portal pages (both skins): CSRF, security headers, request size, field bounds.

- CSRF: every POST form carries `_csrf`, an HMAC of the visitor's session cookie under a key drawn at start-up;
  a POST whose token does not match its cookie, or whose Origin/Sec-Fetch-Site names another site, is refused
  (403) before any flow sees it, so another site can neither log a session in nor press 【退出】.
- Headers on every response: a Content-Security-Policy allowing only the portal's own scripts and styles (no
  inline script), framing forbidden, no MIME sniffing, no referrer to other sites.
- Size: bodies over MAX_BODY_BYTES are refused with a 413 page (hooks included); every form field is bounded
  (FIELD_LIMIT characters) and a longer one refused (400) before it reaches a flow or a session.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, abort, request
from markupsafe import escape
from werkzeug.exceptions import HTTPException

CSRF_FIELD = "_csrf"
#: Largest request body accepted (a form of a few fields is well under 1 KiB; hooks' JSON bodies a few KiB).
MAX_BODY_BYTES = 64 * 1024
#: Longest value of any form field, in characters. The guides' longest fields (地址, 经营范围-like free text) are
#: far shorter; 账号/密码/证件号码 are tens of characters.
FIELD_LIMIT = 200
#: Most fields one form may post.
MAX_FIELDS = 64
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_POST_FORM = re.compile(r"<form\b[^>]*\bmethod=[\"']?post[\"']?[^>]*>", re.IGNORECASE)
_REFUSALS = {
    403: "请求来源无法确认（页面可能已过期，或来自其他网站），未作任何处理。请返回页面后重试。",
    413: "提交的内容过大，未作任何处理。请检查输入后重试。",
    400: "输入内容过长或格式不正确，未作任何处理。请检查输入后重试。",
}


def install(app: Flask) -> None:
    """Size limit, headers and refusal pages on an app; its forms are checked by check_form()."""
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.config["MAX_FORM_PARTS"] = MAX_FIELDS
    app.config["CSRF_KEY"] = secrets.token_bytes(32)
    app.before_request(_body_within_limit)
    app.after_request(_secure_headers)
    app.register_error_handler(413, _refusal)


def csrf_token(session_id: str | None) -> str:
    """The form token of a session (by its cookie's value)."""
    key: bytes = _app_key()
    return hmac.new(key, (session_id or "").encode(), hashlib.sha256).hexdigest()


def with_csrf_fields(html: str, session_id: str) -> str:
    """The page with the session's token in every POST form (templates need not remember it)."""
    field = f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token(session_id))}">'
    return _POST_FORM.sub(lambda found: found.group(0) + field, html)


def check_form(session_id: str | None) -> None:
    """Refuse (403) a POST from another site or without its session's token; refuse (400) an oversized field."""
    if cross_site() or not session_id:
        abort(_page(403))
    sent = request.form.get(CSRF_FIELD, "")
    if not hmac.compare_digest(sent.encode(), csrf_token(session_id).encode()):
        abort(_page(403))
    if any(len(value) > FIELD_LIMIT for value in request.form.values()):
        abort(_page(400))


def cross_site() -> bool:
    """The request comes from another site (by Sec-Fetch-Site or Origin)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False  # old browsers send none on same-origin posts: the token decides
    return origin == "null" or urlsplit(origin).netloc != request.host


def _app_key() -> bytes:
    from flask import current_app

    key: bytes = current_app.config["CSRF_KEY"]
    return key


def _body_within_limit() -> None:
    """Refuse an announced oversized body at once, whether or not the endpoint would read it."""
    if (request.content_length or 0) > MAX_BODY_BYTES:
        abort(413)


def _secure_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _refusal(error: HTTPException) -> Response:
    code = error.code or 400
    if request.path.startswith("/__conformance__"):
        return Response(f'{{"error": "{_REFUSALS.get(code, "")}"}}', status=code, mimetype="application/json")
    return _page(code)


def _page(code: int) -> Response:
    """A plain Chinese page saying nothing was done, and why."""
    text = _REFUSALS.get(code, "请求无法处理。")
    page = (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{code}</title></head>'
            f'<body><main><h1>请求未被处理</h1><p role="alert">{escape(text)}</p>'
            f'<p><a href="/">返回首页</a></p></main></body></html>')
    return Response(page, status=code, mimetype="text/html")
