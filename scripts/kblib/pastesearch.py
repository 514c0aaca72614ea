"""Paste search: read a pasted error, weigh the evidence it carries against the entries it could be, rank.

The same algorithm runs in the page (overrides/assets/javascripts/paste-search.js). Everything it needs is
generated into one folder, assets/generated/paste/, so the two front ends cannot drift apart on data; the
test suite holds them to the same results on every case. The folder is laid out so that the first answer
costs the same whatever the size of the knowledge base:

- core.json: the extraction rules, weights and regexes, and a router from what a paste can show (a piece of
  a message pattern, an error code, an exception class, a status or error type) to the entries it points at;
- shard-NNN.json: the entries themselves (patterns, titles, summaries), in the shard core.json's shard_of
  names; a paste needs only the shards of its candidates;
- text-NNNN.json: the full-text index (words): lunr's own BM25 weights, built with lunr.py and stored per term
  as postings, so a query sums the postings of its words and scores exactly as lunr.js's query would (a test
  holds them together) at a fraction of the cost. The terms are cut into shards of consecutive terms of about
  TEXT_SHARD_BYTES each (core.json's text_bounds holds each shard's first term): a paste reads at most
  MAX_QUERY_TOKENS words, so it fetches at most that many small shards however large the index grows. They
  refine the first answer and find related pages; words alone never make a match.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from lunr.builder import Builder

from .model import Registry, class_name_tail
from .patterns import compile_pattern

INDEX_DIR = "assets/generated/paste"
CORE = "core.json"
SHARD_SIZE = 32  # entries per shard: a shard is small enough to fetch for one candidate
TEXT_SHARD_BYTES = 8000  # of JSON per word-index shard: a few KB gzipped, one request per word of a paste at most
GRAM = 6  # a pattern is routed by a 6-character piece of its literal text, the rarest one among all patterns
TEXT_CANDIDATES = 10  # entries that only words point at: how many of the best join the candidates

# Only this much of a paste is read: the head and the tail, where errors and their last lines are.
MAX_CHARS = 60000
MAX_QUERY_TOKENS = 64
MIN_SCORE = 12.0
# A matched message pattern proves the entry on its own only when it carries this much literal text (shorter ones,
# such as "Permission denied", also occur in unrelated errors) and the text is Claude's own.
MIN_EXACT_PATTERN_CHARS = 20
# A pattern with less literal text than this ("model: {model}") is mostly placeholder: it proves its entry only
# when the paste also shows the entry's status or error type.
MIN_BARE_PATTERN_CHARS = 8

# How much each piece of evidence counts. The magnitudes keep a clear order: a matched message pattern
# (40-70, more for longer literal text) or an error code (60) decides; the error type (25), the status (15),
# an exception class (14) and where the paste came from (6-8 each) sort out the rest, and contradicting a
# paste's type or status costs more than matching it earns. Words alone (at most 20) never beat a pattern.
# A wrapper's own entry (LiteLLM...) counts its pattern half, so the cause it re-raised wins; an entry that
# belongs to one provider loses 18 when the paste shows no sign of that provider (a third of it when the
# paste shows no sign of anything, as with words typed from memory).
WEIGHTS = {
    "pattern": 40.0, "pattern_per_char": 0.5, "pattern_chars_cap": 60,
    "code": 60.0, "type": 25.0, "type_conflict": -30.0, "status": 15.0, "status_conflict": -20.0,
    "class": 14.0, "surface": 6.0, "surface_cap": 2, "provider_missing": -18.0, "provider_home": 8.0,
    "text": 20.0, "generic": 4.0, "wrapper_pattern_factor": 0.5, "unmarked_provider_factor": 0.34,
}

# Where a status number sits in what SDKs, CLIs, gateways and servers print. Group 1 is the status.
REASONS = (
    "bad request|unauthorized|payment required|forbidden|not found|request timeout|conflict|precondition failed|"
    "request entity too large|payload too large|content too large|unprocessable entity|too many requests|"
    "internal server error|not implemented|bad gateway|service unavailable|gateway timeout|overloaded"
)
STATUS_REGEXES = [
    r"error code:?\s*([1-5]\d\d)\b",
    r"api error:?\s*\(?\s*([1-5]\d\d)\b",
    r"status(?:[ _]?code)?[\"']?\s*[:=]\s*[\"']?([1-5]\d\d)\b",
    r"\bhttp(?:/\d(?:\.\d)?)?\s+([1-5]\d\d)\b",
    r"\b([1-5]\d\d)\s*[:-]?\s+(?:" + REASONS + r")\b",
    r"\berror\s+([1-5]\d\d)\b",
    r"\bstatus\s+([1-5]\d\d)\b",
    r"\bcode\s*[=:]\s*[\"']?([1-5]\d\d)\b",
    r"\b(?:returned|received|got)\s+(?:an?\s+)?(?:http\s+|status\s+)?([1-5]\d\d)\b",
    r"(?:error|exception|failed)\s*:\s*([1-5]\d\d)\b",
    r"status code\s*([1-5]\d\d)\b",
    r"[\"']code[\"']\s*:\s*([1-5]\d\d)\b",
    r"\b([1-5]\d\d)\s*[{\[]\s*[\"']",
    r"\b(?:client|server) error\s+[\"']([1-5]\d\d)\b",  # httpx's raise_for_status: Server error '529 ' for url '...'
]
# gRPC status names as Google APIs print them, and the HTTP status each corresponds to.
GRPC_STATUS = {
    "INVALID_ARGUMENT": 400, "FAILED_PRECONDITION": 400, "UNAUTHENTICATED": 401, "PERMISSION_DENIED": 403,
    "NOT_FOUND": 404, "ALREADY_EXISTS": 409, "RESOURCE_EXHAUSTED": 429, "CANCELLED": 499,
    "UNAVAILABLE": 503, "DEADLINE_EXCEEDED": 504,
}
# SDKs that print a status by name (C#: "Status Code: TooManyRequests"); the names come from errors.yaml.
STATUS_NAME_REGEX = r"status code:\s*([A-Za-z]+)\b"
CLASS_REGEX = r"\b([A-Za-z_$][\w$]*(?:Error|Exception))\b"
# Stack-frame lines say where the error was raised, not what it is: they are left out of the word query.
FRAME_REGEXES = [
    r"^\s*File \"[^\"]*\", line \d+",  # Python
    r"^\s*at\s+\S.*(?:\(\S*:\d+(?::\d+)?\)|:\d+:\d+\)?)\s*$",  # JavaScript, Java, C#
    r"^\s*at\s+[\w$.<>]+\([\w.]+\.(?:java|kt|scala):\d+\)",  # Java frames followed by a jar note: ~[app.jar:1.0]
    r"^\s*(?:\S+\.go:\d+|goroutine \d+)",  # Go
    r"^\s*#\d+\s+\S+\.php\(\d+\)",  # PHP
    r"^\s*(?:from\s+)?\S+\.rb:\d+:in",  # Ruby
    r"^\s*[\^~]{3,}\s*$",  # Python's carets under the failing expression
]
# Tokens that say nothing about which error this is.
STOPWORDS = sorted({
    "the", "a", "an", "and", "or", "of", "to", "in", "is", "it", "for", "on", "at", "by", "be", "as", "with", "this",
    "that", "was", "are", "from", "not", "your", "you", "if", "error", "errors", "type", "message", "file", "line",
    "most", "recent", "call", "last", "traceback", "self", "return", "await", "async", "def", "raise", "py", "js",
    "ts", "node", "modules", "site", "packages", "lib", "python3", "src", "dist", "anthropic", "sdk", "request",
    "response", "none", "null", "true", "false", "https", "http", "com", "www", "api", "v1", "id", "req",
})
# What varies between two pastes of the same error, removed before the full-text search.
VARIABLE_REGEXES = [
    r"\breq_[A-Za-z0-9]+", r"\b(?:msg|toolu|file|msgbatch|batch|srvtoolu)_[A-Za-z0-9]+",
    r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", r"\bsk-ant-[A-Za-z0-9_-]+",
    r"\b\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?", r"https?://\S+", r"\b0x[0-9a-f]+\b",
    r"\b[0-9a-f]{16,}\b", r"(?:/[\w.@-]+){2,}", r"\bclaude-[a-z0-9.@:-]+",
]

# Secrets removed before a paste goes into a shareable URL. Group 1, when present, is a label kept.
SECRET_REGEXES = [
    r"\bsk-ant-[A-Za-z0-9_-]{6,}",
    r"(\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}",
    r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b",
    r"((?:x-api-key|api[_-]?key|authorization|aws_secret_access_key|aws_session_token|secret)[\"']?\s*[:=]\s*[\"']?)(?!\[REDACTED\]|bearer\s)[^\s\"',}]{4,}",
]


def redact(text: str) -> tuple[str, int]:
    """The paste with secrets replaced, and how many were found (mirrors PasteIndex.redact in the page)."""
    count = 0

    def replace(m: re.Match) -> str:
        nonlocal count
        count += 1
        return (m.group(1) if m.re.groups and m.group(1) else "") + "[REDACTED]"

    for rx in SECRET_REGEXES:
        text = re.sub(rx, replace, text, flags=re.IGNORECASE)
    return text, count


def tokens(text: str) -> list[str]:
    """Lowercase words of letters, digits and underscores; compounds also give their parts."""
    out = []
    for word in re.split(r"[^a-z0-9_]+", text.lower()):
        parts = [word] + ([p for p in word.split("_") if p] if "_" in word else [])
        for part in parts:
            if len(part) >= 2 and part not in STOPWORDS and not part.isdigit() and not part.strip("_").isdigit():
                out.append(part)
    return out


def _strip_variable(text: str) -> str:
    for rx in VARIABLE_REGEXES:
        text = re.sub(rx, " ", text, flags=re.IGNORECASE)
    return text


# ---- building the index ------------------------------------------------------------------------

def _class_statuses(registry: Registry) -> dict[str, int]:
    """Exception class name (last segment, lowercased) -> the status it stands for, when unambiguous."""
    seen: dict[str, set[int]] = {}
    fallbacks = set()  # base and catch-all classes say nothing about the status
    for sdk in registry.sdks.values():
        for key, name in sdk.classes.items():
            if key.isdigit():
                seen.setdefault(_short(name), set()).add(int(key))
            else:
                fallbacks.add(_short(name))
    return {name: next(iter(s)) for name, s in sorted(seen.items()) if len(s) == 1 and name not in fallbacks}


def _short(class_name: str) -> str:
    return class_name_tail(class_name).lower()


def _entry_record(registry: Registry, n: int, entry) -> dict:
    compiled = [compile_pattern(p) for p in entry.patterns]
    return {
        "n": n, "id": entry.id, "title": entry.title, "url": entry.url, "summary": entry.summary, "kind": entry.kind,
        "status": entry.status, "type": entry.error_type, "code": entry.error_code, "retryable": entry.retryable,
        "surfaces": entry.surfaces, "shared": entry.shared_text,
        "classes": _classes(entry),
        "patterns": [{"re": c.regex, "anchor": c.anchor, "len": c.literal_length} for c in compiled],
    }


def _classes(entry) -> list[str]:
    return sorted({_short(o.exception) for o in entry.sdk.values()})


def _grams(text: str, size: int = GRAM) -> set[str]:
    return {text[i:i + size] for i in range(len(text) - size + 1)}


def _route_key(anchor: str, frequency: dict[str, int]) -> str:
    """The piece of a pattern's literal text a paste must contain for the pattern to be worth testing: its rarest
    6-character piece (without characters outside the BMP, which JavaScript counts differently), else the whole anchor."""
    pieces = [g for g in sorted(_grams(anchor)) if all(ord(c) < 0x10000 for c in g)]
    return min(pieces, key=lambda g: (frequency[g], anchor.index(g))) if pieces else anchor


def _router(registry: Registry) -> dict:
    anchors = [(n, compile_pattern(p).anchor) for n, e in enumerate(registry.entries) for p in e.patterns]
    frequency: dict[str, int] = {}
    for _, anchor in anchors:
        for g in _grams(anchor):
            frequency[g] = frequency.get(g, 0) + 1
    grams: dict[str, list[int]] = {}
    short: dict[str, list[int]] = {}
    for n, anchor in anchors:
        key = _route_key(anchor, frequency)
        target = grams if len(key) == GRAM else short
        if n not in target.setdefault(key, []):
            target[key].append(n)

    def by(key_of) -> dict:
        out: dict = {}
        for n, e in enumerate(registry.entries):
            for key in key_of(e):
                out.setdefault(str(key), []).append(n)
        return out

    return {
        "grams": grams, "short": short,
        "codes": by(lambda e: [e.error_code] if e.error_code else []),
        "classes": by(_classes),
        "statuses": by(lambda e: [e.status] if e.kind == "status" and e.status else []),
        "types": by(lambda e: [e.error_type] if e.kind == "error_type" and e.error_type else []),
    }


def _document(entry) -> dict:
    body = " ".join([entry.summary, entry.message, *entry.patterns, *entry.causes, entry.error_type or "", entry.error_code or "", *(o.exception for o in entry.sdk.values())])
    return {"title": " ".join(tokens(entry.title)), "body": " ".join(tokens(_strip_variable(body)))}


def _text_index(registry: Registry) -> dict:
    """{"terms": {term: [entry, weight, entry, weight, ...]}}: each entry's lunr weight for the term, its title's
    (boosted) and body's summed, entries in ascending order."""
    index = _lunr_index(registry)
    term_of = {posting["_index"]: term for term, posting in index["invertedIndex"]}
    weights: dict[str, dict[int, float]] = {}
    for field_ref, vector in index["fieldVectors"]:
        n = int(field_ref.split("/", 1)[1])
        for i in range(0, len(vector), 2):
            per_entry = weights.setdefault(term_of[vector[i]], {})
            per_entry[n] = round(per_entry.get(n, 0.0) + vector[i + 1], 3)
    return {"terms": {term: [x for n in sorted(entries) for x in (n, entries[n])] for term, entries in sorted(weights.items())}}


