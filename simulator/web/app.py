"""App factory: a Flask app over a Portal; no app is built at import time."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, redirect

from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.variant import Variant
from simulator.web import security

#: The skins: the default pages, and "alt" — another team's markup, paths and names over the same screens.
SKINS = ("default", "alt")


def create_app(portal: Portal | None = None, *, db_path: str | Path = ":memory:",
               hooks_token: str | None = None, variant: Variant | None = None,
               skin: str | None = None) -> Flask:
    """The simulator's web app. Conformance hooks are mounted only when a token is given.

    The skin (markup) follows the variant unless given: the alt variant is served in the alt skin.
    """
    portal = portal or build_portal(db_path, clock=ControlledClock(), variant=variant)
    app = _skinned(skin or portal.variant.skin)
    app.config["PORTAL"] = portal
    app.config["VARIANT"] = portal.variant
    # The default skin's pages update in place (static/portal.js); ETAX_PAGES=plain serves them as plain posts that
    # load a page each, as before (to compare, or to rule the in-place pages out when in doubt).
    app.config["IN_PLACE"] = os.environ.get("ETAX_PAGES", "in-place") != "plain"
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    security.install(app)  # CSRF key, security headers, request size limit (simulator/web/security.py)

    if hooks_token:
        from simulator.hooks import api, api_v2
        from simulator.web import handoff

        app.register_blueprint(api.make_blueprint(hooks_token))
        app.register_blueprint(api_v2.make_blueprint(hooks_token))
        handoff.install(app, skin or portal.variant.skin)  # the addresses registration.verified answers
    return app


def _skinned(skin: str) -> Flask:
    """A Flask app with the skin's templates, static files and pages (nothing of the other skin reachable)."""
    if skin not in SKINS:
        raise ValueError(f"unknown skin {skin!r}; choose one of {', '.join(SKINS)}")
    if skin == "default":
        from simulator.web.pages import blueprint as pages

        app = Flask(__name__)
        app.register_blueprint(pages)
        return app
    from simulator.web.alt.pages import blueprint as alt_pages

    app = Flask(__name__, template_folder="templates_alt", static_folder="static_alt", static_url_path="/wsbs/zy")
    app.register_blueprint(alt_pages)
    app.add_url_rule("/", "home", lambda: redirect("/wsbs/"))
    return app


