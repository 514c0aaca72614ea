"""Data is text: how a string from errors.yaml reaches a page without becoming markup.

Prose fields (title, summary, causes, fixes, notes...) may use a little Markdown: `inline code`,
*emphasis* and [links](https://...) to http(s) or relative URLs. Everything else in them is escaped
so that Markdown, its extensions (attr_list, md_in_html, snippets, admonitions) and the browser read
it as characters. Verbatim fields (message, patterns, examples, printed forms) are only ever shown
inside code, fenced with more backticks than they contain.

The loader uses `problems()` to refuse what must not be in a prose field at all, with a reason; the
generator uses `markdown()`, `cell()`, `code()`, `codeblock()` and `attribute()` on every output.
"""
from __future__ import annotations

import html
import re
import urllib.parse

# A code span: a run of backticks, then the shortest text up to the same run (CommonMark's rule).
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
# An inline link [text](url "optional title"); the text holds no brackets.
LINK = re.compile(r"\[([^\[\]\n]+)\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
# http(s), or a relative URL: a path, ./ or ../, or #anchor. No other scheme, no //host.
SAFE_URL = re.compile(r"^(?:https?://[^\s]+|#[^\s:]*|(?!//)[^\s:]*)$", re.IGNORECASE)
LINK_TARGET = re.compile(r"\]\(\s*<?\s*([^\s<>]*)")  # whatever a link points to, even one Markdown would parse oddly
URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)\s*:")
TAG = re.compile(r"<(?:/?[A-Za-z]|[!?])")  # what an HTML parser reads as a tag, a comment or a declaration
IMAGE = re.compile(r"!\[")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]+\]:", re.M)
# pymdownx.snippets reads a line holding only `--8<--` (optionally with a quoted path) as "include a file".
SNIPPET_LINE = re.compile(r"^[ \t]*;*-+8<-+", re.M)

# Characters that mean something to Markdown, its extensions or HTML, written as numeric references.
ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;",
           "!": "&#33;", "\\": "&#92;", "|": "&#124;", '"': "&quot;"}
LINE_START = re.compile(r"^([ \t]*)([#=?+:~]|\d+\)|-{3,}|\*{3,}|_{3,})", re.M)  # headings, tabs, details, rules


ESCAPE_TABLE = str.maketrans(ESCAPES)


def _escape_plain(text: str) -> str:
    text = text.translate(ESCAPE_TABLE)
    return LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text)


CODE_OR_LINK = re.compile(f"{CODE_SPAN.pattern}|{LINK.pattern}", re.S)


def _segments(text: str):
    """("code", span) | ("link", label, url) | ("plain", text), left to right."""
    pos = 0
    for m in CODE_OR_LINK.finditer(text):
        if m.start() > pos:
            yield ("plain", text[pos:m.start()])
        if m.group(1):
            yield ("code", m.group(0))
        else:
            yield ("link", m.group(3), m.group(4))
        pos = m.end()
    if pos < len(text):
        yield ("plain", text[pos:])


def markdown(text: str) -> str:
    """A prose field as Markdown that renders exactly the allowed formatting and nothing else.

    Paragraph breaks and list items survive; a link to any other scheme becomes plain text.
    """
    out = []
    for kind, *rest in _segments(text):
        if kind == "code":
            out.append(rest[0])
        elif kind == "link" and SAFE_URL.match(rest[1]):
            out.append(f"[{markdown(rest[0])}]({url(rest[1])})")
        elif kind == "link":
            out.append(_escape_plain(f"[{rest[0]}]({rest[1]})"))
        else:
            out.append(_escape_plain(rest[0]))
    return "".join(out)


def cell(text: str) -> str:
    """A prose field inside a table cell: one line. (Pipes in plain text are escaped by markdown(); the
    tables extension already ignores pipes inside code spans.)"""
    return markdown(" ".join(str(text).split()))


def code(text: str) -> str:
    """Verbatim text as one inline code span, whatever backticks it holds."""
    flat = " ".join(str(text).split())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def codeblock(text: str, attributes: str = "") -> str:
    """Verbatim text as a fenced block whose fence no line of the text can close."""
    longest = max((len(run) for run in re.findall(r"^[ \t]*(`{3,})", text, re.M)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{attributes}\n{text.rstrip()}\n{fence}"


def url(address: str) -> str:
    """A link target Markdown can't misread: http(s) or relative only, with brackets, quotes and spaces encoded."""
    if not SAFE_URL.match(address):
        raise ValueError(f"not an http(s) or relative URL: {address[:60]!r}")
    return urllib.parse.quote(address, safe=":/?#&=%+@,;~.-_!*$'")


def attribute(text: str) -> str:
    """Text for a double-quoted HTML attribute or an element (front matter values, which the theme prints as they are)."""
    return html.escape(" ".join(str(text).split()), quote=False).replace('"', "&quot;")


# ---- what the loader refuses ------------------------------------------------------------------

def problems(text: str) -> list[str]:
    """Why a prose field can't be published as it is: raw HTML, images, links to other schemes."""
    found = []
    plain = CODE_SPAN.sub(" ", text)
    tag = TAG.search(plain)
    if tag:
        found.append(f"contains raw HTML ({tag.group(0)!r}...); put markup in backticks, or verbatim error text in 'message' or 'patterns'")
    if IMAGE.search(plain):
        found.append("contains a Markdown image; pages load nothing from elsewhere")
    if REFERENCE_DEFINITION.search(plain):
        found.append("contains a Markdown reference definition; write links inline as [text](https://...)")
    for target in LINK_TARGET.findall(plain):
        while target.endswith(")") and target.count(")") > target.count("("):
            target = target[:-1]  # the link's own closing parenthesis
        scheme = URL_SCHEME.match(target)
        if target.startswith("//") or (scheme and scheme.group(1).lower() not in ("http", "https")):
            found.append(f"links to {target[:40]!r}; links may only use https, http or relative URLs")
    return found + snippet_problems(text)


def snippet_problems(text: str) -> list[str]:
    """Every field: a line that pymdownx.snippets would replace with a file's content."""
    line = SNIPPET_LINE.search(text)
    return [f"has a line starting {line.group(0).strip()!r}, which the site's Markdown reads as a file include"] if line else []
