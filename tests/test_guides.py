"""The guides' code really runs: each example is executed against the local fake API."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from kblib.fakeapi import FakeAPI, plan_for, rate_limited_then_ok

pytestmark = pytest.mark.sdk
EXAMPLES = ROOT / "content" / "guides" / "examples"
TSX = ROOT / "node_modules" / ".bin" / "tsx"
needs_tsx = pytest.mark.skipif(shutil.which("node") is None or not TSX.exists(), reason="needs node and `npm ci`")


def _run(kind: str, program: str, base_url: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Only the stall case gets a short client timeout; the fake API holds a stall until the client gives up."""
    env = {**os.environ, "ANTHROPIC_API_KEY": "sk-ant-fake", "ANTHROPIC_BASE_URL": base_url, "CLAUDE_TIMEOUT": str(timeout)}
    command = [sys.executable] if kind == "python" else [str(TSX)]
    return subprocess.run([*command, str(EXAMPLES / program), *args], env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("kind, program", [("python", "retry_with_backoff.py"), pytest.param("typescript", "retry_with_backoff.mts", marks=needs_tsx)])
def test_retry_example_survives_a_429(kind, program):
    with FakeAPI({"retry": rate_limited_then_ok("Hello from the fake API")}) as api:
        result = _run(kind, program, api.url_for("retry"))
        attempts = api.hits["retry"]
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "Hello from the fake API"
    assert "attempt 1:" in result.stdout and "retrying in 1.0s" in result.stdout  # honoured retry-after: 1
    assert len(attempts) == 2 and attempts[1] - attempts[0] >= 0.9


CASES = [
    ("prompt-is-too-long", "fix the request: 400 invalid_request_error"),
    ("overloaded-error", "retry later: 529 overloaded_error"),
    ("api-connection-error", "check the network or proxy"),
    ("api-timeout-error", "stream the response or raise the timeout"),
]


@pytest.mark.parametrize("kind, program", [("python", "handle_errors.py"), pytest.param("typescript", "handle_errors.mts", marks=needs_tsx)])
def test_error_handler_example_says_what_to_do(registry, kind, program):
    plans = {eid: plan_for(registry.entry(eid)) for eid, _ in CASES}
    assert all(plans.values()), plans
    with FakeAPI(plans) as api:
        for entry_id, expected in CASES:
            result = _run(kind, program, api.url_for(entry_id), timeout=1.5 if plans[entry_id]["mode"] == "stall" else 120)
            assert result.returncode == 1, (entry_id, result.stdout, result.stderr)
            line = result.stderr.strip().splitlines()[-1]
            assert line.startswith(expected), (entry_id, line)
            if "request_id=" in line:
                assert "request_id=req_" in line
