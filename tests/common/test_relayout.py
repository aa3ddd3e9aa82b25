"""scripts/relayout.py on a small tree: moves by rule, rewrites imports and references, idempotent, dry run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

# Found upward: this test moves into tests/common/ when the script runs on the repository.
SCRIPT = next(p / "scripts" / "relayout.py" for p in Path(__file__).resolve().parents if (p / "scripts").is_dir())

TREE = {
    "simulator/service/__init__.py": '"""Flows."""\n',
    "simulator/service/router.py": '"""Router."""\n',
    "simulator/service/captcha.py": '"""Captcha."""\n',
    "simulator/service/login.py": '"""Login."""\nfrom simulator.service import captcha, router as r\n',
    "simulator/service/qingdao_login.py": '"""Qingdao, not in the table yet."""\n',
    "simulator/service/liaoning/__init__.py": '"""Liaoning."""\n',
    "simulator/service/liaoning/home.py": '"""Home."""\nfrom simulator.service.router import X  # why\n',
    "simulator/domain/documents.py": '"""Re-export."""\n\nfrom vocabulary.documents import DocumentType\n\n'
                                     '__all__ = ["DocumentType"]\n',
    "vocabulary/__init__.py": '"""Vocabulary."""\n',
    "vocabulary/documents.py": '"""Documents."""\nDocumentType = str\n',
    "simulator/web/pages.py": '"""Pages."""\nloader = GroupedTemplates(root, "screens")\n',
    "simulator/web/templates/screens/ln_home.html": "<p>首页</p>\n",
    "simulator/web/templates/screens/generic.html": "<p></p>\n",
    "steps/__init__.py": '"""Steps."""\n',
    "steps/liaoning_login_steps.py": '"""Liaoning login."""\nfrom simulator.domain.documents import DocumentType\n',
    "steps/people_steps.py": '"""People."""\nfrom steps import liaoning_login_steps\n',
    "etax_conformance/plugin.py": '"""Plugin."""\n'
                                  'pytest_plugins = ["steps.people_steps", "steps.liaoning_login_steps"]\n',
    "tests/conftest.py": '"""Fixtures."""\n',
    "tests/test_liaoning_login.py": '"""Test."""\nfrom pathlib import Path\n'
                                    'ROOT = Path(__file__).resolve().parents[1]\n'
                                    'HERE = Path(__file__).resolve().parent\nUP = Path(__file__).parent.parent\n',
    "tests/test_surprise.py": '"""Matches no rule."""\n',
    "docs/glossary.md": "login: simulator/service/login.py, `simulator.service.liaoning.home`; "
                        "pages: simulator/service/liaoning/\n",
    "docs/architecture.md": "# Architecture\n\n```\nfeatures/its/\nsimulator/service/  flows\n```\n\nWhy.\n",
    "scripts/relayout_tree.txt": "features/\nsimulator/its/\n",
}


def _run(root: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, str(SCRIPT), "--root", str(root), "--no-ruff", *args],
                          capture_output=True, text=True, check=True)
    return done.stdout


def _snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.parts}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for path, text in TREE.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "t"]):
        subprocess.run(["git", *command], cwd=tmp_path, check=True, capture_output=True)
    return tmp_path


def test_dry_run_changes_nothing_and_shows_the_plan(tree: Path) -> None:
    before = _snapshot(tree)
    out = _run(tree, "--dry-run")
    assert _snapshot(tree) == before
    assert "simulator/service/login.py → simulator/its/login.py" in out
    assert "steps/liaoning_login_steps.py → steps/liaoning/login_steps.py" in out


def test_modules_move_by_rule_and_imports_follow(tree: Path) -> None:
    out = _run(tree)
    files = _snapshot(tree)
    assert files["simulator/its/login.py"].splitlines()[1:] == ["from simulator.common import captcha, router as r"]
    assert "from simulator.common.router import X  # why" in files["simulator/liaoning/home.py"]
    assert files["steps/liaoning/login_steps.py"].endswith("from vocabulary.documents import DocumentType\n")
    assert "from steps.liaoning import login_steps as liaoning_login_steps" in files["steps/common/people_steps.py"]
    assert '["steps.common.people_steps", "steps.liaoning.login_steps"]' in files["etax_conformance/plugin.py"]
    assert files["docs/glossary.md"] == ("login: simulator/its/login.py, `simulator.liaoning.home`; "
                                         "pages: simulator/liaoning/\n")
    assert files["docs/architecture.md"] == "# Architecture\n\n```\nfeatures/\nsimulator/its/\n```\n\nWhy.\n"
    assert "simulator/web/templates/screens/liaoning/ln_home.html" in files
    assert "simulator/web/templates/screens/common/generic.html" in files
    # the re-export shim is gone (the service package stays: a module is left in it); new packages have a docstring
    assert [p for p in files if p.startswith("simulator/service/")] == [
        "simulator/service/__init__.py", "simulator/service/qingdao_login.py"]
    assert "simulator/domain/documents.py" not in files
    assert files["simulator/common/__init__.py"].startswith('"""The simulator\'s shared machinery')
    assert not any(p.startswith("tests/") and p.endswith("__init__.py") for p in files)
    # what no rule matches is left and reported
    assert "simulator/service/qingdao_login.py" in files
    assert "tests/test_surprise.py" in files
    unmatched = out.split("== unmatched")[1].split("==")[0]
    assert "simulator/service/qingdao_login.py" in unmatched
    assert "tests/test_surprise.py" in unmatched


def test_paths_from_a_moved_module_still_reach_the_same_folder(tree: Path) -> None:
    _run(tree)
    lines = _snapshot(tree)["tests/liaoning/test_liaoning_login.py"].splitlines()
    assert lines[2:] == ["ROOT = Path(__file__).resolve().parents[2]", "HERE = Path(__file__).resolve().parent",
                         "UP = Path(__file__).parent.parent.parent"]


def test_an_emptied_package_is_removed(tree: Path) -> None:
    (tree / "simulator/service/qingdao_login.py").unlink()
    _run(tree)
    assert not (tree / "simulator/service").exists()


def test_a_second_run_changes_nothing(tree: Path) -> None:
    _run(tree)
    after = _snapshot(tree)
    out = _run(tree)
    assert _snapshot(tree) == after
    assert "== moves (0)" in out
    assert "== files rewritten (0)" in out


def test_screens_stay_flat_where_the_pages_module_does_not_group_them(tree: Path) -> None:
    (tree / "simulator/web/pages.py").write_text('"""Pages."""\n', encoding="utf-8")
    out = _run(tree)
    assert "simulator/web/templates/screens/ln_home.html" in _snapshot(tree)
    assert "simulator/web/templates/screens/ln_home.html" in out.split("== not grouped")[1]


def test_each_new_packages_docstring_fits_a_line() -> None:
    spec = importlib.util.spec_from_file_location("relayout_rules", SCRIPT.parent / "relayout_rules.py")
    assert spec is not None
    assert spec.loader is not None
    table = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(table)
    width = {doc: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in f'"""{doc}"""')
             for doc in table.PACKAGES.values()}
    assert {doc: w for doc, w in width.items() if w > 120} == {}
