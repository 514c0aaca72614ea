"""Move the pinned SDKs to their newest releases, record again, and say what the site lacks for them.

`python scripts/kb.py upgrade-sdks` (or `make upgrade-sdks`): installs the newest `anthropic`,
`@anthropic-ai/sdk`, `@anthropic-ai/bedrock-sdk` and `@anthropic-ai/vertex-sdk`, rewrites their pins
(requirements.txt, package.json, package-lock.json) and the versions errors.yaml says it checked, reruns the
recordings and reports:

- error codes and statuses the new Python SDK maps that have no entry;
- exception classes the new SDKs export that errors.yaml names nowhere;
- printed forms the paste search no longer answers with their own entry;
- what changed since the last recording (raised class, printed form, retries), for review.

It exits 1 when any of the first three lists is not empty, so a scheduled run (.github/workflows/sdk-drift.yml)
fails and opens an issue with the report.
"""
from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

from .model import Registry
from .recordings import RECORDINGS, paste_cases

ROOT = Path(__file__).resolve().parents[2]
NPM_PACKAGES = ["@anthropic-ai/sdk", "@anthropic-ai/bedrock-sdk", "@anthropic-ai/vertex-sdk"]
PREVIOUS = RECORDINGS.with_name("sdk-recordings.previous.json")
REPORT = RECORDINGS.with_name("sdk-drift-report.md")


def _index(doc: dict) -> dict:
    return {(r["entry"], r["sdk"]): r for r in doc.get("recordings", [])}


def missing_codes(registry: Registry, error_classes: dict) -> list[str]:
    """(status, error_code) pairs the Python SDK maps to a class that have no entry."""
    known = {(e.status, e.error_code) for e in registry.entries if e.error_code}
    return sorted(f"{status} {code} ({cls.__name__})" for (status, code), cls in error_classes.items() if code and (status, code) not in known)


def missing_statuses(registry: Registry, error_classes: dict) -> list[str]:
    known = {e.status for e in registry.entries if e.kind == "status"}
    return sorted(f"{status} ({cls.__name__})" for (status, code), cls in error_classes.items() if code is None and status not in known)


def named_classes(registry: Registry, sdk_id: str) -> set[str]:
    """Every exception class errors.yaml names for one SDK, by its last name part."""
    names = set(registry.sdks[sdk_id].classes.values()) | {o.exception for e in registry.entries for k, o in e.sdk.items() if k == sdk_id}
    return {re.split(r"[.:\\]+", n)[-1] for n in names}


def missing_classes(registry: Registry, exported: dict[str, list[str]]) -> list[str]:
    """Exception classes an SDK exports ({sdk id: [class names]}) that errors.yaml names nowhere."""
    return sorted(f"{sdk_id}: {name}" for sdk_id, names in exported.items() for name in names if name not in named_classes(registry, sdk_id))


def unexplained_prints(registry: Registry, after: dict, search) -> list[str]:
    """Recorded prints whose own entry the paste search no longer ranks first (`search(paste) -> [ids]`)."""
    lines = []
    for case in paste_cases(registry, after):
        got = search(case["paste"])[:1]
        if got != [case["expect"]]:
            lines.append(f"{case['expect']}: {case['source']} printed {case['paste'][:120]!r}, which finds {got[0] if got else 'nothing'}")
    return lines


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


BLOCKING = ("Error codes with no entry", "Statuses with no entry", "Exception classes named nowhere in errors.yaml", "Printed forms the paste search does not answer")


def findings(registry: Registry, error_classes: dict, exported: dict, before: dict, after: dict, search) -> dict[str, list[str]]:
    return {
        "Error codes with no entry": missing_codes(registry, error_classes),
        "Statuses with no entry": missing_statuses(registry, error_classes),
        "Exception classes named nowhere in errors.yaml": missing_classes(registry, exported),
        "Printed forms the paste search does not answer": unexplained_prints(registry, after, search),
        "Changed since the last recording": changes(before, after),
    }


def report(found: dict[str, list[str]], after: dict) -> str:
    versions = sorted({f"{r['package']} {r['version']}" for r in after.get("recordings", [])})
    parts = [f"Recorded with: {', '.join(versions)}"]
    for title, items in found.items():
        parts.append(f"{title}: {len(items)}")
        parts += [f"  {item}" for item in items]
    gaps = sum(len(found[t]) for t in BLOCKING)
    parts.append(f"{gaps} gap(s) to fill in errors.yaml" if gaps else "Nothing missing: every code, class and printed form has its entry.")
    return "\n".join(parts)


