#!/usr/bin/env python3
"""Paste-search benchmark: accuracy of our paste search and of Material's built-in search on the same
cases and the same built site, and our search's latency in the browser.

  python scripts/benchmark.py [--limit N] [--write-readme]

Needs a built site (it builds one into build/benchmark-site) and Debian's chromium. Prints a table;
--write-readme puts it into README.md between the benchmark markers.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from browser import browser, serve  # noqa: E402
from benchmark_scale import search_times  # noqa: E402
from kblib.pastesearch import INDEX_DIR, PasteIndex  # noqa: E402
from pastecases import TIERS, accuracy, negative_cases, public_cases, recorded_cases, tier_table  # noqa: E402

SITE = ROOT / "build" / "benchmark-site"
BEGIN, END = "<!-- benchmark:begin -->", "<!-- benchmark:end -->"


def build_site() -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(SITE)], cwd=ROOT, check=True, env=env)


def entry_id(href: str) -> str | None:
    m = re.search(r"/errors/([a-z0-9-]+)/", href or "")
    return m.group(1) if m else None


def open_material_search(page, base: str) -> None:
    page.goto(base)
    page.click("label.md-search__icon, .md-search__input")
    page.wait_for_function("!/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=30000)


def material_search(page, base: str, paste: str) -> list[str]:
    """Type the paste into Material's search box and read the ranked result links.

    The box is cleared first and the empty state awaited, so results of the previous paste are never read.
    """
    meta = "document.querySelector('.md-search-result__meta').textContent"
    page.fill(".md-search__input", "")
    page.press(".md-search__input", "End")  # Material searches on keyup
    try:
        page.wait_for_function(f"/Type to start/.test({meta})", timeout=15000)
    except Exception:  # noqa: BLE001 - a search that never came back (its worker stuck on the last paste): start afresh
        open_material_search(page, base)
    page.fill(".md-search__input", paste[:2000])  # Material's box is a one-line input; long pastes are cut
    page.press(".md-search__input", "End")
    try:
        page.wait_for_function(f"!/Type to start|Initializing/.test({meta})", timeout=15000)
    except Exception:  # noqa: BLE001 - no answer counts as no result
        return []
    hrefs = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)")
    ids = []
    for href in hrefs:
        eid = entry_id(href)
        if eid and eid not in ids:
            ids.append(eid)
    return ids


def material_answer(page, base: str, paste: str) -> dict:
    """Material's search in the shape of our explain(): it has no confidence, so every result it lists is an answer."""
    ids = material_search(page, base, paste)
    return {"verdict": "match" if ids else "none", "matches": [{"id": i, "confidence": "exact"} for i in ids]}


def tier_rows(name: str, table: dict, tiers=TIERS) -> list[str]:
    """One row per set: right / wrong per tier; "none" counts pastes given no answer shown as a match."""
    rows = []
    for side in ("positives", "negatives"):
        t = table[side]
        cells = [f"{t[tier]['right']} / {t[tier]['wrong']}" if tier in tiers else "—" for tier in TIERS]
        shown_wrong = sum(t[tier]["wrong"] for tier in tiers if tier != "related")
        total = sum(t[tier]["right"] + t[tier]["wrong"] for tier in tiers) + t["none"]
        rows.append(f"| {name} | {side} ({total}) | " + " | ".join(cells) + f" | {t['none'] + (t['related']['right'] + t['related']['wrong'] if 'related' in tiers else 0)} | {shown_wrong / (total or 1):.1%} |")
    return rows


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N cases for Material's search (it is slow)")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()

    build_site()
    cases = public_cases() + recorded_cases()
    negatives = negative_cases()
    index = PasteIndex.from_dir(SITE / INDEX_DIR)
    ours = accuracy(lambda p: [m["id"] for m in index.search(p, top=10)], cases)
    public_only = accuracy(lambda p: [m["id"] for m in index.search(p, top=10)], public_cases())
    ours_tiers = tier_table(lambda p: index.explain(p), cases, negatives)
    material_cases = cases[: args.limit] if args.limit else cases
    material_negatives = negatives[: args.limit] if args.limit else negatives
    with serve(SITE) as base, browser() as b:
        page = b.new_page(bypass_csp=True)  # the driver's waits evaluate strings in the page
        open_material_search(page, base)
        material = accuracy(lambda p: material_search(page, base, p), material_cases)
        material_tiers = tier_table(lambda p: material_answer(page, base, p), material_cases, material_negatives)
        latencies = search_times(b, base, [c["paste"] for c in cases])  # the page's own code, the whole index loaded
        big = search_times(b, base, ["x" * 1_000_000 + "\n" + cases[0]["paste"]] * 5)
    rows = [
        ("Paste search, all cases", ours),
        ("Paste search, public reports only", public_only),
        (f"Material's built-in search ({len(material_cases)} cases)", material),
    ]
    lines = [
        f"Test set: {len(cases)} pastes ({len(public_cases())} from public reports, {len(cases) - len(public_cases())} recorded from the real SDKs), "
        f"and {len(negatives)} real texts that are not Claude errors (other providers' errors, unrelated tracebacks, prose).",
        "",
        "| Search | Top-1 | Top-3 | MRR |",
        "|---|---|---|---|",
        *[f"| {name} | {r['top1']:.1%} | {r['top3']:.1%} | {r['mrr']:.3f} |" for name, r in rows],
        "",
        "Answers by confidence, right / wrong (a negative shown as an answer is wrong). *Not shown as a match* counts the",
        "pastes answered \"no entry explains this yet\" (related pages only), \"another provider's error\", or nothing. Material's search",
        "has no notion of confidence: every result it lists is shown as the answer.",
        "",
        "| Search | Set | Exact | Likely | Related | Not shown as a match | Wrong shown as a match |",
        "|---|---|---|---|---|---|---|",
        *tier_rows("Paste search", ours_tiers),
        *tier_rows("Material's search", material_tiers, ("exact",)),
        "",
        f"Paste-search latency in headless Chromium: p50 {percentile(latencies, .5):.2f} ms, p95 {percentile(latencies, .95):.2f} ms "
        f"over {len(latencies)} pastes; a 1 MB paste: median {statistics.median(big):.1f} ms.",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write_readme:
        readme = (ROOT / "README.md").read_text()
        block = f"{BEGIN}\n{report}\n{END}"
        readme = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, readme, flags=re.S) if BEGIN in readme else readme.rstrip() + "\n\n" + block + "\n"
        (ROOT / "README.md").write_text(readme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
