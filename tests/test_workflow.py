"""The build workflow (.github/workflows/build.yml): valid for GitHub Actions, and it builds,
starts, signs (where configured) and uploads the folder on all three platforms.

GitHub's workflow schema (SchemaStore's, vendored by check-jsonschema, installed with the dev
extras) checks the format here; actionlint would need a download from outside PyPI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


def check(path: Path) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).with_name("check-jsonschema")
    if not tool.exists():
        if os.environ.get("CI"):
            pytest.fail("check-jsonschema is not installed; scripts/setup must install it")
        pytest.skip("check-jsonschema is not installed")
    return subprocess.run(
        [str(tool), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
    )


def test_the_workflow_is_valid_for_github_actions():
    done = check(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "build.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on:", "run-on:"), encoding="utf-8")
    assert check(broken).returncode != 0


def test_each_platform_is_built_started_and_uploaded():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    (job,) = flow["jobs"].values()
    systems = {row["os"].split("-")[0] for row in job["strategy"]["matrix"]["include"]}
    assert systems == {"windows", "macos", "ubuntu"}
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "max247 build" in runs
    for command in ('"$cli" test', '"$cli" screenshot board'):
        assert command in runs
    assert any("upload-artifact" in step.get("uses", "") for step in job["steps"])
    # the place where signing goes, for both platforms that check signatures
    names = [step.get("name", "") for step in job["steps"]]
    assert "Sign (Windows)" in names and "Sign and notarise (macOS)" in names
    assert WORKFLOW.read_text().count("SIGNING GOES HERE") == 2
