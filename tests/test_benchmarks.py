"""The benchmarks the README tells you to run start, and read the index as the site lays it out today."""
from __future__ import annotations

import subprocess
import sys

import pytest

from browser import browser, serve
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))


@pytest.mark.parametrize("script", ["benchmark.py", "benchmark_scale.py"])
def test_benchmark_scripts_start(script):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--help"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "usage" in run.stdout


@pytest.mark.browser
def test_in_page_search_timing_loads_the_whole_index_and_answers(built_site):
    """The latency figures come from the page's own code with every shard loaded: each paste gets a time."""
    from benchmark_scale import search_times

    pastes = ["Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}", "hello"]
    with serve(built_site) as base, browser() as b:
        times = search_times(b, base, pastes)
    assert len(times) == len(pastes) and all(t >= 0 for t in times)
