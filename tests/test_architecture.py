"""The layers and pure parsers of pyproject.toml's import-linter contracts hold, and a wrong-way
import breaks them (checked on a scratch copy of the code, so the repository is never touched)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("tracker", "bills", "amendments")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)}, timeout=120)


@pytest.fixture
def scratch(tmp_path) -> Path:
    for package in PACKAGES:
        shutil.copytree(REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text() + f"\n{line}\n")


def test_the_code_keeps_its_contracts():
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_a_domain_importing_a_layer_above_it_breaks_the_layers(scratch):
    _append(scratch / "bills" / "store.py", "from tracker.clauses import derive  # noqa")
    result = _lint(scratch)
    assert result.returncode == 1
    assert "Each domain imports only the layers below it BROKEN" in result.stdout
    assert "bills.store -> tracker.clauses.derive" in result.stdout


def test_a_parser_importing_a_model_breaks_the_pure_parsers(scratch):
    _append(scratch / "tracker" / "hansard" / "sources" / "hansard_api_parse.py", "import bills.models  # noqa")
    result = _lint(scratch)
    assert result.returncode == 1
    assert "Parsers are pure functions: no Django, no models, no HTTP BROKEN" in result.stdout
