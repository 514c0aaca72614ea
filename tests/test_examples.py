"""Every code example on an entry page is at least valid code in its language."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT


def test_python_examples_compile(registry):
    broken = []
    for entry in registry.entries:
        code = entry.examples.get("python")
        if code:
            try:
                compile(code, f"{entry.id}.py", "exec")
            except SyntaxError as exc:
                broken.append(f"{entry.id}: line {exc.lineno}: {exc.msg}")
    assert not broken, broken


@pytest.mark.skipif(shutil.which("node") is None or not (ROOT / "node_modules" / "esbuild").is_dir(), reason="needs node and `npm ci`")
def test_typescript_examples_parse(registry):
    examples = {e.id: e.examples["typescript"] for e in registry.entries if "typescript" in e.examples}
    assert len(examples) >= 40
    result = subprocess.run(["node", str(ROOT / "tests" / "js" / "check_typescript.js")], input=json.dumps({"examples": examples}),
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {}
