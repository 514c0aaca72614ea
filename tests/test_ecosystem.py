"""Where the site meets its users' tools: CI and deploy workflows, Markdown twins and llms.txt for LLM tools,
OpenSearch for the address bar, the `claude-errors` package, and the links on every entry page."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
import yaml

from conftest import ROOT, run_kb
from kblib import safetext, siteconfig

SITE_URL = siteconfig.load().site_url
WORKFLOWS = ROOT / ".github" / "workflows"


# ---- workflows ----------------------------------------------------------------------------------

def _workflow(name: str) -> dict:
    doc = yaml.safe_load((WORKFLOWS / name).read_text())
    doc["on"] = doc.pop(True, doc.get("on"))  # YAML 1.1 reads the key `on` as true
    return doc


def _runs(doc: dict) -> list[str]:
    return [step.get("run", "") for job in doc["jobs"].values() for step in job.get("steps", [])]


def test_the_test_workflow_runs_the_readmes_test_command_on_every_push_and_pull_request():
    doc = _workflow("test.yml")
    assert set(doc["on"]) >= {"push", "pull_request"}
    readme_command = re.search(r"^make test\b", (ROOT / "README.md").read_text(), re.M)
    assert readme_command and "make test" in _runs(doc)
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_the_pages_workflow_builds_with_the_pins_and_deploys():
    doc = _workflow("pages.yml")
    build, deploy = doc["jobs"]["build"], doc["jobs"]["deploy"]
    assert "make site" in _runs(doc) and "SITE_URL" in build["env"]
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") and step["with"]["path"] == "site" for step in build["steps"])
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in deploy["steps"])
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^site:.*\n(\t.*\n)*\t\$\(PY\) -m mkdocs build --strict", makefile, re.M)


def test_the_drift_workflow_runs_weekly_and_opens_an_issue_when_something_is_missing():
    doc = _workflow("sdk-drift.yml")
    assert re.fullmatch(r"\d+ \d+ \* \* [0-6]", doc["on"]["schedule"][0]["cron"])
    steps = doc["jobs"]["drift"]["steps"]
    drift = next(s for s in steps if s.get("run") == "make upgrade-sdks")
    assert drift.get("continue-on-error") is True
    opener = next(s for s in steps if s.get("uses", "").startswith("actions/github-script"))
    assert "issues.create" in opener["with"]["script"] and "sdk-drift-report.md" in opener["with"]["script"]
    assert doc["permissions"]["issues"] == "write"


# ---- Markdown twins, llms.txt, OpenSearch -------------------------------------------------------

def test_every_entry_has_a_markdown_twin_made_from_the_data(built_site, registry):
    for entry in registry.entries:
        twin = (built_site / "errors" / entry.id / "index.md").read_text(encoding="utf-8")
        assert twin.splitlines()[1] == f"# {safetext.markdown(entry.title)}", entry.id
        for text in [entry.summary, *entry.causes, *entry.fixes]:
            assert safetext.markdown(text) in twin, (entry.id, text)
        for source in entry.sources:
            assert safetext.url(source.url) in twin, (entry.id, source.url)
        if entry.message:
            assert entry.message.rstrip() in twin, entry.id
        page = (built_site / "errors" / entry.id / "index.html").read_text(encoding="utf-8")
        assert '<link rel="alternate" type="text/markdown" href="index.md">' in page, entry.id


@pytest.mark.parametrize("page", ["status", "types", "errors", "surfaces", "surfaces/bedrock", "guides/retries", "guides/error-handling"])
def test_hubs_and_guides_have_twins_linked_from_their_pages(built_site, page):
    assert (built_site / page / "index.md").is_file()
    assert '<link rel="alternate" type="text/markdown" href="index.md">' in (built_site / page / "index.html").read_text(encoding="utf-8")


def test_every_link_in_the_twins_and_llms_txt_resolves(built_site):
    twins = [p for p in built_site.rglob("index.md")]
    broken = []
    for twin in twins:
        for target in re.findall(r"\]\(([^)\s]+)\)", twin.read_text(encoding="utf-8")):
            if re.match(r"https?://", target):
                continue
            path = urllib.parse.urlsplit(target).path
            resolved = (twin.parent / path).resolve()
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.append(f"{twin.relative_to(built_site)} -> {target}")
    for line in (built_site / "llms.txt").read_text().splitlines():
        for target in re.findall(r"\]\((" + re.escape(SITE_URL) + r"[^)]+)\)", line):
            if not (built_site / target[len(SITE_URL):]).is_file():
                broken.append(f"llms.txt -> {target}")
    assert len(twins) > 400
    assert not broken, broken[:20]


def test_llms_txt_lists_every_entry_and_llms_full_holds_them(built_site, registry):
    index = (built_site / "llms.txt").read_text()
    full = (built_site / "llms-full.txt").read_text()
    assert index.startswith("# Claude API errors\n\n> ")
    for entry in registry.entries:
        assert f"]({SITE_URL}errors/{entry.id}/index.md): {safetext.markdown(entry.summary)}" in index, entry.id
        assert f"# {safetext.markdown(entry.title)}\n" in full, entry.id


def test_opensearch_sends_a_paste_to_the_paste_search_and_every_page_offers_it(built_site):
    doc = ET.parse(built_site / "opensearch.xml").getroot()
    ns = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
    url = doc.find("os:Url", ns)
    assert url.get("type") == "text/html" and url.get("template") == f"{SITE_URL}paste/?q={{searchTerms}}"
    for page in ["index.html", "paste/index.html", "errors/http-429/index.html", "404.html"]:
        assert 'rel="search" type="application/opensearchdescription+xml"' in (built_site / page).read_text(encoding="utf-8"), page


# ---- the entry page's own links -----------------------------------------------------------------

def test_every_entry_page_says_when_it_was_verified_and_links_its_line_and_a_report(built_site, registry):
    site = siteconfig.load()
    for entry in registry.entries:
        page = (built_site / "errors" / entry.id / "index.html").read_text(encoding="utf-8")
        assert f"Last verified: {entry.verified}" in page, entry.id
        assert f'href="{site.source_line("errors.yaml", entry.line)}"' in page, entry.id
        report = re.search(r'<a class="mdx-report" href="([^"]+)"', page)
        assert report and "Report a problem with this page" in page, entry.id
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(report.group(1).replace("&amp;", "&")).query)
        assert query["template"] == ["missing-error.yml"] and query["entry"] == [entry.id]
    lines = (ROOT / "errors.yaml").read_text().splitlines()
    assert all(lines[e.line - 1] == f"- id: {e.id}" for e in registry.entries)


# ---- the claude-errors package ------------------------------------------------------------------

@pytest.fixture(scope="module")
def installed_cli(tmp_path_factory):
    """The package built into a wheel and installed into a fresh virtualenv, as `pipx install` would."""
    work = tmp_path_factory.mktemp("package")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "wheels"), str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)
    wheel = next((work / "wheels").glob("claude_api_errors-*.whl"))
    install = subprocess.run([str(work / "venv" / "bin" / "pip"), "install", "-q", str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    return work / "venv" / "bin" / "claude-errors", work


def _outside(cli, work, *args, stdin=None):
    return subprocess.run([str(cli), *args], input=stdin, capture_output=True, text=True, cwd=work)  # not in a clone


@pytest.mark.package
def test_the_installed_cli_answers_like_kb_py_outside_the_repository(installed_cli, generated):
    from pastecases import negative_cases, public_cases

    cli, work = installed_cli
    cases = public_cases()[::60] + negative_cases()[::60]
    assert len(cases) >= 15
    for case in cases:
        ours = _outside(cli, work, "explain", "--json", stdin=case["paste"])
        theirs = run_kb("explain", "--json", stdin=case["paste"])
        assert (ours.returncode, json.loads(ours.stdout)) == (theirs.returncode, json.loads(theirs.stdout)), case["paste"][:80]


@pytest.mark.package
def test_the_installed_cli_tells_its_versions_and_the_link_for_a_ticket(installed_cli, registry):
    cli, work = installed_cli
    version = _outside(cli, work, "--version")
    assert version.returncode == 0 and registry.data_version in version.stdout
    assert f"Python {registry.sdks['python'].version_checked}" in version.stdout
    link = _outside(cli, work, "explain", "--url", 'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}')
    assert link.returncode == 0 and link.stdout.strip() == f"{SITE_URL}errors/claude-code-overloaded-529/"
    none = _outside(cli, work, "explain", "--url", "my toaster is on fire")
    assert none.returncode == 1
