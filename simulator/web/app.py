"""App factory: a Flask app over a Portal; no app is built at import time."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from simulator.bootstrap import Portal, build_portal
from simulator.clock import ControlledClock
from simulator.variant import Variant


def create_app(portal: Portal | None = None, *, db_path: str | Path = ":memory:",
               hooks_token: str | None = None, variant: Variant | None = None) -> Flask:
    """The simulator's web app. Conformance hooks are mounted only when a token is given."""
    app = Flask(__name__)
    app.config["PORTAL"] = portal or build_portal(db_path, clock=ControlledClock(), variant=variant)
    app.config["VARIANT"] = app.config["PORTAL"].variant
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    from simulator.web.pages import blueprint as pages

    app.register_blueprint(pages)
    if hooks_token:
        from simulator.hooks import api, api_v2

        app.register_blueprint(api.make_blueprint(hooks_token))
        app.register_blueprint(api_v2.make_blueprint(hooks_token))
    return app
