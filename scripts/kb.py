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
  python scripts/kb.py postbuild SITE_DIR   after a build: Markdown twins beside the pages, the Content-Security-Policy
                                            in every page and in _headers

It depends on nothing from MkDocs: a build with another engine runs `generate` first.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kblib import generate as gen  # noqa: E402
from kblib import recordings  # noqa: E402
from kblib.loader import DataError, load  # noqa: E402
from kblib.pastesearch import INDEX_DIR, PasteIndex  # noqa: E402

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


STAMP = ROOT / "build" / "generate.stamp"


def _inputs_digest(data: Path, out: Path) -> str:
    """What the generated files depend on: the data, the recordings, the templates, the generator's code, mkdocs.yml."""
    import hashlib

    paths = [data, ROOT / "mkdocs.yml", ROOT / "build" / "sdk-recordings.json", *sorted((ROOT / "scripts").rglob("*.py")),
             *sorted((ROOT / "scripts" / "templates").glob("*.j2"))]
    digest = hashlib.sha256(str(out.resolve()).encode())
    for path in paths:
        digest.update(path.as_posix().encode() + (path.read_bytes() if path.is_file() else b"-"))
    return digest.hexdigest()


def cmd_generate(args) -> int:
    data, content = Path(args.data), Path(args.out)
    if getattr(args, "if_changed", False) and STAMP.is_file() and STAMP.read_text() == _inputs_digest(data, content):
        print("Generated files are up to date (inputs unchanged since the last generate).")
        return 0
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
    STAMP.parent.mkdir(exist_ok=True)
    STAMP.write_text(_inputs_digest(data, content))
    print(f"{len(registry.entries)} entries; {len(files)} files generated, {len(changed)} changed.")
    return 0


def cmd_check(args) -> int:
    registry = _load(Path(args.data))
    print(f"{args.data}: {len(registry.entries)} entries, no problems.")
    return 0


def _read_paste(args) -> str:
    from kblib.cli import read_paste

    return read_paste(args.text)


def cmd_explain(args) -> int:
    """Exit status: 0 when an entry explains the paste (exact or likely), 1 when none does or it is another provider's.
    The same command as the installable `claude-errors explain` (kblib/cli.py)."""
    from kblib import cli

    index_dir = Path(args.out) / INDEX_DIR
    if not (index_dir / "core.json").is_file():
        cmd_generate(argparse.Namespace(data=args.data, out=args.out, check=False))
    text, code = cli.explain(PasteIndex.from_dir(index_dir), _read_paste(args), args.top, args.json, args.url)
    print(text)
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


def cmd_postbuild(args) -> int:
    from kblib import postbuild

    print(postbuild.run(args.site, Path(args.out)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DATA), help="the data file (default: errors.yaml)")
    parser.add_argument("--out", default=str(gen.CONTENT), help="where generated files go (default: content/)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("generate", help="write the generated pages and data")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything is out of date")
    p.add_argument("--if-changed", action="store_true", help="do nothing when no input changed since the last generate (the MkDocs hook uses it)")
    p.set_defaults(func=cmd_generate)
    sub.add_parser("check", help="validate errors.yaml").set_defaults(func=cmd_check)
    p = sub.add_parser("explain", help="find the entry for a pasted error (exit 0: an entry explains it; 1: none does)")
    p.add_argument("text", nargs="*", help="the error text (default: read stdin)")
    p.add_argument("--json", action="store_true", help="print {matches: [...]} as JSON")
    p.add_argument("--top", type=int, default=5, help="how many matches (default 5)")
    p.add_argument("--url", action="store_true", help="print only the site link of the entry that explains the paste")
    p.set_defaults(func=cmd_explain)
    p = sub.add_parser("new", help="print a skeleton entry")
    p.add_argument("id")
    p.set_defaults(func=cmd_new)
    sub.add_parser("record", help="record what the real SDKs raise and print").set_defaults(func=cmd_record)
    p = sub.add_parser("upgrade-sdks", help="move to the newest SDK releases, record again, report what the site lacks (exit 1 if anything)")
    p.add_argument("--check-only", action="store_true", help="install nothing: record and report with the SDKs installed now")
    p.set_defaults(func=cmd_upgrade)
    p = sub.add_parser("postbuild", help="after a build: Markdown twins beside the pages, the Content-Security-Policy in every page and _headers")
    p.add_argument("site", help="the built site (default of mkdocs: site/)")
    p.set_defaults(func=cmd_postbuild)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
