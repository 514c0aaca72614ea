"""Load errors.yaml into a Registry, or report every problem in it at once.

Each problem is one line: `<file>:<line>: entry '<id>': <what is wrong>`. Nothing is generated
from a file that has a problem, so the previous build output stays as it was.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import yaml

from .model import Entry, OtherProvider, Registry, Response, Sdk, SdkOverride, Source, Surface
from .patterns import PatternError, compile_pattern
from .safetext import problems as prose_problems
from .safetext import snippet_problems

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "errors.schema.json"


class DataError(Exception):
    """errors.yaml has problems; `problems` holds one printable line each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader (libyaml's when PyYAML has it: several times faster) that keeps dates as strings."""


# Dates stay strings: the schema checks their shape, and errors.json carries them verbatim.
_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse(text: str):
    """The document's node tree (for line numbers and duplicate keys) and its data, parsed once."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        return root, (loader.construct_document(root) if root is not None else None)
    finally:
        loader.dispose()


class _Located:
    """Maps a path inside the document (entries/3/status) to the line it was written on."""

    def __init__(self, root: yaml.Node):
        self.root = root

    def node_at(self, path) -> yaml.Node:
        node = self.root
        for step in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                child = node.value[step]
            if child is None:
                break
            node = child
        return node

    def line(self, path) -> int:
        return self.node_at(path).start_mark.line + 1


def _duplicate_keys(node: yaml.Node, found: list[tuple[int, str]]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if key.value in seen:
                found.append((key.start_mark.line + 1, f"key '{key.value}' appears twice"))
            seen.add(key.value)
            _duplicate_keys(value, found)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicate_keys(item, found)


def _schema_message(error: jsonschema.ValidationError) -> str:
    where = ".".join(str(p) for p in error.path if isinstance(p, str)) or "the entry"
    field = next((str(p) for p in reversed(error.path) if isinstance(p, str)), None)
    if error.validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        return f"missing required field '{missing[0] if missing else error.message}'"
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        return f"unknown field '{extra[0] if extra else error.message}' in {where}"
    if error.validator == "type":
        got = type(error.instance).__name__ if error.instance is not None else "null"
        expected = error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
        return f"field '{field}' must be {expected}, got {got} {json.dumps(error.instance, default=str)[:60]}"
    if error.validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"field '{field}' is {json.dumps(error.instance)}; allowed: {allowed}"
    return f"field '{where}': {error.message}"


class _Checker:
    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text
        self.problems: list[tuple[int, str]] = []

    def add(self, line: int, message: str, entry_id: str | None = None) -> None:
        who = f"entry '{entry_id}': " if entry_id else ""
        self.problems.append((line, f"{who}{message}"))

    def report(self) -> list[str]:
        name = self.path.name
        return [f"{name}:{line}: {msg}" for line, msg in sorted(set(self.problems))]


def _entry_id_at(data, index: int) -> str | None:
    try:
        value = data["entries"][index].get("id")
        return value if isinstance(value, str) else f"#{index + 1}"
    except (AttributeError, IndexError, KeyError, TypeError):
        return None


def _entry_at_line(data, located: _Located, line: int) -> str | None:
    """The id of the entry whose text contains `line`, for problems found outside the schema."""
    found = None
    for i, _ in enumerate(_list(data.get("entries"))):
        if located.line(["entries", i]) <= line:
            found = _entry_id_at(data, i)
    return found


def _inline_refs(node, defs: dict):
    """The schema with every `$ref: #/$defs/x` replaced by x itself (the schema has no recursion): validating
    thousands of entries then spends no time looking references up."""
    if isinstance(node, dict):
        if str(node.get("$ref", "")).startswith("#/$defs/"):  # its siblings (a description) only annotate
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline_refs(defs[node["$ref"].rsplit("/", 1)[1]], defs), **siblings}
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def _check_schema(data, located: _Located, checker: _Checker) -> None:
    schema = json.loads(SCHEMA_PATH.read_text())
    validator = jsonschema.Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))
    for error in validator.iter_errors(data):
        path = list(error.path)
        entry_id = _entry_id_at(data, path[1]) if len(path) > 1 and path[0] == "entries" else None
        checker.add(located.line(path), _schema_message(error), entry_id)


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _check_references(data, located: _Located, checker: _Checker) -> None:
    """Checks the schema can't express. Tolerates malformed entries so all problems show at once."""
    entries = [e if isinstance(e, dict) else {} for e in _list(data.get("entries"))]
    surfaces = data.get("surfaces") if isinstance(data.get("surfaces"), dict) else {}
    owners: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for name in [entry.get("id"), *_list(entry.get("aliases"))]:
            if not isinstance(name, str):
                continue
            if name in owners:
                what = "id" if name == entry.get("id") else "alias"
                checker.add(located.line(["entries", i, "id"]), f"duplicate {what} '{name}' (already used by entry '{_entry_id_at(data, owners[name])}')", entry.get("id"))
            else:
                owners[name] = i
    ids = {e.get("id") for e in entries}
    for i, entry in enumerate(entries):
        entry_id = _entry_id_at(data, i)
        for j, ref in enumerate(_list(entry.get("related"))):
            if ref not in ids:
                checker.add(located.line(["entries", i, "related", j]), f"related entry '{ref}' does not exist", entry_id)
        for j, surface in enumerate(_list(entry.get("surfaces"))):
            if surface not in surfaces:
                checker.add(located.line(["entries", i, "surfaces", j]), f"unknown surface '{surface}' (defined ones: {', '.join(sorted(surfaces))})", entry_id)
        for j, pattern in enumerate(_list(entry.get("patterns"))):
            try:
                compile_pattern(str(pattern))
            except PatternError as exc:
                checker.add(located.line(["entries", i, "patterns", j]), f"pattern {json.dumps(pattern)} {exc}", entry_id)
        if "patterns" in entry and not _list(entry.get("patterns")) and entry.get("kind") not in ("status", "error_type"):
            checker.add(located.line(["entries", i, "patterns"]), "needs at least one pattern (only status and error-type entries may have none)", entry_id)
    sdks = data.get("sdks") if isinstance(data.get("sdks"), dict) else {}
    for sdk_id in sdks:
        if not isinstance(surfaces.get(sdk_id), dict) or surfaces[sdk_id].get("group") != "sdk":
            checker.add(located.line(["sdks", sdk_id]), f"sdk '{sdk_id}' has no surface of group 'sdk'")
    others = data.get("other_providers") if isinstance(data.get("other_providers"), dict) else {}
    for section, items in (("surfaces", surfaces), ("other_providers", others)):
        for item_id, item in items.items():
            for key in ("markers", "identifiers"):
                for j, marker in enumerate(_list(item.get(key)) if isinstance(item, dict) else []):
                    try:
                        re.compile(str(marker), re.IGNORECASE)
                    except re.error as exc:
                        checker.add(located.line([section, item_id, key, j]), f"{section[:-1]} '{item_id}': {key[:-1]} {json.dumps(marker)} does not compile: {exc}")


# Prose fields: a little Markdown is allowed, markup is not. Every other string is verbatim text, shown only as code.
PROSE = {
    "entries": ("title", "summary", "mistake", "notes", "retry_note", "causes.*", "fixes.*", "sources.*.title"),
    "surfaces": ("title", "description", "sources.*.title"),
    "sdks": ("name", "notes", "retries.*", "sources.*.title"),
    "other_providers": ("title", "note", "sources.*.title"),
}


def _strings(value, path=()):
    """(path, text) for every string inside a value, paths as tuples of keys and indexes."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))


def _is_prose(section: str, path: tuple) -> bool:
    shape = ".".join("*" if isinstance(p, int) else str(p) for p in path)
    return shape in PROSE[section]


def _check_text(data, located: _Located, checker: _Checker) -> None:
    """Data is text: no markup in prose fields, and nothing any field could turn into a file include."""
    for section in PROSE:
        items = data.get(section)
        pairs = enumerate(items) if isinstance(items, list) else (items.items() if isinstance(items, dict) else [])
        for key, item in pairs:
            owner = _entry_id_at(data, key) if section == "entries" else None
            where = "" if section == "entries" else f"{section[:-1]} '{key}': "
            for path, text in _strings(item):
                found = prose_problems(text) if _is_prose(section, path) else snippet_problems(text)
                name = ".".join(str(p) for p in path)
                for problem in found:
                    checker.add(located.line([section, key, *path]), f"{where}field '{name}' {problem}", owner)


def _build(data, located: _Located, path: Path, text: str) -> Registry:
    surfaces = {
        k: Surface(id=k, title=v["title"], group=v["group"], description=v["description"], markers=tuple(v.get("markers", [])),
                   exceptions=v.get("exceptions", {}), sources=tuple(Source(**s) for s in v.get("sources", [])),
                   identifiers=tuple(v.get("identifiers", [])), anthropic=v.get("anthropic", False))
        for k, v in data["surfaces"].items()
    }
    others = {k: OtherProvider(id=k, title=v["title"], markers=tuple(v["markers"]), sources=tuple(Source(**s) for s in v["sources"]), note=v.get("note", ""))
              for k, v in (data.get("other_providers") or {}).items()}
    sdks = {
        k: Sdk(
            id=k, name=v["name"], package=v["package"], version_checked=v["version_checked"], verified_by=v["verified_by"],
            classes=v["classes"], prints=v["prints"], body_style=v.get("body_style", "json"), accessors=v.get("accessors", {}),
            catch_order=tuple(v.get("catch_order", [])), retries=v.get("retries", {}), notes=v.get("notes", ""),
            sources=tuple(Source(**s) for s in v["sources"]),
            descriptions=v.get("descriptions", {}), status_names=v.get("status_names", {}), checked_on=v.get("checked_on", ""),
        )
        for k, v in data["sdks"].items()
    }
    entries = []
    for i, raw in enumerate(data["entries"]):
        fields = dict(raw)
        fields["sources"] = [Source(**s) for s in raw["sources"]]
        fields["sdk"] = {k: SdkOverride(**v) for k, v in raw.get("sdk", {}).items()}
        if "response" in raw:
            r = raw["response"]
            fields["response"] = Response(status=r.get("status", raw["status"]), headers=r.get("headers", {}), body=r.get("body"), mode=r.get("mode", "http"))
        entries.append(Entry(**fields, line=located.line(["entries", i])))
    return Registry(surfaces=surfaces, sdks=sdks, entries=entries, path=str(path), other_providers=others,
                    digest=hashlib.sha256(text.encode("utf-8")).hexdigest())


def load(path: Path | str) -> Registry:
    """Parse and check errors.yaml; raise DataError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([f"{path.name}: cannot read: {exc}"]) from None
    checker = _Checker(path, text)
    try:
        root, data = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError([f"{path.name}:{line}: YAML syntax error: {problem}"]) from None
    if root is None or not isinstance(data, dict):
        raise DataError([f"{path.name}:1: the file must be a mapping with surfaces, sdks and entries"])
    located = _Located(root)
    duplicates: list[tuple[int, str]] = []
    _duplicate_keys(root, duplicates)
    for line, message in duplicates:
        checker.add(line, message, _entry_at_line(data, located, line))
    _check_schema(data, located, checker)
    _check_references(data, located, checker)
    _check_text(data, located, checker)
    if checker.problems:
        raise DataError(checker.report())
    return _build(data, located, path, text)