def _lunr_index(registry: Registry) -> dict:
    # No pipeline on either side: we tokenize ourselves, so lunr.py and lunr.js see identical terms
    # (their stemmers and trimmers differ; see RESEARCH.md).
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("n")  # entry numbers: shorter than ids, and core.json says which shard holds each
    builder.field("title", boost=3)
    builder.field("body")
    for n, entry in enumerate(registry.entries):
        builder.add({"n": str(n), **_document(entry)})
    return builder.build().serialize()


def _status_names(registry: Registry) -> dict[str, int]:
    return {name.lower(): int(status) for sdk in registry.sdks.values() for status, name in sdk.status_names.items() if not name.isdigit()}


def _rules(registry: Registry) -> dict:
    provider_status = {}
    for surface in registry.surfaces.values():
        provider_status.update({name.lower(): status for name, status in surface.exceptions.items()})
    return {
        "max_chars": MAX_CHARS, "max_query_tokens": MAX_QUERY_TOKENS, "min_score": MIN_SCORE, "weights": WEIGHTS,
        "status_regexes": STATUS_REGEXES, "grpc_status": GRPC_STATUS,
        "status_name_regex": STATUS_NAME_REGEX, "status_names": _status_names(registry), "class_regex": CLASS_REGEX,
        "class_status": {**_class_statuses(registry), **provider_status},
        "known_statuses": sorted({e.status for e in registry.entries if e.status}),
        "error_types": sorted({e.error_type for e in registry.entries if e.error_type}),
        "markers": {s.id: list(s.markers) for s in registry.surfaces.values() if s.markers},
        "surface_titles": {s.id: s.title for s in registry.surfaces.values()},
        "providers": sorted(s.id for s in registry.surfaces.values() if s.group == "provider" and s.id != "api"),
        "surface_groups": {s.id: s.group for s in registry.surfaces.values()},
        "identifiers": {s.id: list(s.identifiers) for s in registry.surfaces.values() if s.identifiers},
        "claude_surfaces": sorted(s.id for s in registry.surfaces.values() if s.anthropic),
        "other_providers": {p.id: {"title": p.title, "markers": list(p.markers)} for p in registry.other_providers.values()},
        "min_exact_pattern_chars": MIN_EXACT_PATTERN_CHARS, "min_bare_pattern_chars": MIN_BARE_PATTERN_CHARS,
        "stopwords": STOPWORDS, "variable_regexes": VARIABLE_REGEXES, "frame_regexes": FRAME_REGEXES, "secret_regexes": SECRET_REGEXES,
    }