def exit_status(found: dict[str, list[str]]) -> int:
    return 1 if any(found[t] for t in BLOCKING) else 0


def python_exports() -> list[str]:
    """Exception classes of the installed `anthropic`: its error-code table and its public exception module."""
    import anthropic
    from anthropic import _exceptions
    from anthropic._error_classes import ERROR_CLASSES

    # Old names kept as aliases (RequestTooLargeError is ContentTooLargeError) count as the class they name.
    public = {getattr(_exceptions, name).__name__ for name in dir(_exceptions) if name.endswith("Error") and isinstance(getattr(_exceptions, name), type)
              and issubclass(getattr(_exceptions, name), Exception) and hasattr(anthropic, name)}
    return sorted(public | {cls.__name__ for cls in ERROR_CLASSES.values()})


def typescript_exports() -> list[str]:
    """Error classes the installed @anthropic-ai/sdk exports at its root."""
    script = "const m = require('@anthropic-ai/sdk'); console.log(JSON.stringify(Object.keys(m).filter(k => /Error$/.test(k) && typeof m[k] === 'function')))"
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(result.stdout)


def _pin(path: Path, pattern: str, replacement: str) -> None:
    path.write_text(re.sub(pattern, replacement, path.read_text(), flags=re.M))


def _record_checked_versions(python_version: str, typescript_version: str) -> None:
    """errors.yaml says which versions were checked, and when: the SDK pages and the About page show it."""
    today = datetime.date.today().isoformat()
    data = ROOT / "errors.yaml"
    text = data.read_text(encoding="utf-8")
    for sdk_id, version in (("python", python_version), ("typescript", typescript_version)):
        block = re.search(rf"^  {sdk_id}:\n(?:    .*\n|\n)*?(?=^  \S|^\S)", text[text.index("\nsdks:"):], re.M)
        start = text.index("\nsdks:") + block.start()
        chunk = text[start:start + len(block.group(0))]
        chunk = re.sub(r"^    version_checked: .*$", f'    version_checked: "{version}"', chunk, flags=re.M)
        chunk = re.sub(r"^    checked_on: .*$", f"    checked_on: '{today}'", chunk, flags=re.M)
        text = text[:start] + chunk + text[start + len(block.group(0)):]
    data.write_text(text, encoding="utf-8")


def install_newest() -> tuple[str, str]:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--upgrade", "anthropic"], check=True)
    subprocess.run(["npm", "install", "--save-exact", "--no-audit", "--no-fund", *(f"{p}@latest" for p in NPM_PACKAGES)], check=True, cwd=ROOT)
    python_version = subprocess.run([sys.executable, "-c", "import anthropic; print(anthropic.__version__)"], capture_output=True, text=True, check=True).stdout.strip()
    typescript_version = json.loads((ROOT / "node_modules" / "@anthropic-ai" / "sdk" / "package.json").read_text())["version"]
    _pin(ROOT / "requirements.txt", r"^anthropic==\S+", f"anthropic=={python_version}")
    _record_checked_versions(python_version, typescript_version)
    return python_version, typescript_version


def check_installed() -> int:
    """Record with the installed SDKs and report; run in a fresh interpreter after an install."""
    from anthropic._error_classes import ERROR_CLASSES

    from . import record
    from .loader import load
    from .pastesearch import PasteIndex, build_index

    registry = load(ROOT / "errors.yaml")
    before = json.loads(PREVIOUS.read_text()) if PREVIOUS.is_file() else {}
    after = record.record(registry)
    RECORDINGS.write_text(json.dumps(after, indent=1, ensure_ascii=False) + "\n")
    index = PasteIndex(build_index(registry))
    exported = {"python": python_exports(), "typescript": typescript_exports()}
    found = findings(registry, ERROR_CLASSES, exported, before, after, lambda p: [m["id"] for m in index.search(p, 3)])
    text = report(found, after)
    REPORT.write_text(text + "\n")
    print(text)
    return exit_status(found)


def main(registry: Registry, install: bool = True) -> int:
    PREVIOUS.parent.mkdir(parents=True, exist_ok=True)
    PREVIOUS.write_text(RECORDINGS.read_text() if RECORDINGS.is_file() else "{}")
    if install:
        install_newest()
    # A fresh interpreter sees the newly installed package.
    code = "import sys; sys.path.insert(0, 'scripts'); from kblib import upgrade; sys.exit(upgrade.check_installed())"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode
