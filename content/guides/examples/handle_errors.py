"""A robust error handler for the Python SDK: most specific class first, log what support needs, decide.

Run it with a prompt: python handle_errors.py "Hello". It prints the reply, or one line saying what went
wrong and what to do, and exits 1.
"""
import os
import sys

import anthropic


def describe(err: Exception) -> str:
    """One log line with everything a support ticket needs."""
    if isinstance(err, anthropic.APIStatusError):
        return (f"{err.status_code} {err.type or '-'} error_code={err.error_code or '-'} "
                f"request_id={err.request_id or '-'}: {err.api_message or err.message}")
    return f"{type(err).__name__}: {err}"


def next_step(err: Exception) -> str:
    # Order matters: subclasses before their bases (APITimeoutError is an APIConnectionError,
    # OverloadedError an InternalServerError, and every status error an APIStatusError).
    if isinstance(err, anthropic.BadRequestError):
        return "fix the request"  # 400: retrying the same request fails the same way
    if isinstance(err, anthropic.AuthenticationError):
        return "check ANTHROPIC_API_KEY"  # 401
    if isinstance(err, anthropic.PermissionDeniedError):
        return "check the key's workspace and model access"  # 403
    if isinstance(err, anthropic.NotFoundError):
        return "check the model id or resource id"  # 404
    if isinstance(err, (anthropic.RateLimitError, anthropic.InternalServerError)):
        return "retry later"  # 429, 5xx and 529: the SDK already retried max_retries times
    if isinstance(err, anthropic.APIStatusError):
        # Other statuses, and errors that arrive mid-stream after HTTP 200 (status_code is then 200).
        return "retry later" if err.type in ("overloaded_error", "api_error", "rate_limit_error") else "inspect the error"
    if isinstance(err, anthropic.APITimeoutError):
        return "stream the response or raise the timeout"
    if isinstance(err, anthropic.APIConnectionError):
        return "check the network or proxy"
    raise err


def ask(client: anthropic.Anthropic, prompt: str) -> str:
    message = client.messages.create(
        model=os.environ.get("CLAUDE_MODEL", "claude-sonnet-5-5"),
        max_tokens=256,
        messages=[{"role": "user", "content": prompt}],
    )
    return message.content[0].text


if __name__ == "__main__":
    client = anthropic.Anthropic(timeout=float(os.environ.get("CLAUDE_TIMEOUT", 600)))
    try:
        print(ask(client, sys.argv[1] if len(sys.argv) > 1 else "Hello, Claude"))
    except anthropic.APIError as err:
        print(f"{next_step(err)}: {describe(err)}", file=sys.stderr)
        sys.exit(1)
