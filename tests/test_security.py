"""Data is text, and the site runs only its own scripts.

Every hostile string (tests/hostile.py) goes into every prose field and every verbatim field of an entry:
the loader refuses it with file, line, entry and field, or the site builds and Chromium runs nothing from it,
while verbatim fields still show it as text. The Content-Security-Policy allows the site's own scripts on
every kind of page and blocks an inline script injected into one.
"""
from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from browser import browser, serve
from conftest import MINI, ROOT, run_kb
from hostile import PAYLOADS
from kblib.loader import DataError, load

PROSE_FIELDS = ["title", "summary", "mistake", "notes", "retry_note", "causes.0", "fixes.0", "sources.0.title"]
SURFACE_FIELDS = ["title", "description"]
SDK_FIELDS = ["notes", "retries.retried"]


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MINI_DATA = yaml.load(MINI.read_text(), Loader=FAST_LOADER)


def _mini() -> dict:
    return copy.deepcopy(MINI_DATA)


def _set(item: dict, dotted: str, value) -> None:
    *parents, last = dotted.split(".")
    for step in parents:
        item = item[int(step)] if step.isdigit() else item[step]
    if last.isdigit():
        item[int(last)] = value
    else:
        item[last] = value


def _write(data: dict, path) -> None:
    path.write_text(yaml.dump(data, Dumper=FAST_DUMPER, sort_keys=False, allow_unicode=True, width=1000))


def _load_with(tmp_path, section: str, key, field: str, value) -> list[str]:
    """Problems the loader reports for the mini registry with one field changed; [] when it loads."""
    data = _mini()
    _set(data[section][key], field, value)
    path = tmp_path / "errors.yaml"
    _write(data, path)
    try:
        load(path)
    except DataError as exc:
        return exc.problems
    return []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_prose_fields_refuse_markup_or_keep_it_text(tmp_path, payload):
    """Either the loader refuses the payload in a prose field, naming file, line, entry and field,
    or it accepts it; accepted payloads are the ones the hostile build below must render as text."""
    for field in PROSE_FIELDS:
        problems = _load_with(tmp_path, "entries", 1, field, payload)
        for problem in problems:
            assert re.match(rf"^errors\.yaml:\d+: entry 'prompt-too-long': field '{field}' ", problem), problem
        outside_code = re.sub(r"(`+).+?\1", "", payload, flags=re.S)  # markup inside code is shown as code
        if re.search(r"<(?:/?[A-Za-z]|[!?])|\]\(\s*(?:javascript|data|vbscript):|!\[", outside_code, re.I):
            assert problems, f"{field} accepted {payload!r}"
    for section, key, fields in (("surfaces", "files", SURFACE_FIELDS), ("sdks", "python", SDK_FIELDS)):
        for field in fields:
            problems = _load_with(tmp_path, section, key, field, payload)
            assert all(re.match(rf"^errors\.yaml:\d+: {section[:-1]} '{key}': field '{field}' ", p) for p in problems), problems


def test_refusal_is_clear_and_writes_nothing(tmp_path):
    data = _mini()
    data["entries"][0]["summary"] = "Slow down <img src=x onerror=alert(1)>"
    data["entries"][2]["fixes"][0] = "Re-upload it, see [docs](javascript:alert(1))"
    path = tmp_path / "errors.yaml"
    _write(data, path)
    out = tmp_path / "content"
    result = run_kb("--data", str(path), "--out", str(out), "generate")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("errors.yaml:")]
    assert len(lines) == 2, result.stderr
    assert "entry 'rate-limit-error': field 'summary' contains raw HTML" in lines[0]
    assert "entry 'file-expired': field 'fixes.0' links to 'javascript:alert(1)'" in lines[1]
    text = path.read_text().splitlines()
    assert "Slow down" in text[int(lines[0].split(":")[1]) - 1]
    assert not out.exists()


