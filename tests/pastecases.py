"""The paste-search test set: public reports (tests/pastes/public.yaml) plus what the real SDKs printed
against the fake API (build/sdk-recordings.json, written by `kb.py record` or the SDK-run tests)."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ROOT / "tests" / "pastes" / "public.yaml"
RECORDINGS = ROOT / "build" / "sdk-recordings.json"


def public_cases() -> list[dict]:
    return yaml.safe_load(PUBLIC.read_text())["cases"]


def recorded_cases() -> list[dict]:
    if not RECORDINGS.is_file():
        return []
    cases = []
    for rec in json.loads(RECORDINGS.read_text())["recordings"]:
        for paste in rec.get("pastes", []):
            cases.append({"expect": rec["entry"], "paste": paste, "source": f"{rec['package']} {rec['version']} run against the fake API"})
    return cases


def all_cases() -> list[dict]:
    return public_cases() + recorded_cases()


def accuracy(search, cases) -> dict:
    """top-1, top-3 and mean reciprocal rank of `search(paste) -> [ids]` over the cases."""
    top1 = top3 = rr = 0.0
    misses = []
    for case in cases:
        ids = search(case["paste"])
        if ids[:1] == [case["expect"]]:
            top1 += 1
        else:
            misses.append((case["expect"], ids[:3]))
        if case["expect"] in ids[:3]:
            top3 += 1
        if case["expect"] in ids:
            rr += 1 / (ids.index(case["expect"]) + 1)
    n = len(cases) or 1
    return {"n": len(cases), "top1": top1 / n, "top3": top3 / n, "mrr": rr / n, "misses": misses}
