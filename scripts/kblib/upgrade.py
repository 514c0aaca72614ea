"""Move the pinned SDKs to their newest releases, record again, and say what changed.

`python scripts/kb.py upgrade-sdks` (or `make upgrade-sdks`): installs the newest `anthropic` and
`@anthropic-ai/sdk`, rewrites their pins (requirements.txt, package.json, package-lock.json), reruns the
recordings and prints what changed: error classes and codes the site has no entry for, raised classes
and printed forms that differ. Review the report, update errors.yaml, then commit the new pins.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .model import Registry
from .recordings import RECORDINGS

ROOT = Path(__file__).resolve().parents[2]


def _index(doc: dict) -> dict:
    return {(r["entry"], r["sdk"]): r for r in doc.get("recordings", [])}


def missing_codes(registry: Registry, error_classes: dict) -> list[str]:
    """(status, error_code) pairs the Python SDK maps to a class that have no entry."""
    known = {(e.status, e.error_code) for e in registry.entries if e.error_code}
    return sorted(f"{status} {code} ({cls.__name__})" for (status, code), cls in error_classes.items() if code and (status, code) not in known)


def missing_statuses(registry: Registry, error_classes: dict) -> list[str]:
    known = {e.status for e in registry.entries if e.kind == "status"}
    return sorted(f"{status} ({cls.__name__})" for (status, code), cls in error_classes.items() if code is None and status not in known)


def changes(before: dict, after: dict) -> list[str]:
    """Per entry and SDK: a different class raised, a different printed form, a different version."""
    old, new = _index(before), _index(after)
    lines = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        where = f"{key[0]} ({key[1]})"
        if a is None or b is None:
            lines.append(f"{where}: {'new recording' if a is None else 'no longer recorded'}")
        elif a.get("raised") != b.get("raised"):
            lines.append(f"{where}: raised {a.get('raised')} -> {b.get('raised')}")
        elif a.get("printed") != b.get("printed"):
            lines.append(f"{where}: printed form changed:\n    - {a.get('printed')}\n    + {b.get('printed')}")
        elif (a.get("attempts"), a.get("honoured_retry_after")) != (b.get("attempts"), b.get("honoured_retry_after")):
            lines.append(f"{where}: retries {a.get('attempts')} -> {b.get('attempts')}, retry-after honoured {a.get('honoured_retry_after')} -> {b.get('honoured_retry_after')}")
    return lines


def report(registry: Registry, error_classes: dict, before: dict, after: dict) -> str:
    versions = sorted({f"{r['package']} {r['version']}" for r in after.get("recordings", [])})
    parts = [f"Recorded with: {', '.join(versions)}"]
    for title, items in (("Error codes with no entry", missing_codes(registry, error_classes)),
                         ("Statuses with no entry", missing_statuses(registry, error_classes)),
                         ("Changed since the last recording", changes(before, after))):
        parts.append(f"{title}: {len(items)}")
        parts += [f"  {item}" for item in items]
    return "\n".join(parts)


def _pin(path: Path, pattern: str, replacement: str) -> None:
    path.write_text(re.sub(pattern, replacement, path.read_text(), flags=re.M))


PREVIOUS = RECORDINGS.with_name("sdk-recordings.previous.json")


def main(registry: Registry) -> int:
    PREVIOUS.parent.mkdir(parents=True, exist_ok=True)
    PREVIOUS.write_text(RECORDINGS.read_text() if RECORDINGS.is_file() else "{}")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--upgrade", "anthropic"], check=True)
    subprocess.run(["npm", "install", "--save-exact", "--no-audit", "--no-fund", "@anthropic-ai/sdk@latest"], check=True, cwd=ROOT)
    version = subprocess.run([sys.executable, "-c", "import anthropic; print(anthropic.__version__)"], capture_output=True, text=True, check=True).stdout.strip()
    _pin(ROOT / "requirements.txt", r"^anthropic==.*$", f"anthropic=={version}")
    # A fresh interpreter sees the new package: record and report there.
    code = (
        "import json, sys; sys.path.insert(0, 'scripts');"
        "from kblib.loader import load; from kblib import record, upgrade; from kblib.recordings import RECORDINGS;"
        "from anthropic._error_classes import ERROR_CLASSES;"
        "reg = load('errors.yaml'); after = record.record(reg); RECORDINGS.write_text(json.dumps(after, indent=1) + '\\n');"
        "print(upgrade.report(reg, ERROR_CLASSES, json.loads(upgrade.PREVIOUS.read_text()), after))"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode
