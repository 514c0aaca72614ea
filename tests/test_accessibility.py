"""axe-core (npm, injected from node_modules: no network) on the main kinds of page, light and dark."""
from __future__ import annotations

import pytest

from browser import browser, serve
from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not (ROOT / "node_modules" / "axe-core").is_dir(), reason="needs `npm ci`")]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "errors/http-429/", "paste/?q=429%20rate_limit_error", "tables/", "guides/retries/"]


@pytest.fixture(scope="module")
def page(built_site):
    with serve(built_site) as base, browser() as b:
        p = b.new_page(bypass_csp=True)  # axe-core is injected as an inline script
        p.base = base
        yield p


def _axe(page, path: str, scheme: str, context: str = "document", rules: str = "") -> list:
    page.goto(page.base + path)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.wait_for_timeout(400)  # Material animates colours; measure after the transition
    page.add_script_tag(path=str(AXE))
    options = f"{{runOnly: [{rules}]}}" if rules else "{resultTypes: ['violations']}"
    return page.evaluate(f"async () => (await axe.run({context}, {options})).violations"
                         ".map(v => ({id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))")


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", PAGES)
def test_no_critical_and_no_serious_beyond_theme_colours(page, path, scheme):
    found = [v for v in _axe(page, path, scheme) if v["impact"] == "critical" or (v["impact"] == "serious" and v["id"] != "color-contrast")]
    assert not found, found


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", PAGES)
def test_our_colours_have_enough_contrast(page, path, scheme):
    """Header title, tabs, the paste component and links in text: the colours this project sets
    (Material's own search box and syntax highlighting are the theme's)."""
    context = "{include: [['.md-header__title'], ['.md-tabs'], ['.mdx-paste'], ['.md-typeset p a'], ['.md-typeset li a']]}"
    found = _axe(page, path, scheme, context, "'color-contrast'")
    assert not found, found