def _shard_of(registry: Registry) -> list[int]:
    """Which shard holds each entry. Entries a paste tends to need together share a shard: the general status and
    type entries first, then the others by status and error type, so most pastes need one to three shards."""
    order = sorted(range(len(registry.entries)), key=lambda n: _locality(registry.entries[n]))
    shard_of = [0] * len(order)
    for rank, n in enumerate(order):
        shard_of[n] = rank // SHARD_SIZE
    return shard_of


def _locality(entry) -> tuple:
    return (entry.kind not in ("status", "error_type"), entry.surfaces[0], entry.status or 0, entry.error_type or "", entry.id)


def build_index(registry: Registry) -> dict[str, dict]:
    """The index folder's files, {name: document}: core.json, shard-NNN.json and text-NNNN.json."""
    shard_of = _shard_of(registry)
    shards = max(shard_of, default=0) + 1
    records = [_entry_record(registry, n, e) for n, e in enumerate(registry.entries)]
    text_bounds, text_shards = _text_shards(_text_index(registry)["terms"])
    files = {CORE: {"version": 3, "rules": _rules(registry), "entries": len(records), "shards": shards, "shard_of": shard_of,
                    "gram": GRAM, "text_candidates": TEXT_CANDIDATES, "router": _router(registry), "text_bounds": text_bounds}}
    for k in range(shards):
        files[shard_name(k)] = {"entries": [r for r in records if shard_of[r["n"]] == k]}
    for k, terms in enumerate(text_shards):
        files[text_name(k)] = {"terms": terms}
    return files


