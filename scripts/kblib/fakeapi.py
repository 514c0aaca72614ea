"""A fake Claude API on 127.0.0.1 that answers with an entry's example response.

A client pointed at `<base>/e/<entry-id>` gets that entry's status, JSON body and headers; for
`sse_error` entries an event stream that sends some content, then an `error` event (HTTP 200); for
`drop` a closed connection with no response; for `stall` nothing until the client gives up and closes
the connection (the client's timeout decides, so a busy machine can't make the two race). Every
request is counted per entry, with its arrival time, so retries can be measured.
"""
from __future__ import annotations

import base64
import http.server
import json
import threading
import time
import zlib
from collections import defaultdict

from .printed import EXAMPLE_REQUEST_ID, response_body

STALL_CAP_SECONDS = 300.0  # a stall ends when the client hangs up; this only bounds a client that never does


def plan_for(entry) -> dict | None:
    """What the fake API sends for an entry, or None when the entry has no example response."""
    response = entry.response
    mode = response.mode if response else "http"
    if mode in ("drop", "stall"):
        return {"mode": mode}
    body = response_body(entry)
    status = (response.status if response and response.status else None) or entry.status
    if body is None or status is None:
        return None
    if status < 400 and mode == "http":
        return None  # a successful response (a refusal, say) raises nothing to record
    # The server sets the framing headers itself, so an example's content-type can't contradict the mode.
    extra = {k: v for k, v in (response.headers if response else {}).items() if k.lower() not in ("content-type", "content-length", "transfer-encoding")}
    headers = {"request-id": EXAMPLE_REQUEST_ID, **extra}
    return {"mode": mode, "status": status, "headers": headers, "body": body}


def _sse(event: str, data: dict) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


def message_reply(text: str) -> dict:
    """A successful Messages API response, for plans that end in success."""
    return {"id": "msg_fake", "type": "message", "role": "assistant", "model": "claude-fake", "content": [{"type": "text", "text": text}],
            "stop_reason": "end_turn", "stop_sequence": None, "usage": {"input_tokens": 5, "output_tokens": 5}}


def rate_limited_then_ok(text: str, retry_after: str = "1") -> dict:
    """429 with retry-after, then 200: what the retry guide's examples are run against."""
    body = {"type": "error", "error": {"type": "rate_limit_error", "message": "Rate limited"}, "request_id": EXAMPLE_REQUEST_ID}
    return {"mode": "sequence", "steps": [
        {"mode": "http", "status": 429, "headers": {"request-id": EXAMPLE_REQUEST_ID, "retry-after": retry_after}, "body": body},
        {"mode": "http", "status": 200, "headers": {"request-id": EXAMPLE_REQUEST_ID}, "body": message_reply(text)},
    ]}


def aws_event(payload: dict, headers: dict[str, str]) -> bytes:
    """One AWS event-stream frame (what Bedrock streams): prelude, CRC, string headers, payload, CRC."""
    head = b"".join(len(k).to_bytes(1, "big") + k.encode() + b"\x07" + len(v).to_bytes(2, "big") + v.encode() for k, v in headers.items())
    body = json.dumps(payload).encode()
    prelude = (12 + len(head) + len(body) + 4).to_bytes(4, "big") + len(head).to_bytes(4, "big")
    message = prelude + zlib.crc32(prelude).to_bytes(4, "big") + head + body
    return message + zlib.crc32(message).to_bytes(4, "big")


def bedrock_chunk(event: dict) -> bytes:
    """A Bedrock `chunk` event carrying one Messages API stream event, base64-encoded as Bedrock does."""
    data = base64.b64encode(json.dumps(event).encode()).decode()
    return aws_event({"bytes": data}, {":event-type": "chunk", ":content-type": "application/json", ":message-type": "event"})


STREAM_PREFIX = [
    ("message_start", {"type": "message_start", "message": {"id": "msg_fake", "type": "message", "role": "assistant", "model": "claude-fake", "content": [], "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 5, "output_tokens": 1}}}),
    ("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
    ("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}}),
]


class FakeAPI:
    def __init__(self, plans: dict[str, dict]):
        self.plans = plans
        self.hits: dict[str, list[float]] = defaultdict(list)
        self.lock = threading.Lock()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url_for(self, entry_id: str) -> str:
        return f"{self.base}/e/{entry_id}"

    def __enter__(self) -> "FakeAPI":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        api = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _answer(self):
                parts = self.path.split("/")
                entry_id = parts[2] if len(parts) > 2 and parts[1] == "e" else ""
                length = int(self.headers.get("content-length") or 0)
                if length:
                    self.rfile.read(length)
                with api.lock:
                    api.hits[entry_id].append(time.monotonic())
                plan = api.plans.get(entry_id)
                if plan and plan["mode"] == "sequence":  # one step per attempt; the last step repeats
                    plan = plan["steps"][min(len(api.hits[entry_id]), len(plan["steps"])) - 1]
                if plan is None:
                    self.send_response(404)
                    self.send_header("content-length", "0")
                    self.end_headers()
                    return
                getattr(self, "_" + plan["mode"])(plan)

            do_POST = do_GET = _answer

            def _http(self, plan):
                body = plan["body"]
                raw = (body if isinstance(body, str) else json.dumps(body)).encode()
                self.send_response(plan["status"])
                self.send_header("content-type", "text/html" if isinstance(body, str) else "application/json")
                for name, value in plan["headers"].items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _sse_error(self, plan):
                if "invoke-with-response-stream" in self.path:  # Bedrock streams AWS event-stream frames, not SSE
                    return self._bedrock_stream_error(plan)
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("request-id", plan["headers"].get("request-id", EXAMPLE_REQUEST_ID))
                self.send_header("connection", "close")
                self.end_headers()
                for event, data in STREAM_PREFIX:
                    self.wfile.write(_sse(event, data))
                self.wfile.write(_sse("error", plan["body"]))
                self.wfile.flush()
                self.close_connection = True

            def _bedrock_stream_error(self, plan):
                self.send_response(200)
                self.send_header("content-type", "application/vnd.amazon.eventstream")
                self.send_header("connection", "close")
                self.end_headers()
                for _, data in STREAM_PREFIX:
                    self.wfile.write(bedrock_chunk(data))
                self.wfile.write(bedrock_chunk(plan["body"]))
                self.wfile.flush()
                self.close_connection = True

            def _drop(self, plan):
                self.close_connection = True
                self.connection.shutdown(2)

            def _stall(self, plan):
                self.connection.settimeout(STALL_CAP_SECONDS)
                try:
                    while self.connection.recv(4096):  # b"" once the client has given up and closed
                        pass
                except OSError:
                    pass
                self.close_connection = True

        return Handler
