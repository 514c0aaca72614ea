"""The built site: strict build, no third-party requests, previews for links, stable anchors."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from conftest import ROOT

# Attributes by which a page makes the browser fetch something on its own (links a user clicks are fine).
FETCHING = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}


class _Fetches(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
            return  # metadata, not fetched
        for t, a in FETCHING:
            if tag == t and attrs.get(a):
                self.urls.append(attrs[a])


def _pages(site):
    return sorted(site.rglob("*.html"))


def test_strict_build_passes(built_site):
    assert (built_site / "index.html").is_file()
    assert (built_site / "errors" / "http-429" / "index.html").is_file()
    assert (built_site / "errors.json").is_file()
    assert (built_site / "assets" / "generated" / "paste" / "core.json").is_file() and (built_site / "assets" / "generated" / "paste" / "text-0000.json").is_file()


def test_no_page_requests_a_third_party_host(built_site):
    offenders = []
    for page in _pages(built_site):
        html = page.read_text(encoding="utf-8")
        parser = _Fetches()
        parser.feed(html)
        offenders += [f"{page.relative_to(built_site)}: {u}" for u in parser.urls if re.match(r"^(https?:)?//", u)]
        if "fonts.googleapis" in html or "fonts.gstatic" in html:
            offenders.append(f"{page.relative_to(built_site)}: Google Fonts")
    for css in built_site.rglob("*.css"):
        offenders += [f"{css.name}: {u}" for u in re.findall(r"@import\s+url\((['\"]?)(https?://[^)'\"]+)", css.read_text())]
    assert not offenders, offenders[:20]


def test_entry_pages_carry_description_and_open_graph(built_site, registry):
    entry = registry.entry("http-429")
    html = (built_site / "errors" / "http-429" / "index.html").read_text()
    assert f'<meta name="description" content="{entry.summary}' in html.replace("&#39;", "'")
    assert '<meta property="og:title" content="' + entry.title in html
    assert '<meta property="og:description"' in html


def test_sitemap_lists_entry_pages(built_site):
    sitemap = (built_site / "sitemap.xml").read_text()
    assert "errors/http-429/" in sitemap and "errors/overloaded-error/" in sitemap


def test_every_heading_has_a_permalink(built_site):
    html = (built_site / "errors" / "overloaded-error" / "index.html").read_text()
    headings = re.findall(r"<h2 id=\"([^\"]+)\">", html)
    assert "causes" in headings and "fixes" in headings
    for anchor in headings:
        assert f'href="#{anchor}"' in html, anchor


def test_language_tabs_are_linked_across_the_site():
    config = (ROOT / "mkdocs.yml").read_text()
    assert "content.tabs.link" in config and "content.code.copy" in config and "navigation.instant" in config


def test_old_ids_redirect(built_site, registry):
    aliased = [e for e in registry.entries if e.aliases]
    assert aliased, "no entry has an alias; the redirect pages are untested on the real site"
    for entry in aliased:
        for alias in entry.aliases:
            html = (built_site / "errors" / alias / "index.html").read_text()
            assert f"../{entry.id}/" in html
