"""Paste search: read a pasted error, weigh the evidence it carries against every entry, rank.

The same algorithm runs in the page (overrides/assets/javascripts/paste-search.js). Everything it
needs — entries, compiled patterns, extraction rules, weights and a lunr full-text index — is in
one generated file, paste-index.json, so the two front ends cannot drift apart on data; the test
suite holds them to the same results on every case.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from lunr.builder import Builder
from lunr.index import Index

from .model import Registry, class_name_tail
from .patterns import compile_pattern

INDEX_PATH = "assets/generated/paste-index.json"

# Only this much of a paste is read: the head and the tail, where errors and their last lines are.
MAX_CHARS = 60000
MAX_QUERY_TOKENS = 64
MIN_SCORE = 12.0
# A matched message pattern proves the entry on its own only when it carries this much literal text (shorter ones,
# such as "Permission denied", also occur in unrelated errors) and the text is Claude's own.
MIN_EXACT_PATTERN_CHARS = 20

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


def _entry_record(registry: Registry, entry) -> dict:
    compiled = [compile_pattern(p) for p in entry.patterns]
    return {
        "id": entry.id, "title": entry.title, "url": entry.url, "summary": entry.summary, "kind": entry.kind,
        "status": entry.status, "type": entry.error_type, "code": entry.error_code, "retryable": entry.retryable,
        "surfaces": entry.surfaces, "shared": entry.shared_text,
        "classes": sorted({_short(o.exception) for o in entry.sdk.values()}),
        "patterns": [{"re": c.regex, "anchor": c.anchor, "len": c.literal_length} for c in compiled],
    }


def _document(entry) -> dict:
    body = " ".join([entry.summary, entry.message, *entry.patterns, *entry.causes, entry.error_type or "", entry.error_code or "", *(o.exception for o in entry.sdk.values())])
    return {"id": entry.id, "title": " ".join(tokens(entry.title)), "body": " ".join(tokens(_strip_variable(body)))}


def _lunr_index(registry: Registry) -> dict:
    # No pipeline on either side: we tokenize ourselves, so lunr.py and lunr.js see identical terms
    # (their stemmers and trimmers differ; see RESEARCH.md).
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("id")
    builder.field("title", boost=3)
    builder.field("body")
    for entry in registry.entries:
        builder.add(_document(entry))
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
        "error_codes": sorted({e.error_code for e in registry.entries if e.error_code}),
        "markers": {s.id: list(s.markers) for s in registry.surfaces.values() if s.markers},
        "surface_titles": {s.id: s.title for s in registry.surfaces.values()},
        "providers": sorted(s.id for s in registry.surfaces.values() if s.group == "provider" and s.id != "api"),
        "surface_groups": {s.id: s.group for s in registry.surfaces.values()},
        "identifiers": {s.id: list(s.identifiers) for s in registry.surfaces.values() if s.identifiers},
        "claude_surfaces": sorted(s.id for s in registry.surfaces.values() if s.anthropic),
        "other_providers": {p.id: {"title": p.title, "markers": list(p.markers)} for p in registry.other_providers.values()},
        "min_exact_pattern_chars": MIN_EXACT_PATTERN_CHARS,
        "stopwords": STOPWORDS, "variable_regexes": VARIABLE_REGEXES, "frame_regexes": FRAME_REGEXES, "secret_regexes": SECRET_REGEXES,
    }


def build_index(registry: Registry) -> dict:
    return {
        "version": 1,
        "rules": _rules(registry),
        "entries": [_entry_record(registry, e) for e in registry.entries],
        "lunr": _lunr_index(registry),
    }


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


def analyze(paste: str, rules: dict) -> dict:
    """The evidence a paste carries: statuses, error types and codes, class names, surfaces, words."""
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

    def word(w: str) -> bool:
        return re.search(r"(?<![a-z0-9_])" + re.escape(w) + r"(?![a-z0-9_])", lower) is not None

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
        "types": [t for t in rules["error_types"] if t in lower and word(t)],
        "codes": [c for c in rules["error_codes"] if c in lower and word(c)],
        "query": query[: rules["max_query_tokens"]],
        # Whose error this is: a sign of Claude itself, of a product (Bedrock...), or of another AI provider.
        "identified": identified, "claude": any(s in rules["claude_surfaces"] for s in identified),
        "other_providers": others, "error_code_field": "error_code" in lower,
    }


# ---- ranking -----------------------------------------------------------------------------------

class PasteIndex:
    def __init__(self, doc: dict):
        self.rules = doc["rules"]
        self.entries = doc["entries"]
        self.lunr = Index.load(doc["lunr"])
        self.compiled = {e["id"]: [(p["anchor"], re.compile(p["re"], re.IGNORECASE), p["len"]) for p in e["patterns"]] for e in self.entries}

    @classmethod
    def from_file(cls, path: Path | str) -> "PasteIndex":
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def text_scores(self, query: list[str]) -> dict[str, float]:
        if not query:
            return {}
        q = self.lunr.create_query()
        for tok in query:
            q.term(tok, use_pipeline=False)
        results = self.lunr.query(q)
        top = max((r["score"] for r in results), default=0) or 1
        return {r["ref"]: r["score"] / top for r in results}

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
        for anchor, regex, length in self.compiled[entry["id"]]:
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
        about the entry's own provider. likely: no message, but the general status or type entry (or the entry's
        own exception class) matched a paste that shows it is about Claude. related: words, or evidence from a
        paste that may not concern Claude at all.
        """
        context = ev["claude"] or entry["surfaces"][0] in ev["identified"]
        if found["code"] and (context or ev["error_code_field"]):
            return "exact"
        long_enough = found["pattern"] >= self.rules["min_exact_pattern_chars"] and not entry["shared"]
        if found["pattern"] and (context or long_enough):
            return "exact"
        general = entry["kind"] in ("status", "error_type") and (found["status"] or found["type"])
        if context and (general or found["class"]):
            return "likely"
        return "related"

    def _ranked(self, ev: dict) -> list[dict]:
        text = self.text_scores(ev["query"])
        ranked = []
        for entry in self.entries:
            score, why, found = self._score(entry, ev, text.get(entry["id"], 0.0))
            if score >= self.rules["min_score"]:
                ranked.append({"id": entry["id"], "title": entry["title"], "url": entry["url"], "score": score, "why": " · ".join(why),
                               "summary": entry["summary"], "retryable": entry["retryable"], "confidence": self.confidence(entry, found, ev)})
        ranked.sort(key=lambda r: (-r["score"], r["id"]))
        return ranked

    def search(self, paste: str, top: int = 5) -> list[dict]:
        """The best entries for a paste, each with its confidence, best first."""
        return self._ranked(analyze(paste, self.rules))[:top]

    def explain(self, paste: str, top: int = 5) -> dict:
        """The answer the page and the CLI give: a verdict, what was read, and the entries.

        verdict: "match" when the best entry is exact or likely; "other-provider" when the paste carries another
        AI provider's markers and no sign of Claude; otherwise "none", with the entries as related reading and the
        general status or type entry for what was read.
        """
        ev = analyze(paste, self.rules)
        read = {"status": ev["statuses"], "error_type": ev["types"], "error_code": ev["codes"],
                "classes": [ev["spelled"][c] for c in ev["classes"]], "surfaces": ev["surfaces"]}
        if ev["other_providers"] and not ev["claude"]:
            provider = ev["other_providers"][0]
            return {"verdict": "other-provider", "provider": {"id": provider, "title": self.rules["other_providers"][provider]["title"]},
                    "read": read, "matches": [], "general": []}
        matches = self._ranked(ev)[:top]
        verdict = "match" if matches and matches[0]["confidence"] != "related" else "none"
        general = [] if verdict == "match" else self._general(ev)
        return {"verdict": verdict, "read": read, "matches": matches, "general": general}

    def _general(self, ev: dict) -> list[dict]:
        """The status and error-type entries for what the paste showed, when no entry explains it."""
        picks = [e for e in self.entries if (e["kind"] == "status" and e["status"] in ev["statuses"]) or (e["kind"] == "error_type" and e["type"] in ev["types"])]
        return [{"id": e["id"], "title": e["title"], "url": e["url"]} for e in picks]
