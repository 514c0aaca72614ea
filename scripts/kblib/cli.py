"""`claude-errors`: the paste search on the command line, installable on its own (pyproject.toml).

  claude-errors explain [TEXT] [--json] [--top N] [--url]     find the entry for a pasted error (TEXT or stdin)
  claude-errors --version                                      the data version and the SDK versions it was checked against

Exit status of explain: 0 when an entry explains the paste (exact or likely), 1 when none does or the paste is
another AI provider's error, 2 on a usage error. `python scripts/kb.py explain` in a clone gives the same output.
The index is the one the site publishes: bundled into the package when it is built, or read from
content/assets/generated/paste/ in a clone.
"""
from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

from .pastesearch import CORE, PasteIndex

TIER_WORDS = {"exact": "exact match", "likely": "likely", "related": "related"}
CLONE_INDEX = Path(__file__).resolve().parents[2] / "content" / "assets" / "generated" / "paste"


def bundled_index() -> Path | None:
    """The index folder built into the installed package, or the clone's generated one."""
    packaged = resources.files("kblib") / "index"
    if packaged.is_dir() and (packaged / CORE).is_file():
        return Path(str(packaged))
    return CLONE_INDEX if (CLONE_INDEX / CORE).is_file() else None


def read_line(read: dict, titles: dict) -> str:
    parts = [f"status {', '.join(map(str, read['status']))}" if read["status"] else "",
             f"error type {', '.join(read['error_type'])}" if read["error_type"] else "",
             f"error code {', '.join(read['error_code'])}" if read["error_code"] else "",
             f"class {', '.join(read['classes'])}" if read["classes"] else "",
             f"from {', '.join(titles.get(s, s) for s in read['surfaces'])}" if read["surfaces"] else ""]
    return "; ".join(p for p in parts if p) or "nothing recognisable (no status, error type, code or class)"


def explain(index: PasteIndex, paste: str, top: int = 5, as_json: bool = False, url: bool = False) -> tuple[str, int]:
    """What `explain` prints, and its exit status."""
    answer = index.explain(paste, top=top)
    code = 0 if answer["verdict"] == "match" else 1
    site_url = index.about.get("site_url", "")
    if url:
        return (f"{site_url}{answer['matches'][0]['url']}" if code == 0 else "No entry explains this paste yet."), code
    if as_json:
        fields = ("id", "title", "url", "score", "why", "confidence")
        doc = {"verdict": answer["verdict"], **({"provider": answer["provider"]["id"]} if answer["verdict"] == "other-provider" else {}),
               "read": answer["read"], "matches": [{k: m[k] for k in fields} for m in answer["matches"]], "general": answer["general"]}
        return json.dumps(doc, indent=2, ensure_ascii=False), code
    read = read_line(answer["read"], index.rules["surface_titles"])
    if answer["verdict"] == "other-provider":
        return f"This looks like an error from {answer['provider']['title']}; this site covers Claude.\nRead: {read}", code
    lines = []
    if answer["verdict"] == "none":
        lines += ["No entry explains this paste yet.", f"Read: {read}"]
        lines += [f"General entry: {entry['title']}  /{entry['url']}" for entry in answer["general"]]
        lines += ["Related:"] if answer["matches"] else []
    for rank, match in enumerate(answer["matches"], 1):
        retry = "retryable" if match["retryable"] else "not retryable"
        lines.append(f"{rank}. [{TIER_WORDS[match['confidence']]}] {match['title']}  ({match['why']})\n   {match['summary']} ({retry})\n   /{match['url']}  (score {match['score']:.1f})")
    return "\n".join(lines), code


def version_text(index: PasteIndex) -> str:
    about = index.about
    sdks = ", ".join(f"{s['name']} {s['version']} ({s['checked_on']})" for s in about.get("sdks", []))
    return f"claude-errors: data {about.get('data_version', '?')} ({about.get('entries', '?')} entries); SDKs checked: {sdks}"


def read_paste(text: list[str]) -> str:
    if text:
        return " ".join(text)
    if sys.stdin.isatty():
        print("Paste the error, then press Ctrl-D:", file=sys.stderr)
    return sys.stdin.buffer.read().decode("utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="claude-errors", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="store_true", help="print the data version and the SDK versions checked")
    parser.add_argument("--index", help="an index folder (default: the one bundled with the package)")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("explain", help="find the entry for a pasted error (exit 0: an entry explains it; 1: none does)")
    p.add_argument("text", nargs="*", help="the error text (default: read stdin)")
    p.add_argument("--json", action="store_true", help="print {verdict, read, matches, general} as JSON")
    p.add_argument("--top", type=int, default=5, help="how many matches (default 5)")
    p.add_argument("--url", action="store_true", help="print only the site link of the entry that explains the paste")
    args = parser.parse_args(argv)
    folder = Path(args.index) if args.index else bundled_index()
    if folder is None:
        print("No index found: install the package built from the repository, or pass --index.", file=sys.stderr)
        return 2
    index = PasteIndex.from_dir(folder)
    if args.version:
        print(version_text(index))
        return 0
    if args.command != "explain":
        parser.print_help()
        return 2
    text, code = explain(index, read_paste(args.text), args.top, args.json, args.url)
    print(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
