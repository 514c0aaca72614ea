"""How each SDK prints an entry's error, derived from the SDK's print template and the entry's response.

Recorded output from real SDK runs (see tests/sdk_runs) takes precedence over these derived forms.
"""
from __future__ import annotations

import json
import re

from .model import Entry, Registry, Sdk

EXAMPLE_REQUEST_ID = "req_011CSHoEeqs5C35K2UUqR7Fy"  # the request id the API's own error example uses
REASON = {
    400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
    408: "Request Timeout", 409: "Conflict", 412: "Precondition Failed", 413: "Request Entity Too Large",
    422: "Unprocessable Entity", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout",
}  # as Go's http.StatusText spells them; 499 and 529 have no standard reason phrase


def response_body(entry: Entry) -> object | None:
    """The body the API sends for this entry: the entry's own example, else one built from its facts."""
    if entry.response is not None and entry.response.body is not None:
        return entry.response.body
    if entry.error_type and entry.message and entry.status:
        error = {"type": entry.error_type, "message": entry.message}
        if entry.error_code:
            error["details"] = {"error_code": entry.error_code}
        return {"type": "error", "error": error, "request_id": EXAMPLE_REQUEST_ID}
    return None


def _ruby(value: object) -> str:
    """Ruby 3.4's Hash#inspect of a parsed body (symbol keys), as the Ruby SDK prints it."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_ruby(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_ruby(v) for v in value) + "]"
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _body_text(body: object, style: str, status: int | None = None) -> str:
    if style == "php":  # json_encode(['status' => ..., 'body' => ...], JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE)
        shown = body if not isinstance(body, str) else None
        return json.dumps({"status": status, "body": shown}, indent=4, ensure_ascii=False).replace("/", "\\/")
    if isinstance(body, str):
        return body
    if style == "python":
        return repr(body)
    if style == "ruby":
        return _ruby(body)
    if style == "message":
        error = body.get("error", {}) if isinstance(body, dict) else {}
        return str(error.get("message", ""))
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def printed_form(registry: Registry, entry: Entry, sdk: Sdk) -> str | None:
    """The error line this SDK prints for the entry, or None when the entry has no HTTP response."""
    if sdk.id in entry.sdk and entry.sdk[sdk.id].prints:
        return entry.sdk[sdk.id].prints
    exception = registry.exception_for(entry, sdk.id)
    body = response_body(entry)
    if exception is None or body is None or entry.status is None:
        return None
    status = entry.response.status if entry.response and entry.response.status else entry.status
    if isinstance(body, str) and sdk.body_style == "python":
        return f"{exception}: {body.strip()}"  # the Python SDK prints a non-JSON body as it came
    headers = entry.response.headers if entry.response else {}
    values = {
        "status": str(status), "status_text": REASON.get(status, ""), "status_name": sdk.status_names.get(str(status), str(status)),
        "method": "POST", "url": "https://api.anthropic.com/v1/messages", "body": _body_text(body, sdk.body_style, status),
        "message": _body_text(body, "message"), "request_id": headers.get("request-id", EXAMPLE_REQUEST_ID),
        "desc": sdk.descriptions.get(re.split(r"[.:\\]+", exception)[-1], ""),
    }
    # Only known {names} are filled: templates such as Ruby's contain literal braces.
    message = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), sdk.prints)
    return f"{exception}: {message}"