def test_verbatim_fields_refuse_only_file_includes(tmp_path):
    for payload in PAYLOADS:
        problems = _load_with(tmp_path, "entries", 1, "message", payload)
        assert bool(problems) == payload.startswith("--8<--"), (payload, problems)


# ---- the hostile site -------------------------------------------------------------------------

def _accepted(data: dict, where: tuple, payload: str, tmp_path) -> bool:
    trial = copy.deepcopy(data)
    _set(trial[where[0]][where[1]], where[2], payload)
    path = tmp_path / "trial.yaml"
    _write(trial, path)
    try:
        load(path)
    except DataError:
        return False
    return True


def _hostile_registry(tmp_path) -> tuple[dict, dict]:
    """The real errors.yaml plus one entry per payload holding it in every field that accepts it.

    Whether a field accepts a payload is tried on the small fixture registry (it doesn't depend on the rest).
    """
    trial = _mini()
    data = yaml.load((ROOT / "errors.yaml").read_text(encoding="utf-8"), Loader=FAST_LOADER)
    placed = {}
    for n, payload in enumerate(PAYLOADS):
        entry = copy.deepcopy(trial["entries"][1])
        entry.update(id=f"hostile-{n:02d}", related=["http-429"], aliases=[], examples={"python": payload}, message=payload,
                     patterns=[payload], sdk={"python": {"exception": "anthropic.BadRequestError", "prints": payload}})
        trial["entries"].append(entry)
        index = len(trial["entries"]) - 1
        if not _accepted(trial, ("entries", index, "patterns.0"), payload, tmp_path):
            entry["patterns"] = [f"hostile pattern {n:02d}"]
        for field in PROSE_FIELDS:
            _set(entry, field, payload if _accepted(trial, ("entries", index, field), payload, tmp_path) else f"Neutral text {n}.")
        if not _accepted(trial, ("entries", index, "message"), payload, tmp_path):
            entry["message"] = entry["examples"]["python"] = entry["sdk"]["python"]["prints"] = f"Neutral message {n}."
        data["entries"].append(entry)
        placed[entry["id"]] = entry
    accepted = [p for p in PAYLOADS if _accepted(trial, ("surfaces", "files", "description"), p, tmp_path)]
    data["surfaces"]["files"]["description"] += " " + " ".join(accepted)
    return data, placed


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile")
    for name in ("mkdocs.yml", "errors.schema.json"):
        shutil.copy(ROOT / name, project / name)
    for name in ("scripts", "overrides", "content"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    data, placed = _hostile_registry(tmp_path_factory.mktemp("trial"))
    _write(data, project / "errors.yaml")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
                            cwd=project, capture_output=True, text=True, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", placed


# What a hostile string would leave in the page had it become markup (checked in the DOM, so the CSP can't hide it).
DOM_SCAN = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push(el.tagName + ' ' + a.name);
      if (/^(href|src|action|data|formaction|xlink:href)$/i.test(a.name) && /^\\s*(javascript|vbscript|data:text)/i.test(a.value)) bad.push(el.tagName + ' ' + a.name + '=' + a.value);
    }
    if (['IFRAME', 'OBJECT', 'EMBED', 'MATH'].includes(el.tagName)) bad.push(el.tagName);
  }
  for (const s of document.querySelectorAll('script:not([src])')) if (/alert|__pwned/.test(s.textContent)) bad.push('inline script');
  for (const s of document.querySelectorAll('style')) if (/evil/.test(s.textContent)) bad.push('style');
  for (const i of document.querySelectorAll('img')) if (/evil|^x$/.test(i.getAttribute('src') || '')) bad.push('img ' + i.getAttribute('src'));
  return bad;
}"""


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.browser
def test_hostile_data_runs_nothing_and_verbatim_text_shows(hostile_site):
    site, placed = hostile_site
    # Every page the hostile data reached: entry pages, hubs, tables, surface and SDK pages (and the 404 page).
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if "hostile-" in p.read_text(encoding="utf-8") or "alert(1)" in p.read_text(encoding="utf-8") or p.name == "404.html")
    assert len(pages) > len(PAYLOADS) + 5
    findings = []
    with serve(site) as base, browser() as b:
        context = b.new_context()
        page = context.new_page()
        dialogs, outside = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
        for path in pages:
            page.goto(base + path)
            page.wait_for_load_state("load")
            bad = page.evaluate(DOM_SCAN)
            if page.evaluate("typeof window.__pwned !== 'undefined'"):
                bad.append("window.__pwned set")
            findings += [f"{path}: {b}" for b in bad]
            match = re.match(r"errors/(hostile-\d\d)/index\.html$", path)
            if match:
                entry = placed[match.group(1)]
                shown = _normal(page.inner_text("article"))
                if _normal(entry["message"]) not in shown:
                    findings.append(f"{path}: the message is not shown as text: {entry['message']!r}")
        context.close()
    assert not dialogs, dialogs
    assert not outside, outside
    assert not findings, findings[:20]


# ---- the Content-Security-Policy --------------------------------------------------------------

PAGE_KINDS = {
    "home": "",
    "paste with results": "paste/#q=" + "API%20Error%3A%20529%20%7B%22type%22%3A%22error%22%2C%22error%22%3A%7B%22type%22%3A%22overloaded_error%22%7D%7D",
    "entry": "errors/http-429/",
    "hub": "status/",
    "surface": "surfaces/bedrock/",
    "sdk": "sdks/python/",
    "tables": "tables/",
    "guide": "guides/retries/",
    "about": "about/",
    "404": "404.html",
    "alias redirect": "errors/429/",
}
RECORD_VIOLATIONS = "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"


@pytest.fixture(scope="module")
def csp_browser(built_site):
    with serve(built_site) as base, browser() as b:
        yield base, b


def _visit(csp_browser, path: str):
    base, b = csp_browser
    context = b.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    return context, page


def test_every_page_carries_the_policy(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert policy, html
        assert "script-src 'self' 'sha256-" in policy.group(1) and "unsafe-inline" not in policy.group(1).split("script-src")[1].split(";")[0]
        assert "connect-src 'self'" in policy.group(1)
        assert text.index("Content-Security-Policy") < text.index("<script"), html
    headers = (built_site / "_headers").read_text()
    assert "frame-ancestors 'none'" in headers and "script-src 'self' 'sha256-" in headers


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_policy_violation_on_any_kind_of_page(csp_browser, kind):
    context, page = _visit(csp_browser, PAGE_KINDS[kind])
    if kind == "paste with results":
        page.wait_for_selector(".mdx-paste__result")
    if kind == "home":  # instant navigation runs the next page's scripts under this page's policy
        page.click("article a[href$='tables/']")
        page.wait_for_url("**/tables/")
        page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__violations")
    errors = page.console_errors
    context.close()
    assert violations == [], violations
    assert not [e for e in errors if "Content Security Policy" in e], errors


@pytest.mark.browser
def test_an_injected_inline_script_is_blocked(csp_browser, built_site):
    original = (built_site / "errors" / "http-429" / "index.html").read_text(encoding="utf-8")
    probe = built_site / "errors" / "http-429" / "csp-probe.html"
    probe.write_text(original.replace("</body>", "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"></body>"), encoding="utf-8")
    try:
        context, page = _visit(csp_browser, "errors/http-429/csp-probe.html")
        ran = page.evaluate("typeof window.__pwned !== 'undefined'")
        violations = page.evaluate("window.__violations")
        theme_ran = page.evaluate("typeof __md_get === 'function'")  # the theme's own inline scripts still run
        context.close()
    finally:
        probe.unlink()
    assert not ran
    assert any(v.startswith("script-src") for v in violations), violations
    assert theme_ran
