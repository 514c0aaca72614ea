"""Message patterns: literal text with {name} placeholders, compiled to regular expressions.

The compiled source is used unchanged by Python's `re` and by JavaScript's RegExp (flag "i"),
so it sticks to the syntax both share: no named groups, no lookbehind, no inline flags.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PLACEHOLDER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
QUOTES = "\"'`\u2018\u2019\u201c\u201d"
# A placeholder stands for a bounded run of text so a pattern can't match across a whole paste.
PLACEHOLDER_REGEX = ".{1,200}?"
MIN_LITERAL = 4


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says why."""


@dataclass(frozen=True)
class CompiledPattern:
    text: str  # as written in errors.yaml
    regex: str  # shared Python/JavaScript source, used case-insensitively
    anchor: str  # longest literal run, lowercased: a cheap substring test before the regex
    literal_length: int  # how much fixed text the pattern carries: longer means more specific


def _escape_literal(text: str) -> str:
    out = []
    for ch in text:
        if ch in QUOTES:
            # Sources differ in the quotes they print, and some drop them (`tool_use` vs tool_use).
            out.append("[\"'`\u2018\u2019\u201c\u201d]?")
        elif ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in r".*+?^${}()|[]\/-":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _split(text: str) -> list[tuple[str, str]]:
    """Split into ("lit", text) and ("ph", name) parts; {{ and }} are literal braces."""
    parts: list[tuple[str, str]] = []
    i, literal = 0, []
    while i < len(text):
        two = text[i : i + 2]
        if two in ("{{", "}}"):
            literal.append(two[0])
            i += 2
        elif text[i] == "{":
            end = text.find("}", i)
            if end < 0:
                raise PatternError(f"unclosed '{{' at column {i + 1}")
            parts.append(("lit", "".join(literal)))
            literal = []
            parts.append(("ph", text[i + 1 : end]))
            i = end + 1
        elif text[i] == "}":
            raise PatternError(f"unmatched '}}' at column {i + 1} (write '}}}}' for a literal brace)")
        else:
            literal.append(text[i])
            i += 1
    parts.append(("lit", "".join(literal)))
    return [p for p in parts if p[1] or p[0] == "ph"]


@functools.lru_cache(maxsize=None)  # the loader, the paste index and its router all compile the same patterns
def compile_pattern(text: str) -> CompiledPattern:
    parts = _split(text)
    names = [value for kind, value in parts if kind == "ph"]
    for name in names:
        if not PLACEHOLDER_NAME.match(name):
            raise PatternError(f"placeholder {{{name}}} must be a lowercase name such as {{tokens}}")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise PatternError(f"placeholder {{{duplicates[0]}}} is used twice")
    literals = [" ".join(value.split()) for kind, value in parts if kind == "lit"]
    literal_length = sum(len(s) for s in literals)
    if literal_length < MIN_LITERAL:
        raise PatternError(f"needs at least {MIN_LITERAL} characters of literal text to be distinctive")
    regex = "".join(_escape_literal(v) if k == "lit" else f"({PLACEHOLDER_REGEX})" for k, v in parts)
    # Every literal character is escaped and the placeholder is a fixed regex, so the result always compiles;
    # tests/test_loader.py compiles every pattern of errors.yaml to hold that true.
    pieces = [p.strip() for lit in literals for p in re.split(f"[{QUOTES}]", lit.lower())]
    anchor = max(pieces, key=len)
    return CompiledPattern(text=text, regex=regex, anchor=anchor, literal_length=literal_length)
