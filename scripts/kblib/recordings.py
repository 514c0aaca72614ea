"""What the real SDKs printed and did against the local fake API (written by `kb.py record`)."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RECORDINGS = ROOT / "build" / "sdk-recordings.json"


def load(path: Path = RECORDINGS) -> dict[str, dict[str, dict]]:
    """{entry id: {sdk id: recording}}; empty when nothing has been recorded on this machine yet."""
    if not path.is_file():
        return {}
    doc = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, dict]] = {}
    for rec in doc.get("recordings", []):
        out.setdefault(rec["entry"], {})[rec["sdk"]] = rec
    return out
