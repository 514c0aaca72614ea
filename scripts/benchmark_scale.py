#!/usr/bin/env python3
"""Scale benchmark: what the first answer costs as the knowledge base grows.

  python scripts/benchmark_scale.py [--scales 1 10 50] [--write-readme]

For each scale N it makes a synthetic errors.yaml with N times today's entries (each copy varies the words of
titles, summaries, causes, fixes, messages and patterns, and gets its own ids and error codes, so the copies
are not the same text), generates and builds the site from it in build/scale-N/, serves it from a local server
that gzips like a static host, and opens a paste link cold in Chromium over an emulated 1.6 Mbps / 150 ms link.
One row per N: entries, generate and build seconds, bytes transferred before the first answer (gzip), time to
the first answer, per-paste search p50 and p95 in the page, and the JS heap after the first answer. It also
draws benchmarks/scale.svg (cost against entries) and, with --write-readme, puts the table into README.md.
"""
from __future__ import annotations

import argparse
import copy
import functools
import gzip
import http.server
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from pastecases import public_cases  # noqa: E402

BEGIN, END = "<!-- scale-benchmark:begin -->", "<!-- scale-benchmark:end -->"
LINK = {"download_bps": 1_600_000, "upload_bps": 750_000, "latency_ms": 150}
COLD_PASTES = 5  # real pastes opened cold, as share links, at every scale


# ---- a synthetic knowledge base -----------------------------------------------------------------

WORD = re.compile(r"[A-Za-z]{4,}")


def _vary(text: str, rng: random.Random, vocabulary: list[str], share: float = 0.3) -> str:
    """Replace about `share` of the longer words with others from the corpus, leaving code spans and placeholders."""
    parts = re.split(r"(`[^`]*`|\{[^{}]*\})", text)
    for i in range(0, len(parts), 2):
        parts[i] = WORD.sub(lambda m: rng.choice(vocabulary) if rng.random() < share else m.group(0), parts[i])
    return "".join(parts)


def _vary_pattern(pattern: str, rng: random.Random, vocabulary: list[str]) -> str:
    """A copy's own message: like the original's, but never the same text (new entries bring new messages)."""
    varied = _vary(pattern, rng, vocabulary, 0.5)
    words = [m for m in WORD.finditer(varied)]
    if varied == pattern and words:
        m = rng.choice(words)
        varied = varied[:m.start()] + rng.choice([w for w in vocabulary if w != m.group(0).lower()]) + varied[m.end():]
    return varied if varied != pattern else f"{pattern} {rng.choice(vocabulary)}"


def synthetic(data: dict, scale: int, seed: int = 7) -> dict:
    """errors.yaml's data with `scale` times its entries: the originals, then scale-1 varied copies."""
    rng = random.Random(seed)
    vocabulary = sorted({w.lower() for e in data["entries"] for w in WORD.findall(" ".join([e["title"], e["summary"], *e["causes"]]))})
    out = copy.deepcopy(data)
    originals = data["entries"]
    for k in range(1, scale):
        for entry in originals:
            e = copy.deepcopy(entry)
            e["id"] = f"{entry['id']}-v{k}"
            e["aliases"] = []
            e["related"] = [f"{r}-v{k}" for r in entry.get("related", [])]
            for field, limit in (("title", 200), ("summary", 300), ("mistake", 120), ("notes", 5000), ("retry_note", 1000)):
                if e.get(field):
                    e[field] = _vary(e[field], rng, vocabulary)[:limit]
            for field in ("causes", "fixes"):
                e[field] = [_vary(t, rng, vocabulary) for t in e[field]]
            if e.get("message"):
                e["message"] = _vary(e["message"], rng, vocabulary, 0.2)
            e["patterns"] = [_vary_pattern(p, rng, vocabulary) for p in e["patterns"]]
            if e.get("error_code"):
                e["error_code"] = f"{entry['error_code']}_v{k}"
            e.pop("response", None)  # the fake API plays no part here
            if e["kind"] in ("status", "error_type"):
                # A knowledge base grows by specific errors: one general entry per status or type stays one.
                e["kind"] = "signature"
                e["patterns"] = e["patterns"] or [_vary_pattern(e.get("message") or e["title"], rng, vocabulary).replace("{", "{{").replace("}", "}}")]
            out["entries"].append(e)
    return out


# ---- building ---------------------------------------------------------------------------------

