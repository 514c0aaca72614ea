"""The site settings the generator needs, read from mkdocs.yml, the one place they are set.

Only plain keys are read (site_url, repo_url); the file's MkDocs-specific parts are ignored, so another engine
that reads mkdocs.yml (Zensical does) keeps working with the same settings.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ISSUE_TEMPLATE = "missing-error.yml"  # .github/ISSUE_TEMPLATE/, the form a report link opens


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml even where it uses tags such as !!python/name (their values are not needed here)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """MkDocs' `!ENV [NAME, default]`: the environment variable's value, else the default."""
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if os.environ.get(v)), default)


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
_Lenient.add_constructor("!ENV", _env)


@dataclass(frozen=True)
class SiteConfig:
    site_url: str
    repo_url: str
    branch: str = "main"

    @property
    def new_issue(self) -> str:
        return f"{self.repo_url.rstrip('/')}/issues/new"

    def source_line(self, path: str, line: int) -> str:
        """A link to one line of a file in the repository, as GitHub shows it."""
        return f"{self.repo_url.rstrip('/')}/blob/{self.branch}/{path}#L{line}"


def load(path: Path = ROOT / "mkdocs.yml") -> SiteConfig:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Lenient) or {}
    return SiteConfig(site_url=str(data.get("site_url") or "/"), repo_url=str(data.get("repo_url") or ""))
