"""The paste-search test set: public reports (tests/pastes/public.yaml) plus what the real SDKs printed
against the fake API (build/sdk-recordings.json, written by `kb.py record` or the SDK-run tests)."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ROOT / "tests" / "pastes" / "public.yaml"
NEGATIVE = ROOT / "tests" / "pastes" / "negative.yaml"
RECORDINGS = ROOT / "build" / "sdk-recordings.json"


def public_cases() -> list[dict]:
    return yaml.safe_load(PUBLIC.read_text())["cases"]


def recorded_cases() -> list[dict]:
    """What the real SDKs printed for each entry (see kblib.recordings.paste_cases)."""
    if not RECORDINGS.is_file():
        return []
    from kblib.loader import load
    from kblib.recordings import paste_cases

    return paste_cases(load(ROOT / "errors.yaml"), json.loads(RECORDINGS.read_text()))


def negative_cases() -> list[dict]:
    """Real texts that are not Claude errors (other providers' errors, unrelated tracebacks, prose)."""
    return yaml.safe_load(NEGATIVE.read_text())["cases"]


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


TIERS = ("exact", "likely", "related")


def tier_table(explain, positives, negatives) -> dict:
    """Selective answering: per confidence tier of the top answer, how many were right and wrong, and how many
    pastes got no answer shown as a match ("none": verdict none or other-provider).

    `explain(paste) -> {"verdict", "matches": [{"id", "confidence"}...]}`. A negative shown as a match is wrong.
    """
    table = {"positives": {t: {"right": 0, "wrong": 0} for t in TIERS}, "negatives": {t: {"right": 0, "wrong": 0} for t in TIERS}}
    table["positives"]["none"] = table["negatives"]["none"] = 0
    table["negatives"]["other-provider"] = 0
    for side, cases in (("positives", positives), ("negatives", negatives)):
        for case in cases:
            answer = explain(case["paste"])
            if answer["verdict"] == "other-provider" and side == "negatives":
                table[side]["other-provider"] += 1
            if not answer["matches"] or answer["verdict"] == "other-provider":
                table[side]["none"] += 1
                continue
            top = answer["matches"][0]
            right = side == "positives" and top["id"] == case["expect"]
            table[side][top["confidence"]]["right" if right else "wrong"] += 1
    return table


def shown_as_match(table: dict, side: str) -> tuple[int, int]:
    """(right, wrong) among answers shown as a match: exact or likely."""
    cells = [table[side][t] for t in ("exact", "likely")]
    return sum(c["right"] for c in cells), sum(c["wrong"] for c in cells)