def build(scale: int, data: dict) -> tuple[Path, float, float]:
    """Write a project copy with the synthetic data; time `kb.py generate` and `mkdocs build` (which skips
    regenerating, its inputs being unchanged)."""
    project = ROOT / "build" / f"scale-{scale}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in ("mkdocs.yml", "errors.schema.json"):
        shutil.copy(ROOT / name, project / name)
    for name in ("scripts", "overrides", "content"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "errors.yaml").write_text(yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True, width=1000))
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    started = time.monotonic()
    subprocess.run([sys.executable, str(project / "scripts" / "kb.py"), "generate"], check=True, cwd=project, capture_output=True)
    generate_s = time.monotonic() - started
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], check=True, cwd=project, env=env)
    build_s = time.monotonic() - started
    return project / "site", generate_s, build_s


# ---- serving like a static host ---------------------------------------------------------------

class _Gzipping(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped for clients that accept it (as static hosts and CDNs do)."""

    cache: dict[str, bytes] = {}

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser closed the page before a file finished (expected when a measurement ends)

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = self.cache.get(str(path))
        if body is None:
            body = self.cache[str(path)] = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path):
    handler = functools.partial(_Gzipping, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# ---- measuring in Chromium --------------------------------------------------------------------

FIRST_ANSWER_PROBE = """
  window.__firstAnswer = null;
  new MutationObserver((_, observer) => {
    const node = document.querySelector('[data-mdx-component=paste-search]');
    const state = node && node.getAttribute('data-mdx-state');
    if (state === 'results' || state === 'none') { window.__firstAnswer = performance.now(); observer.disconnect(); }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-mdx-state']});
"""


def cold_first_answer(browser, base: str, paste: str) -> dict:
    """Open a share link with an empty cache over the emulated link: ms to the first answer, gzip bytes before it,
    JS heap after it."""
    context = browser.new_context(bypass_csp=True)  # Playwright's waits evaluate strings; the policy costs no bytes
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")  # a new context has an empty cache: the link is opened cold
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LINK["latency_ms"],
                                                  "downloadThroughput": LINK["download_bps"] / 8, "uploadThroughput": LINK["upload_bps"] / 8})
    page.add_init_script(FIRST_ANSWER_PROBE)
    page.goto(base + "paste/#q=" + urllib.parse.quote(paste), wait_until="commit")
    page.wait_for_function("window.__firstAnswer !== null", timeout=120_000, polling=50)
    first = page.evaluate("window.__firstAnswer")
    transferred = page.evaluate("""(t) => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
        .filter(e => e.responseEnd <= t).reduce((sum, e) => sum + (e.transferSize || 0), 0)""", first)
    heap = cdp.send("Runtime.getHeapUsage")["usedSize"]
    context.close()
    return {"ms": first, "bytes": transferred, "heap": heap}


def search_times(browser, base: str, pastes: list[str]) -> list[float]:
    """Milliseconds per paste with the whole index loaded in the page (every entry shard and word shard)."""
    page = browser.new_page(bypass_csp=True)
    page.goto(base + "paste/")
    page.wait_for_function("window.mdxPasteSearch !== undefined")
    times = page.evaluate("""async (pastes) => {
        const base = new URL('../assets/generated/paste/', location.href).href;
        const get = (name) => fetch(base + name).then(r => r.json());
        const core = await get('core.json');
        const files = {'core.json': core};
        for (const name of window.mdxPasteSearch.PasteIndex.fileNames(core)) files[name] = await get(name);
        const index = window.mdxPasteSearch.PasteIndex.fromFiles(files);
        index.explain('warm up', 5);
        return pastes.map(p => { const t0 = performance.now(); index.explain(p, 5); return performance.now() - t0; });
    }""", pastes)
    page.close()
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(scale: int, data: dict, pastes: list[str], cold: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    site, generate_s, build_s = build(scale, synthetic(data, scale))
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            runs = [cold_first_answer(browser, base, paste) for paste in cold]
            times = search_times(browser, base, pastes)
            browser.close()
    finally:
        server.shutdown()
    return {
        "scale": scale, "entries": len(data["entries"]) * scale, "generate_s": generate_s, "build_s": build_s,
        "bytes": statistics.median(r["bytes"] for r in runs), "bytes_max": max(r["bytes"] for r in runs),
        "first_ms": statistics.median(r["ms"] for r in runs), "first_ms_max": max(r["ms"] for r in runs),
        "p50": percentile(times, 0.5), "p95": percentile(times, 0.95), "heap_mb": max(r["heap"] for r in runs) / 2**20,
    }


# ---- reporting --------------------------------------------------------------------------------

def table(rows: list[dict]) -> str:
    lines = [
        f"Cold share link (`/paste/#q=...`, empty cache) over an emulated {LINK['download_bps'] / 1e6:g} Mbps / {LINK['latency_ms']} ms link, "
        f"from a local server that gzips; median (and worst) of {COLD_PASTES} real pastes. Search times: every paste of "
        "tests/pastes/public.yaml with the whole index loaded in the page.",
        "",
        "| Scale | Entries | Generate | Build | Generator share | Bytes before first answer (gzip) | First answer | Search p50 | Search p95 | JS heap after first answer |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        share = r["generate_s"] / (r["generate_s"] + r["build_s"])
        lines.append(f"| {r['scale']}× | {r['entries']:,} | {r['generate_s']:.0f} s | {r['build_s']:.0f} s | {share:.0%} | "
                     f"{r['bytes'] / 1024:.0f} KB ({r['bytes_max'] / 1024:.0f} KB) | {r['first_ms'] / 1000:.2f} s ({r['first_ms_max'] / 1000:.2f} s) | "
                     f"{r['p50']:.1f} ms | {r['p95']:.1f} ms | {r['heap_mb']:.0f} MB |")
    return "\n".join(lines)


def chart(rows: list[dict], path: Path) -> None:
    """Four small line charts of cost against entries, as a self-contained SVG (no plotting library needed)."""
    panels = [("First answer (s)", [r["first_ms"] / 1000 for r in rows]), ("Bytes before first answer (KB)", [r["bytes"] / 1024 for r in rows]),
              ("Generate + build (s)", [r["generate_s"] + r["build_s"] for r in rows]), ("Search p95 (ms)", [r["p95"] for r in rows])]
    xs = [r["entries"] for r in rows]
    width, height, pad = 300, 200, 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width}" height="{2 * height}" font-family="sans-serif" font-size="11">',
             '<rect width="100%" height="100%" fill="white"/>']
    for i, (title, ys) in enumerate(panels):
        ox, oy = (i % 2) * width, (i // 2) * height
        top = max(ys) * 1.15 or 1
        def point(x, y, ox=ox, oy=oy, top=top):
            return (ox + pad + (x / max(xs)) * (width - 2 * pad), oy + height - pad - (y / top) * (height - 2 * pad))
        pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in (point(x, y) for x, y in zip(xs, ys)))
        parts += [f'<text x="{ox + pad}" y="{oy + 16}" font-weight="bold">{title}</text>',
                  f'<line x1="{ox + pad}" y1="{oy + height - pad}" x2="{ox + width - pad}" y2="{oy + height - pad}" stroke="#888"/>',
                  f'<line x1="{ox + pad}" y1="{oy + pad}" x2="{ox + pad}" y2="{oy + height - pad}" stroke="#888"/>',
                  f'<polyline points="{pts}" fill="none" stroke="#bf360c" stroke-width="2"/>']
        for x, y in zip(xs, ys):
            px, py = point(x, y)
            parts += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="#bf360c"/>', f'<text x="{px + 4:.1f}" y="{py - 6:.1f}">{y:.3g}</text>',
                      f'<text x="{px - 10:.1f}" y="{oy + height - pad + 14}">{x:,}</text>']
    parts.append(f'<text x="{width - 40}" y="{2 * height - 4}">entries</text></svg>')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    data = yaml.load((ROOT / "errors.yaml").read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    cases = public_cases()
    pastes = [c["paste"] for c in cases]
    cold = [cases[i]["paste"] for i in range(0, len(cases), len(cases) // COLD_PASTES)][:COLD_PASTES]
    rows = []
    for scale in args.scales:
        row = measure(scale, data, pastes, cold)
        rows.append(row)
        print(json.dumps(row), flush=True)
    report = table(rows)
    print(report)
    chart(rows, ROOT / "benchmarks" / "scale.svg")
    if args.write_readme:
        readme = (ROOT / "README.md").read_text()
        block = f"{BEGIN}\n{report}\n\n![Cost against entries](benchmarks/scale.svg)\n{END}"
        readme = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, readme, flags=re.S) if BEGIN in readme else readme.rstrip() + "\n\n" + block + "\n"
        (ROOT / "README.md").write_text(readme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
