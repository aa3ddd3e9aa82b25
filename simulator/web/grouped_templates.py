"""Screens' pages grouped by system: `screens/<template>.html` is found in `screens/<system>/<template>.html`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import BaseLoader, Environment, FileSystemLoader, TemplateError, TemplateNotFound


class GroupedTemplates(BaseLoader):
    """Answers `<folder>/<name>` from the one `<folder>/<system>/<name>` there is, so a View's `template` names
    a page without knowing its system's folder, and a new system (Qingdao) only adds a folder."""

    def __init__(self, templates: Path, folder: str) -> None:
        self._templates = templates
        self._folder = folder

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        folder, _, name = template.rpartition("/")
        if folder != self._folder or not name:
            raise TemplateNotFound(template)
        found = sorted((self._templates / folder).glob(f"*/{name}"))
        if len(found) > 1:
            # Two systems with a page of the same name: which one a View means is not decidable.
            raise TemplateError(f"{template} is in more than one system's folder: {', '.join(map(str, found))}")
        if not found:
            raise TemplateNotFound(template)
        return FileSystemLoader(found[0].parent).get_source(environment, name)
