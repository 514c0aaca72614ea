"""Retry a Claude API call yourself: capped exponential backoff with full jitter, honouring retry-after.

The SDK already retries twice by default; write your own loop only when you need a different policy
(more attempts, a deadline, logging each attempt). Then turn the SDK's retries off so they don't multiply.
"""
import os
import random
import time

import anthropic


def should_retry(err: anthropic.APIStatusError) -> bool:
    header = err.response.headers.get("x-should-retry")
    if header in ("true", "false"):  # the API says so explicitly
        return header == "true"
    return err.status_code in (408, 409, 429) or err.status_code >= 500


def retry_after_seconds(err: anthropic.APIStatusError) -> float | None:
    try:
        return max(0.0, float(err.response.headers.get("retry-after")))
    except (TypeError, ValueError):
        return None  # absent, or an HTTP date: fall back to backoff


def backoff(attempt: int, base: float = 0.5, cap: float = 30.0) -> float:
    return random.uniform(0, min(cap, base * 2 ** (attempt - 1)))  # "full jitter"


def create_with_retries(client: anthropic.Anthropic, max_attempts: int = 5, **params):
    for attempt in range(1, max_attempts + 1):
        try:
            return client.messages.create(**params)
        except anthropic.APIStatusError as err:
            if attempt == max_attempts or not should_retry(err):
                raise
            delay = retry_after_seconds(err) or backoff(attempt)
            print(f"attempt {attempt}: {err.status_code} {err.type}, request {err.request_id}; retrying in {delay:.1f}s")
        except anthropic.APIConnectionError as err:  # includes APITimeoutError
            if attempt == max_attempts:
                raise
            delay = backoff(attempt)
            print(f"attempt {attempt}: {type(err).__name__}; retrying in {delay:.1f}s")
        time.sleep(delay)


if __name__ == "__main__":
    client = anthropic.Anthropic(max_retries=0)  # reads ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL, if set)
    message = create_with_retries(
        client,
        model=os.environ.get("CLAUDE_MODEL", "claude-sonnet-5-5"),
        max_tokens=256,
        messages=[{"role": "user", "content": "Hello, Claude"}],
    )
    print(message.content[0].text)
