"""Links never break: every internal link and #anchor of the built site resolves, every old id and status
number redirects to a page that answers 200, and a missing page gets the site's own 404 page."""
from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest

from browser import browser, serve
from kblib import siteconfig

SITE_URL = siteconfig.load().site_url


class _Page(HTMLParser):
    """The links and the anchor targets (id and name attributes) of one page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()
        self.refresh: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name"):
            if attrs.get(name):
                self.anchors.add(attrs[name])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("rel") in ("canonical", "alternate", "stylesheet", "icon", "search") and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("script", "img") and attrs.get("src"):
            self.links.append(attrs["src"])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.refresh = (attrs.get("content") or "").split("url=", 1)[-1]


def _parse(path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site, page_path, href: str):
    """(file the link points to, anchor or None), or None for a link that leaves the site."""
    if href.startswith(SITE_URL):
        href = "/" + href[len(SITE_URL):]
    parts = urllib.parse.urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    here = "/" + page_path.relative_to(site).as_posix()
    path = urllib.parse.urljoin(here, urllib.parse.unquote(parts.path)) if parts.path else here
    file = site / path.lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, parts.fragment or None


@pytest.fixture(scope="module")
def pages(built_site):
    return {path: _parse(path) for path in built_site.rglob("*.html")}


def test_every_internal_link_and_anchor_resolves(built_site, pages):
    broken = []
    for path, page in pages.items():
        for href in page.links:
            target = _target(built_site, path, href)
            if target is None:
                continue
            file, anchor = target
            where = f"{path.relative_to(built_site)} -> {href}"
            if not file.is_file():
                broken.append(f"{where}: no such file")
            elif anchor and file.suffix == ".html" and anchor not in pages[file].anchors:
                broken.append(f"{where}: no #{anchor} there")
    assert len(pages) > 300
    assert not broken, f"{len(broken)} broken links, e.g.\n" + "\n".join(broken[:25])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def test_every_alias_and_status_number_lands_on_a_200_entry(built_site, registry):
    redirects = [(alias, entry) for entry in registry.entries for alias in entry.aliases]
    assert any(alias.isdigit() for alias, _ in redirects), "no status-number redirect to test"
    wrong = []
    with serve(built_site) as base:
        for alias, entry in redirects:
            status, html = _get(f"{base}errors/{alias}/")
            refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
            if status != 200 or not refresh:
                wrong.append(f"{alias}: {status}, no redirect")
                continue
            landed = urllib.parse.urljoin(f"{base}errors/{alias}/", refresh.group(1))
            status, html = _get(landed)
            if status != 200 or not landed.endswith(f"/errors/{entry.id}/") or f'<meta property="og:title" content="{entry.title}' not in html.replace("&#39;", "'"):
                wrong.append(f"{alias}: landed on {landed} ({status})")
    assert not wrong, wrong


@pytest.mark.browser
def test_a_missing_page_gets_the_styled_404_with_the_paste_search(built_site):
    with serve(built_site) as base, browser() as b:
        page = b.new_page()
        response = page.goto(base + "errors/no-such-error/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        assert page.locator(".md-header").is_visible()  # the theme's stylesheet and header loaded
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        page.click("article a:has-text('Paste your error')")
        page.wait_for_url("**/paste/")
        assert page.locator("#mdx-paste-input").is_visible()
