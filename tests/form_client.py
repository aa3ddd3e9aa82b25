"""A Flask test client that posts forms as a browser does: with the `_csrf` token of the page it came from.

The project's web tests post straight to a form's path; a browser would have the page (and its token) first.
This client fetches the page when it has no session cookie yet and adds the token its cookie is owed.
The web-security tests use the plain FlaskClient to post as another site would.
"""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from simulator.web import pages, security
from simulator.web.alt import names

_DEFAULT_ENTRIES = {path + "/act": entry for entry, path in pages.ENTRY_PATHS.items()}


class FormClient(FlaskClient):
    def open(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        path = args[0] if args and isinstance(args[0], str) else kwargs.get("path", "")
        data = kwargs.get("data")
        if kwargs.get("method") == "POST" and isinstance(data, dict) and security.CSRF_FIELD not in data:
            cookie, page = self._cookie_and_page(path)
            if cookie is not None:
                if self.get_cookie(cookie) is None:
                    super().open(page, method="GET", follow_redirects=True)
                found = self.get_cookie(cookie)
                with self.application.app_context():
                    kwargs["data"] = {**data, security.CSRF_FIELD: security.csrf_token(found and found.value)}
        return super().open(*args, **kwargs)

    def _cookie_and_page(self, path: str) -> tuple[str | None, str]:
        if path in _DEFAULT_ENTRIES and "pages" in self.application.blueprints:
            return pages.COOKIES[_DEFAULT_ENTRIES[path]], path[:-len("act")]
        parts = path.strip("/").split("/")
        entry = names.ENTRY_BY_PREFIX.get(parts[0]) if parts else None
        if entry is not None and "alt" in self.application.blueprints:
            return names.COOKIES[entry], f"/{parts[0]}/"
        return None, path
