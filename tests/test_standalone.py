"""The repository stands alone: no tracked file reads or names material outside it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Spelled in two parts so that this file does not name them itself.
OUTSIDE = ("../" + "shared", "shared/" + "reference")


def _tracked_files() -> list[Path]:
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"not a git checkout, so the tracked files are unknown: {error}")
    return [REPO / name for name in listed.decode().split("\0") if name]


def test_no_tracked_file_refers_to_material_outside_the_repository():
    files = _tracked_files()
    assert len(files) > 100
    offending = []
    for path in files:
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        offending += [f"{path.relative_to(REPO)}: {word}" for word in OUTSIDE if word in text]
    assert offending == []
