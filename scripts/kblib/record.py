"""Run the real SDKs against the fake API and record what they raise, print and retry.

Python (`anthropic`, in this process) and TypeScript (`@anthropic-ai/sdk`, under Node) call the fake
API once per entry that has an example response, with retries off, to record the class and the
printed form; then, for retryable statuses and types, once more with the SDK's default retries and a
`retry-after: 1` header, to count attempts and see whether the header was honoured.
The result goes to build/sdk-recordings.json: the site shows it, the paste-search tests use it.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .fakeapi import FakeAPI, plan_for
from .model import Registry
from .recordings import RECORDINGS

ROOT = Path(__file__).resolve().parents[2]
RETRY_AFTER = 1.0
# Client timeouts, in seconds. Only a stall meets the short one: the fake API holds a stalled request until the
# client gives up. Every other run gets one no load can trip, so a busy machine records the same classes.
STALL_TIMEOUT = 1.5
TIMEOUT = 120.0


def _timeout(plan: dict) -> float:
    return STALL_TIMEOUT if plan["mode"] == "stall" else TIMEOUT


def _python_client(base_url: str, max_retries: int, provider: str = "api", timeout: float = TIMEOUT):
    """The client a user of that provider has: Bedrock and Vertex entries go through their own clients."""
    import anthropic

    common = dict(base_url=base_url, max_retries=max_retries, timeout=timeout)
    if provider == "bedrock":  # signs with botocore; fake credentials are fine for a local server
        return anthropic.AnthropicBedrock(aws_access_key="AKIAFAKEFAKEFAKEFAKE", aws_secret_key="fake", aws_region="us-east-1", **common)
    if provider == "vertex":  # an explicit access token skips Google auth
        return anthropic.AnthropicVertex(region="us-east5", project_id="fake-project", access_token="fake", **common)
    return anthropic.Anthropic(api_key="sk-ant-fake", **common)


CLIENT_NAMES = {"bedrock": "AnthropicBedrock", "vertex": "AnthropicVertex"}


def _python_call(base_url: str, stream: bool, max_retries: int, provider: str = "api", timeout: float = TIMEOUT):
    client = _python_client(base_url, max_retries, provider, timeout)
    params = dict(model="claude-fake", max_tokens=16, messages=[{"role": "user", "content": "hi"}])
    try:
        if stream:
            for _ in client.messages.create(**params, stream=True):
                pass
        else:
            client.messages.create(**params)
    except Exception as exc:  # noqa: BLE001 - recording whatever the SDK raises is the point
        return exc
    return None


def _python_record(api: FakeAPI, entry_id: str, plan: dict, provider: str) -> dict:
    exc = _python_call(api.url_for(entry_id), plan["mode"] == "sse_error", 0, provider, _timeout(plan))
    if exc is None:
        return {"entry": entry_id, "raised": None}
    cls = type(exc)
    last_line = traceback.format_exception_only(exc)[-1].rstrip("\n")
    return {"entry": entry_id, "raised": f"{cls.__module__}.{cls.__qualname__}", "str": str(exc), "printed": last_line,
            "status": getattr(exc, "status_code", None), "pastes": [last_line], "client": CLIENT_NAMES.get(provider, "Anthropic")}


def _typescript(jobs: list[dict]) -> dict:
    runner = ROOT / "scripts" / "record_typescript.js"
    result = subprocess.run(["node", str(runner)], input=json.dumps(jobs), capture_output=True, text=True, cwd=ROOT, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"TypeScript runner failed: {result.stderr.strip()[-2000:]}")
    return json.loads(result.stdout)


def _retry_plans(registry: Registry, plans: dict) -> dict:
    """Every retryable entry with an HTTP example, answered with retry-after: 1."""
    out = {}
    for entry in registry.entries:
        plan = plans.get(entry.id)
        if entry.retryable and plan and plan["mode"] == "http":
            out[entry.id + "--retry"] = {**plan, "headers": {**plan["headers"], "retry-after": "1"}}
    return out


def _retry_facts(hits: list[float]) -> dict:
    gaps = [b - a for a, b in zip(hits, hits[1:])]
    return {"attempts": len(hits), "honoured_retry_after": bool(gaps) and all(g >= RETRY_AFTER * 0.9 for g in gaps)}


def record(registry: Registry) -> dict:
    import anthropic

    plans = {e.id: p for e in registry.entries if (p := plan_for(e))}
    providers = {e.id: e.surfaces[0] for e in registry.entries}
    retry_plans = _retry_plans(registry, plans)
    started = time.monotonic()
    with FakeAPI({**plans, **retry_plans}) as api:
        jobs = [{"entry": eid, "base_url": api.url_for(eid), "stream": p["mode"] == "sse_error", "max_retries": 0, "timeout_ms": int(_timeout(p) * 1000), "provider": providers[eid]} for eid, p in plans.items()]
        retry_jobs = [{"entry": eid, "base_url": api.url_for(eid), "stream": False, "max_retries": 2, "timeout_ms": int(TIMEOUT * 1000), "provider": providers[eid.removesuffix("--retry")]} for eid in retry_plans]
        with ThreadPoolExecutor(max_workers=8) as pool:
            ts_future = pool.submit(_typescript, jobs)
            py = list(pool.map(lambda item: _python_record(api, *item, providers[item[0]]), plans.items()))
            list(pool.map(lambda eid: _python_call(api.url_for(eid), False, 2, providers[eid.removesuffix("--retry")]), retry_plans))
            py_retry = {eid: _retry_facts(api.hits.pop(eid, [])) for eid in retry_plans}
            ts = ts_future.result()
        ts_retry_run = _typescript(retry_jobs)
        ts_retry = {eid: _retry_facts(api.hits.pop(eid, [])) for eid in retry_plans}
    recordings = []
    for rec in py:
        rec.update({"sdk": "python", "package": "anthropic", "version": anthropic.__version__})
        rec.update(py_retry.get(rec["entry"] + "--retry", {}))
        recordings.append(rec)
    for res in ts["results"]:
        rec = {"entry": res["entry"], "sdk": "typescript", "package": ts["package"], "version": ts["version"], "raised": res.get("raised"),
               "name": res.get("name"), "message": res.get("message"), "printed": res.get("first_line"), "status": res.get("status"),
               "pastes": [res["first_line"]] if res.get("first_line") else [], "client": res.get("client", "Anthropic")}
        rec.update(ts_retry.get(res["entry"] + "--retry", {}))
        recordings.append(rec)
    return {"generated": "by `python scripts/kb.py record`; do not edit", "seconds": round(time.monotonic() - started, 1),
            "typescript_retry_runs": len(ts_retry_run["results"]), "recordings": recordings}


def main(registry: Registry, path: Path = RECORDINGS) -> int:
    doc = record(registry)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    raised = sum(1 for r in doc["recordings"] if r.get("raised"))
    print(f"{len(doc['recordings'])} recordings ({raised} raised) in {doc['seconds']} s -> {path.relative_to(ROOT)}", file=sys.stderr)
    return 0
