"""One algorithm, two front ends: the page's JavaScript and `kb.py explain` give the same ranking.

Runs the real paste-search.js with the real lunr.js (npm, pinned) under Node on every test case.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT
from kblib.pastesearch import INDEX_PATH, PasteIndex, redact, tokens
from pastecases import all_cases, negative_cases

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None or not (ROOT / "node_modules" / "lunr").is_dir(), reason="needs node and `npm ci`")


def _node(payload: dict) -> dict:
    result = subprocess.run([NODE, str(ROOT / "tests" / "js" / "run_paste_search.js")], input=json.dumps(payload), capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def index_file(generated, tmp_path_factory):
    path = tmp_path_factory.mktemp("idx") / "paste-index.json"
    path.write_text(generated[INDEX_PATH])
    return path


EXTRA = [
    "", "\x00\x01 binary \ufffd\ufffd", "<img src=x onerror=alert(1)>", "overloaded", "credit balance",
    "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
    "Error: 400 {\\\"type\\\":\\\"error\\\",\\\"error\\\":{\\\"type\\\":\\\"invalid_request_error\\\",\\\"message\\\":\\\"messages: roles must alternate\\\"}}",
    "caf\u00e9 \u2014 \u201cquoted\u201d \U0001F600 emoji 429",
]


def _without_scores(answer: dict) -> dict:
    return {**answer, "matches": [{k: v for k, v in m.items() if k in ("id", "why", "confidence")} for m in answer["matches"]]}


def test_js_and_python_answer_every_case_the_same(index_file, sdk_recordings):
    """Same verdict, same read, same entries in the same order with the same why and confidence; scores to 1e-6."""
    pastes = [c["paste"] for c in all_cases() + negative_cases()] + EXTRA
    js = _node({"index": str(index_file), "pastes": pastes, "top": 5})["results"]
    py_index = PasteIndex.from_file(index_file)
    differences = []
    for paste, js_answer in zip(pastes, js, strict=True):
        py_answer = py_index.explain(paste, top=5)
        if _without_scores(py_answer) != _without_scores({**js_answer, "matches": js_answer["matches"]}):
            differences.append((paste[:80], _without_scores(py_answer), _without_scores(js_answer)))
        for p, j in zip(py_answer["matches"], js_answer["matches"]):
            assert abs(p["score"] - j["score"]) < 1e-6, (paste[:80], p, j)
    assert not differences, differences[:3]


def test_lunr_py_index_scores_the_same_in_lunr_js(index_file):
    """The trap: lunr.py and lunr.js stem and trim differently. We use no pipeline; this proves it."""
    queries = [tokens(t) for t in ("api key gateway delay", "input_schema: oneOf anyOf", "overloaded_error Overloaded", "prompt is too long tokens maximum", "credit balance too low")]
    js = _node({"index": str(index_file), "pastes": [], "top": 5, "lunr_queries": queries})["lunr"]
    py_index = PasteIndex.from_file(index_file)
    for query, js_results in zip(queries, js):
        q = py_index.lunr.create_query()
        for tok in query:
            q.term(tok, use_pipeline=False)
        py_results = py_index.lunr.query(q)
        assert [r["ref"] for r in py_results] == [r["ref"] for r in js_results], query
        for p, j in zip(py_results, js_results):
            assert abs(p["score"] - j["score"]) <= 1e-9 * max(1.0, abs(p["score"])), (query, p, j)
        assert py_results, query


def test_redaction_is_the_same_in_the_page(index_file):
    samples = ["x-api-key: sk-ant-api03-AAAAAAAAAAAA and Bearer abcdefghijklmnop", "AKIAIOSFODNN7EXAMPLE api_key=\"zzz99999\"", "nothing secret here"]
    js = _node({"index": str(index_file), "pastes": [], "top": 5, "redact": samples})["redactions"]
    for sample, j in zip(samples, js, strict=True):
        text, count = redact(sample)
        assert (j["text"], j["count"]) == (text, count)


def test_vendored_lunr_is_the_pinned_npm_release():
    vendored = (ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "lunr.min.js").read_bytes()
    assert vendored == (ROOT / "node_modules" / "lunr" / "lunr.min.js").read_bytes()
