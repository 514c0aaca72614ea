"""Shared fixtures: the project's paths, the real registry, a generated copy of the site's content."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from kblib import generate as gen  # noqa: E402
from kblib.loader import load  # noqa: E402

MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


def run_kb(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the CLI the way a contributor does."""
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "kb.py"), *args], input=stdin, capture_output=True, text=True)


@pytest.fixture(scope="session")
def registry():
    return load(ROOT / "errors.yaml")


@pytest.fixture(scope="session")
def generated(registry):
    """{path: text} of everything the generator produces from the real errors.yaml (no recordings)."""
    return gen.generate(registry)


@pytest.fixture(scope="session")
def sdk_recordings(registry):
    """Runs the real SDKs against the fake API once per session; the site and the test set read the result."""
    import json
    import shutil as _shutil

    from kblib import record
    from kblib.recordings import RECORDINGS

    if _shutil.which("node") is None or not (ROOT / "node_modules" / "@anthropic-ai" / "sdk").is_dir():
        pytest.skip("needs node and `npm ci` (make test installs them)")
    record.main(registry)  # the same command as `kb.py record`: writes build/sdk-recordings.json
    return json.loads(RECORDINGS.read_text())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, sdk_recordings):
    """The real site, generated and built with `mkdocs build --strict` into a temporary directory."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == [], warnings
    return out


@pytest.fixture
def mini_copy(tmp_path):
    """A writable copy of the small fixture registry, with the schema next to it as in the repo."""
    path = tmp_path / "errors.yaml"
    shutil.copy(MINI, path)
    return path
