#!/usr/bin/env python3
"""The knowledge base's command line.

  python scripts/kb.py generate [--check]   errors.yaml -> content/ (pages, tables, errors.json, paste index)
  python scripts/kb.py check                validate errors.yaml only
  python scripts/kb.py explain [TEXT] [--json] [--top N]
                                            find the entry for a pasted error (TEXT or stdin); exit status 0
                                            when an entry explains it, 1 when none does or it is another
                                            provider's error
  python scripts/kb.py new ID               print a skeleton entry to paste into errors.yaml
  python scripts/kb.py record               run the real SDKs against the local fake API
  python scripts/kb.py upgrade-sdks         newest SDK releases: new pins, new recordings, a report of what changed
  python scripts/kb.py csp SITE_DIR         after a build: add the Content-Security-Policy to every page, write _headers

It depends on nothing from MkDocs: a build with another engine runs `generate` first.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kblib import generate as gen  # noqa: E402
from kblib import recordings  # noqa: E402
from kblib.loader import DataError, load  # noqa: E402
from kblib.pastesearch import INDEX_PATH, PasteIndex  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "errors.yaml"


def _load(path: Path):
    try:
        return load(path)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in {path.name}; nothing was generated.", file=sys.stderr)
        raise SystemExit(1) from None


def cmd_generate(args) -> int:
    registry = _load(Path(args.data))
    files = gen.generate(registry, recordings.load() if Path(args.data).resolve() == DATA else {})
    content = Path(args.out)
    if args.check:
        stale = gen.stale(files, content)
        for path in stale:
            print(f"stale: content/{path}", file=sys.stderr)
        if stale:
            print("Generated files are out of date: run `python scripts/kb.py generate`.", file=sys.stderr)
        return 1 if stale else 0
    changed = gen.write(files, content)
    print(f"{len(registry.entries)} entries; {len(files)} files generated, {len(changed)} changed.")
    return 0


def cmd_check(args) -> int:
    registry = _load(Path(args.data))
    print(f"{args.data}: {len(registry.entries)} entries, no problems.")
    return 0


def _read_paste(args) -> str:
    if args.text:
        return " ".join(args.text)
    if sys.stdin.isatty():
        print("Paste the error, then press Ctrl-D:", file=sys.stderr)
    return sys.stdin.buffer.read().decode("utf-8", errors="replace")


TIER_WORDS = {"exact": "exact match", "likely": "likely", "related": "related"}


def _read_line(read: dict, titles: dict) -> str:
    parts = [f"status {', '.join(map(str, read['status']))}" if read["status"] else "",
             f"error type {', '.join(read['error_type'])}" if read["error_type"] else "",
             f"error code {', '.join(read['error_code'])}" if read["error_code"] else "",
             f"class {', '.join(read['classes'])}" if read["classes"] else "",
             f"from {', '.join(titles.get(s, s) for s in read['surfaces'])}" if read["surfaces"] else ""]
    return "; ".join(p for p in parts if p) or "nothing recognisable (no status, error type, code or class)"


def cmd_explain(args) -> int:
    """Exit status: 0 when an entry explains the paste (exact or likely), 1 when none does or it is another provider's."""
    index_path = Path(args.out) / INDEX_PATH
    if not index_path.is_file():
        cmd_generate(argparse.Namespace(data=args.data, out=args.out, check=False))
    index = PasteIndex.from_file(index_path)
    answer = index.explain(_read_paste(args), top=args.top)
    code = 0 if answer["verdict"] == "match" else 1
    if args.json:
        fields = ("id", "title", "url", "score", "why", "confidence")
        doc = {"verdict": answer["verdict"], **({"provider": answer["provider"]["id"]} if answer["verdict"] == "other-provider" else {}),
               "read": answer["read"], "matches": [{k: m[k] for k in fields} for m in answer["matches"]],
               "general": answer["general"]}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return code
    read = _read_line(answer["read"], index.rules["surface_titles"])
    if answer["verdict"] == "other-provider":
        print(f"This looks like an error from {answer['provider']['title']}; this site covers Claude.\nRead: {read}")
        return code
    if answer["verdict"] == "none":
        print(f"No entry explains this paste yet.\nRead: {read}")
        for entry in answer["general"]:
            print(f"General entry: {entry['title']}  /{entry['url']}")
        if answer["matches"]:
            print("Related:")
    for rank, match in enumerate(answer["matches"], 1):
        retry = "retryable" if match["retryable"] else "not retryable"
        print(f"{rank}. [{TIER_WORDS[match['confidence']]}] {match['title']}  ({match['why']})\n   {match['summary']} ({retry})\n   /{match['url']}  (score {match['score']:.1f})")
    return code


SKELETON = """  - id: {id}
    title: "STATUS short description"
    summary: "One sentence in plain words: what happened."
    kind: signature
    status: 400
    error_type: invalid_request_error
    error_code: null
    retryable: false
    surfaces: [api, python, typescript]
    message: "one real example of the message, copied from the source below"
    patterns:
      - "the message with {{placeholders}} for the parts that vary"
    causes:
      - "Why this happens."
    fixes:
      - "First thing to do."
    related: []
    sources:
      - {{title: "Where the message was seen", url: "https://..."}}
    verified: {today}
"""


def cmd_new(args) -> int:
    import datetime

    print(SKELETON.format(id=args.id, today=datetime.date.today().isoformat()), end="")
    return 0


def cmd_record(args) -> int:
    from kblib import record

    return record.main(_load(Path(args.data)))


def cmd_upgrade(args) -> int:
    from kblib import upgrade

    return upgrade.main(_load(Path(args.data)), install=not args.check_only)


def cmd_csp(args) -> int:
    from kblib import csp

    print(csp.apply(args.site))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DATA), help="the data file (default: errors.yaml)")
    parser.add_argument("--out", default=str(gen.CONTENT), help="where generated files go (default: content/)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("generate", help="write the generated pages and data")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything is out of date")
    p.set_defaults(func=cmd_generate)
    sub.add_parser("check", help="validate errors.yaml").set_defaults(func=cmd_check)
    p = sub.add_parser("explain", help="find the entry for a pasted error (exit 0: an entry explains it; 1: none does)")
    p.add_argument("text", nargs="*", help="the error text (default: read stdin)")
    p.add_argument("--json", action="store_true", help="print {matches: [...]} as JSON")
    p.add_argument("--top", type=int, default=5, help="how many matches (default 5)")
    p.set_defaults(func=cmd_explain)
    p = sub.add_parser("new", help="print a skeleton entry")
    p.add_argument("id")
    p.set_defaults(func=cmd_new)
    sub.add_parser("record", help="record what the real SDKs raise and print").set_defaults(func=cmd_record)
    p = sub.add_parser("upgrade-sdks", help="move to the newest SDK releases, record again, report what the site lacks (exit 1 if anything)")
    p.add_argument("--check-only", action="store_true", help="install nothing: record and report with the SDKs installed now")
    p.set_defaults(func=cmd_upgrade)
    p = sub.add_parser("csp", help="after a build: add the Content-Security-Policy to every page and write _headers")
    p.add_argument("site", help="the built site (default of mkdocs: site/)")
    p.set_defaults(func=cmd_csp)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
