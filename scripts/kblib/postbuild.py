"""What a built site needs after the build: the Markdown twins beside their pages, and the Content-Security-Policy.

The MkDocs hook runs `run()` after every build; with another engine, run `python scripts/kb.py postbuild site/`.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from . import csp
from .generate import CONTENT, TWINS


def copy_twins(site: Path, content: Path = CONTENT) -> int:
    """content/_twins/<page>/index.md -> site/<page>/index.md (generated, never built as pages)."""
    twins = content / TWINS
    copied = 0
    for twin in twins.rglob("*.md"):
        target = site / twin.relative_to(twins)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(twin, target)
        copied += 1
    return copied


def run(site_dir: Path | str, content: Path = CONTENT) -> str:
    site = Path(site_dir)
    copy_twins(site, content)
    return csp.apply(site)
