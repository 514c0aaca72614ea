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


def _borrowed(registry, entry) -> bool:
    """True when a bare SDK print of this entry's response belongs to another entry: a status or type entry whose
    example message is a specific entry's message, or an entry about one tool or wrapper."""
    import re

    from .patterns import compile_pattern
    from .printed import response_body

    if entry.surfaces[0] != "api" and registry.surfaces[entry.surfaces[0]].group == "provider":
        return True  # about one tool or wrapper (Claude Code, LiteLLM...): a bare SDK print is not what users see there
    if entry.kind not in ("status", "error_type"):
        return False
    body = response_body(entry)
    message = body.get("error", {}).get("message", "") if isinstance(body, dict) and isinstance(body.get("error"), dict) else ""
    specific = (e for e in registry.entries if e.kind not in ("status", "error_type"))
    return bool(message) and any(re.search(compile_pattern(p).regex, message, re.I) for e in specific for p in e.patterns)


def paste_cases(registry, doc: dict) -> list[dict]:
    """Each recorded print whose SDK raises this entry's error and that no other entry printed identically:
    {expect, paste, source}. They join the paste-search test set, and `upgrade-sdks` checks them."""
    recs = [r for r in doc.get("recordings", [])
            if r["entry"] in registry.by_id and registry.exception_for(registry.entry(r["entry"]), r["sdk"]) and not _borrowed(registry, registry.entry(r["entry"]))]
    owners: dict[str, set] = {}
    for rec in recs:
        for paste in rec.get("pastes", []):
            owners.setdefault(paste, set()).add(rec["entry"])
    return [{"expect": rec["entry"], "paste": paste, "source": f"{rec['package']} {rec['version']} against the fake API"}
            for rec in recs for paste in rec.get("pastes", []) if len(owners[paste]) == 1]