def shard_name(k: int) -> str:
    return f"shard-{k:03d}.json"


def text_name(k: int) -> str:
    return f"text-{k:04d}.json"


def _utf16(term: str) -> bytes:
    return term.encode("utf-16-be")  # JavaScript orders strings by UTF-16 code units; the page looks terms up by that order


def _text_cost(term: str, postings: list) -> int:
    """Roughly what a term takes in a word shard's JSON."""
    return len(term) + len(json.dumps(postings)) + 6


def _text_shards(terms: dict[str, list]) -> tuple[list[str], list[dict[str, list]]]:
    """The word index cut into runs of consecutive terms of about TEXT_SHARD_BYTES each; bounds[k] is shard k's
    first term, so the page finds a word's shard by binary search without a list of every term."""
    bounds: list[str] = []
    shards: list[dict[str, list]] = []
    size = 0
    for term in sorted(terms, key=_utf16):
        cost = _text_cost(term, terms[term])
        if not shards or size + cost > TEXT_SHARD_BYTES:
            bounds.append(term)
            shards.append({})
            size = 0
        shards[-1][term] = terms[term]
        size += cost
    return bounds, shards


# ---- reading a paste ---------------------------------------------------------------------------

UNESCAPES = {'"': '"', "'": "'", "\\": "\\", "/": "/", "n": "\n", "r": " ", "t": " "}
ENTITIES = {"&quot;": '"', "&#34;": '"', "&#39;": "'", "&#x27;": "'", "&apos;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&", "&nbsp;": " "}


def _decode(text: str) -> str:
    """Undo the layers apps wrap errors in: JSON string escapes (nested), \\uXXXX, HTML entities."""
    for _ in range(3):
        before = text
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
        text = re.sub(r"\\([\"'\\/nrt])", lambda m: UNESCAPES[m.group(1)], text)
        if text == before:
            break
    return re.sub(r"&(?:quot|#34|#39|#x27|apos|lt|gt|amp|nbsp);", lambda m: ENTITIES[m.group(0)], text)


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    half = limit // 2
    return text[:half] + "\n" + text[-half:]


def analyze(paste: str, rules: dict, codes=frozenset()) -> dict:
    """The evidence a paste carries: statuses, error types and codes (`codes`: the ones entries have), class names,
    surfaces, words."""
    decoded = _decode(_clip(paste, rules["max_chars"]))
    # Tags are stripped only from real HTML (proxy and CDN error pages have closing tags); a line such as
    # "<urlopen error [SSL: ...]>" keeps its text.
    is_html = "</" in decoded
    markup = decoded
    if is_html:  # drop the page's CSS and scripts, then its tags
        markup = re.sub(r"<(style|script)\b[^>]*>[\s\S]*?</\1\s*>", " ", decoded, flags=re.IGNORECASE)
        markup = re.sub(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", " ", markup)
    flat = re.sub(r"[ \t\n\r\f\v]+", " ", markup).strip()
    lower = flat.lower()
    # Patterns may quote markup (a proxy's HTML page), so they are also tried on the text with its tags.
    tagged = re.sub(r"[ \t\n\r\f\v]+", " ", decoded).strip() if is_html else flat
    statuses: list[int] = []
    for rx in rules["status_regexes"]:
        for m in re.finditer(rx, flat, re.IGNORECASE):
            status = int(m.group(1))
            if 400 <= status <= 599 and status not in statuses:
                statuses.append(status)
    for m in re.finditer(rules["status_name_regex"], flat, re.IGNORECASE):
        status = rules["status_names"].get(m.group(1).lower())
        if status and status not in statuses:
            statuses.append(status)
    for name, status in rules["grpc_status"].items():
        if re.search(r"\b" + name + r"\b", flat) and status not in statuses:
            statuses.append(status)
    classes, spelled = [], {}
    for m in re.finditer(rules["class_regex"], flat):
        name = m.group(1).lower()
        if name not in classes:
            classes.append(name)
            spelled[name] = m.group(1)  # as pasted, for the "why" shown to people
        status = rules["class_status"].get(name)
        if status and status not in statuses:
            statuses.append(status)
    # A status no entry has (a CDN's 524, say) tells nothing about which entry fits: ignore it.
    statuses = [s for s in statuses if s in rules["known_statuses"]]

    words = set(re.findall(r"[a-z0-9_]+", lower))  # types and codes are whole words of these characters
    surfaces = [s for s, markers in rules["markers"].items() if any(re.search(m, decoded, re.IGNORECASE) for m in markers)]
    identified = [s for s, names in rules["identifiers"].items() if any(re.search(m, decoded, re.IGNORECASE) for m in names)]
    others = [p for p, other in rules["other_providers"].items() if any(re.search(m, decoded, re.IGNORECASE) for m in other["markers"])]
    frame = re.compile("|".join(rules["frame_regexes"]))
    message_lines = "\n".join(line for line in decoded.split("\n") if not frame.search(line))
    query = []
    for tok in tokens(_strip_variable(message_lines.lower())):
        if tok not in query:
            query.append(tok)
    return {
        "flat": flat, "lower": lower, "spelled": spelled, "tagged": tagged, "tagged_lower": tagged.lower(), "statuses": statuses, "classes": classes, "surfaces": surfaces,
        "types": [t for t in rules["error_types"] if t in words],
        "codes": sorted(words & set(codes)),
        "query": query[: rules["max_query_tokens"]],
        # Whose error this is: a sign of Claude itself, of a product (Bedrock...), or of another AI provider.
        "identified": identified, "claude": any(s in rules["claude_surfaces"] for s in identified),
        "other_providers": others, "error_code_field": "error_code" in lower,
    }


# ---- ranking -----------------------------------------------------------------------------------

class PasteIndex:
    """The index folder, loaded (the CLI and the tests read all of it; the page fetches only what a paste needs)."""

    def __init__(self, files: dict[str, dict]):
        core = files[CORE]
        self.rules, self.router, self.shards = core["rules"], core["router"], core["shards"]
        self.gram, self.text_candidates = core["gram"], core["text_candidates"]
        self.report = core.get("report", {})
        self.about = core.get("about", {})
        self.entries = {r["n"]: r for k in range(self.shards) for r in files[shard_name(k)]["entries"]}
        self.terms = {t: p for k in range(len(core["text_bounds"])) for t, p in files[text_name(k)]["terms"].items()}
        self.compiled: dict[int, list] = {}  # filled as entries become candidates: compiling every pattern up front is slow

    @classmethod
    def from_dir(cls, path: Path | str) -> "PasteIndex":
        path = Path(path)
        core = json.loads((path / CORE).read_text(encoding="utf-8"))
        names = [CORE, *(shard_name(k) for k in range(core["shards"])), *(text_name(k) for k in range(len(core["text_bounds"])))]
        return cls({name: core if name == CORE else json.loads((path / name).read_text(encoding="utf-8")) for name in names})

    def analyze(self, paste: str) -> dict:
        return analyze(paste, self.rules, self.router["codes"].keys())

    def candidates(self, ev: dict) -> set[int]:
        """The entries the paste's own evidence points at: a routed piece of a pattern, an error code, an exception
        class, or the general entry of a status or error type it shows. Only these are fetched and ranked first."""
        r = self.router
        texts = {ev["lower"], ev["tagged_lower"]}
        found: set[int] = set()
        for text in texts:
            for gram in _grams(text, self.gram):
                found.update(r["grams"].get(gram, ()))
        for key, numbers in r["short"].items():
            if any(key in text for text in texts):
                found.update(numbers)
        for key, kind in [*((c, "codes") for c in ev["codes"]), *((c, "classes") for c in ev["classes"]),
                          *((str(s), "statuses") for s in ev["statuses"]), *((t, "types") for t in ev["types"])]:
            found.update(r[kind].get(key, ()))
        return found

    def text_scores(self, query: list[str]) -> dict[int, float]:
        """Entry number -> score of the words (the sum of their lunr weights), relative to the best (1.0)."""
        totals: dict[int, float] = {}
        for tok in query:
            postings = self.terms.get(tok, ())
            for i in range(0, len(postings), 2):
                totals[postings[i]] = totals.get(postings[i], 0.0) + postings[i + 1]
        top = max(totals.values(), default=0) or 1
        return {n: score / top for n, score in totals.items()}

    def word_candidates(self, text: dict[int, float]) -> list[int]:
        """The entries only words point at that join the candidates: the best few."""
        return sorted(text, key=lambda n: (-text[n], n))[: self.text_candidates]

    def _score(self, entry: dict, ev: dict, text: float) -> tuple[float, list[str], dict]:
        """The entry's score for this paste, why (for people), and which kinds of evidence matched (for the tier)."""
        w, why, score = self.rules["weights"], [], 0.0
        found = {"status": False, "type": False, "code": False, "pattern": 0, "class": False}
        if entry["status"] is not None and ev["statuses"]:
            if entry["status"] in ev["statuses"]:
                score += w["status"]
                why.append(str(entry["status"]))
                found["status"] = True
            else:
                score += w["status_conflict"]
        if entry["type"] and ev["types"]:
            if entry["type"] in ev["types"]:
                score += w["type"]
                why.append(entry["type"])
                found["type"] = True
            else:
                score += w["type_conflict"]
        if entry["code"] and entry["code"] in ev["codes"]:
            score += w["code"]
            why.append(f"error code {entry['code']}")
            found["code"] = True
        best = 0.0
        if entry["n"] not in self.compiled:
            self.compiled[entry["n"]] = [(p["anchor"], re.compile(p["re"], re.IGNORECASE), p["len"]) for p in entry["patterns"]]
        for anchor, regex, length in self.compiled[entry["n"]]:
            if (anchor in ev["lower"] and regex.search(ev["flat"])) or (anchor in ev["tagged_lower"] and regex.search(ev["tagged"])):
                best = max(best, w["pattern"] + w["pattern_per_char"] * min(length, w["pattern_chars_cap"]))
                found["pattern"] = max(found["pattern"], length)
        home = entry["surfaces"][0]
        if best and home == "gateway":
            best *= w["wrapper_pattern_factor"]  # read through a wrapper: the cause's own entry should win
        if best:
            score += best
            why.append("message matches")
        elif (entry["kind"] == "status" and entry["status"] in ev["statuses"]) or (entry["kind"] == "error_type" and entry["type"] in ev["types"] and not ev["statuses"]):
            score += w["generic"]  # no message matched: the status's entry, or the type's when there is no status
        matched_classes = [c for c in entry["classes"] if c in ev["classes"]]
        if matched_classes:
            score += w["class"]
            why.append(ev["spelled"][matched_classes[0]])
            found["class"] = True
        shared = [s for s in entry["surfaces"] if s in ev["surfaces"]]
        score += w["surface"] * min(len(shared), w["surface_cap"])
        # An entry that belongs to one provider or wrapper (its first surface: Bedrock, Claude Code, LiteLLM...)
        # needs a sign of that one in the paste; a paste with no sign of anything (words typed from memory) less so.
        if home in self.rules["providers"]:
            if home in ev["surfaces"]:
                score += w["provider_home"]  # the paste came through the very tool this entry is about
            else:
                score += w["provider_missing"] * (1 if ev["surfaces"] else w["unmarked_provider_factor"])
        why += [self.rules["surface_titles"][s] for s in shared if s in self.rules["providers"]]
        if text > 0:
            score += w["text"] * text
            if not why:
                why.append("words match")
        return score, why, found

    def confidence(self, entry: dict, found: dict, ev: dict) -> str:
        """How sure the answer is, from the kind of evidence that matched, not from the score.

        exact: the entry's message pattern or error code is in the paste. A short pattern, or text every client
        shares (TLS, proxies, cloud credentials), counts only when the paste also shows it is about Claude or
        about the entry's own provider; a pattern that is mostly placeholder, only with the entry's status or type.
        likely: no message, but the general status or type entry (or the entry's own exception class) matched a
        paste that shows it is about Claude. related: words, or evidence from a
        paste that may not concern Claude at all.
        """
        context = ev["claude"] or entry["surfaces"][0] in ev["identified"]
        if found["code"] and (context or ev["error_code_field"]):
            return "exact"
        long_enough = found["pattern"] >= self.rules["min_exact_pattern_chars"] and not entry["shared"]
        telling = found["pattern"] >= self.rules["min_bare_pattern_chars"] or found["status"] or found["type"]
        if found["pattern"] and ((context and telling) or long_enough):
            return "exact"
        general = entry["kind"] in ("status", "error_type") and (found["status"] or found["type"])
        if context and (general or found["class"]):
            return "likely"
        return "related"

    def _ranked(self, ev: dict, numbers, text: dict[int, float]) -> list[dict]:
        ranked = []
        for n in numbers:
            entry = self.entries[n]
            score, why, found = self._score(entry, ev, text.get(n, 0.0))
            if score >= self.rules["min_score"]:
                ranked.append({"id": entry["id"], "title": entry["title"], "url": entry["url"], "score": score, "why": " · ".join(why),
                               "summary": entry["summary"], "retryable": entry["retryable"], "confidence": self.confidence(entry, found, ev)})
        ranked.sort(key=lambda r: (-r["score"], r["id"]))
        return ranked

    def search(self, paste: str, top: int = 5) -> list[dict]:
        """The best entries for a paste, each with its confidence, best first."""
        return self.explain(paste, top)["matches"]

    def explain(self, paste: str, top: int = 5, words: bool = True) -> dict:
        """The answer the page and the CLI give: a verdict, what was read, and the entries.

        verdict: "match" when the best entry is exact or likely; "other-provider" when the paste carries another
        AI provider's markers and no sign of Claude; otherwise "none", with the entries as related reading and the
        general status or type entry for what was read. With words=False, the first answer, before the full-text
        index is used (the page shows it while the word shards load).
        """
        ev = self.analyze(paste)
        read = {"status": ev["statuses"], "error_type": ev["types"], "error_code": ev["codes"],
                "classes": [ev["spelled"][c] for c in ev["classes"]], "surfaces": ev["surfaces"]}
        if ev["other_providers"] and not ev["claude"]:
            provider = ev["other_providers"][0]
            return {"verdict": "other-provider", "provider": {"id": provider, "title": self.rules["other_providers"][provider]["title"]},
                    "read": read, "matches": [], "general": []}
        numbers = self.candidates(ev)
        text = self.text_scores(ev["query"]) if words else {}
        matches = self._ranked(ev, numbers | set(self.word_candidates(text)), text)[:top]
        verdict = "match" if matches and matches[0]["confidence"] != "related" else "none"
        general = [] if verdict == "match" else self._general(ev)
        return {"verdict": verdict, "read": read, "matches": matches, "general": general}

    def _general(self, ev: dict) -> list[dict]:
        """The status and error-type entries for what the paste showed, when no entry explains it."""
        numbers = sorted({n for s in ev["statuses"] for n in self.router["statuses"].get(str(s), ())} | {n for t in ev["types"] for n in self.router["types"].get(t, ())})
        return [{"id": self.entries[n]["id"], "title": self.entries[n]["title"], "url": self.entries[n]["url"]} for n in numbers]
