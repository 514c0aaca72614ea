"""Every SDK fact that can be checked by running the real SDKs is checked here.

The fake API (scripts/kblib/fakeapi.py) answers each entry's example response; the real `anthropic`
(Python) and `@anthropic-ai/sdk` (TypeScript, under Node) call it (see the sdk_recordings fixture).
"""
from __future__ import annotations

import pytest

from kblib.fakeapi import plan_for
from pastecases import recorded_cases

pytestmark = pytest.mark.sdk


def _by(doc):
    return {(r["entry"], r["sdk"]): r for r in doc["recordings"]}


def test_both_sdks_ran_every_entry_with_an_example_response(registry, sdk_recordings):
    recorded = _by(sdk_recordings)
    planned = [e.id for e in registry.entries if plan_for(e)]
    assert len(planned) >= 150
    missing = [(eid, sdk) for eid in planned for sdk in ("python", "typescript") if (eid, sdk) not in recorded]
    assert not missing
    silent = [key for key, rec in recorded.items() if not rec["raised"]]
    assert not silent, f"these example responses raised nothing: {silent}"


def test_raised_class_is_the_one_errors_yaml_names(registry, sdk_recordings):
    wrong = []
    for rec in sdk_recordings["recordings"]:
        named = registry.exception_for(registry.entry(rec["entry"]), rec["sdk"])
        if named is None:
            continue
        got = rec["raised"] if rec["sdk"] == "python" else rec["raised"]
        want = named if rec["sdk"] == "python" else named.rsplit(".", 1)[-1]
        if got != want:
            wrong.append(f"{rec['entry']} ({rec['sdk']}): errors.yaml says {want}, the SDK raised {got}")
    assert not wrong, "\n".join(wrong)


def test_printed_forms_are_what_the_pages_show(registry, sdk_recordings, built_site):
    rec = _by(sdk_recordings)[("http-429", "python")]
    html = (built_site / "errors" / "http-429" / "index.html").read_text()
    assert f"Recorded from anthropic {rec['version']}" in html
    ts = _by(sdk_recordings)[("http-429", "typescript")]
    assert ts["printed"].startswith("RateLimitError: 429 {")
    assert rec["printed"].startswith("anthropic.RateLimitError: Error code: 429 - {'type': 'error'")


def test_mid_stream_error_arrives_with_status_200(registry, sdk_recordings):
    """An `error` event after HTTP 200: Python raises the base APIStatusError, TypeScript APIError."""
    streamed = [e for e in registry.entries if e.response and e.response.mode == "sse_error" and plan_for(e)]
    assert streamed
    recorded = _by(sdk_recordings)
    for entry in streamed:
        assert recorded[(entry.id, "python")]["raised"] == "anthropic.APIStatusError"
        assert recorded[(entry.id, "typescript")]["raised"] == "APIError"


def test_connection_failures_raise_the_client_errors(registry, sdk_recordings):
    recorded = _by(sdk_recordings)
    modes = {e.id: e.response.mode for e in registry.entries if e.response}
    drops = [eid for eid, m in modes.items() if m == "drop"]
    stalls = [eid for eid, m in modes.items() if m == "stall"]
    assert drops and stalls
    for eid in drops:
        assert recorded[(eid, "python")]["raised"] == "anthropic.APIConnectionError"
        assert recorded[(eid, "typescript")]["raised"] == "APIConnectionError"
    for eid in stalls:
        assert recorded[(eid, "python")]["raised"] == "anthropic.APITimeoutError"
        assert recorded[(eid, "typescript")]["raised"] == "APIConnectionTimeoutError"


def test_retry_behaviour_matches_the_sdk_facts(registry, sdk_recordings):
    """Both SDKs document: retry 408, 409, 429 and >= 500 unless x-should-retry says otherwise, max_retries
    times, waiting for retry-after. The measured runs must show exactly that."""
    measured = [r for r in sdk_recordings["recordings"] if "attempts" in r]
    assert {r["sdk"] for r in measured} == {"python", "typescript"}
    assert len(measured) >= 40
    for rec in measured:
        plan = plan_for(registry.entry(rec["entry"]))
        header = plan["headers"].get("x-should-retry")
        retried = header == "true" if header in ("true", "false") else plan["status"] in (408, 409, 429) or plan["status"] >= 500
        retries = registry.sdks[rec["sdk"]].retries
        assert rec["attempts"] == (retries["max_retries_default"] + 1 if retried else 1), rec
        assert rec["honoured_retry_after"] == (retried and retries["retry_after"]), rec


def test_every_recording_is_a_paste_search_case(sdk_recordings):
    cases = recorded_cases()
    assert len(cases) >= 200
    assert {c["source"].split()[0] for c in cases} == {"anthropic", "@anthropic-ai/sdk"}


def test_upgrade_report_names_what_the_site_lacks_and_fails(registry, sdk_recordings):
    """What `make upgrade-sdks` (and the weekly drift run) reports, and its exit status: 1 when a code, a class or a
    printed form has no entry, 0 when nothing is missing."""
    import copy

    from anthropic._error_classes import ERROR_CLASSES

    from kblib import upgrade
    from kblib.pastesearch import PasteIndex, build_index

    index = PasteIndex(build_index(registry))

    def search(p):
        return [m["id"] for m in index.search(p, 3)]

    exported = {"python": upgrade.python_exports(), "typescript": upgrade.typescript_exports()}
    clean = upgrade.findings(registry, ERROR_CLASSES, exported, sdk_recordings, sdk_recordings, search)
    assert upgrade.exit_status(clean) == 0, upgrade.report(clean, sdk_recordings)

    after = copy.deepcopy(sdk_recordings)
    checked = {c["expect"] for c in upgrade.paste_cases(registry, after)}
    rec = next(r for r in after["recordings"] if r["entry"] == "prompt-is-too-long" and r["sdk"] == "python")
    assert "prompt-is-too-long" in checked
    rec["printed"] = rec["printed"].replace("Error code: 400", "Error 400")
    rec["pastes"] = ["anthropic.SomethingNewError: the SDK now prints a form nobody has seen"]
    fake_table = {**ERROR_CLASSES, (400, "brand_new_code"): ERROR_CLASSES[(400, None)]}
    fake_exports = {**exported, "typescript": [*exported["typescript"], "BrandNewError"]}
    found = upgrade.findings(registry, fake_table, fake_exports, sdk_recordings, after, search)
    text = upgrade.report(found, after)
    assert upgrade.exit_status(found) == 1
    assert "Error codes with no entry: 1" in text and "400 brand_new_code (BadRequestError)" in text
    assert "Exception classes named nowhere in errors.yaml: 1" in text and "typescript: BrandNewError" in text
    assert "Printed forms the paste search does not answer: 1" in text and "prompt-is-too-long:" in text
    assert "prompt-is-too-long (python): printed form changed" in text


def test_the_versions_the_site_says_it_checked_are_the_ones_that_ran(registry, sdk_recordings):
    versions = {r["sdk"]: r["version"] for r in sdk_recordings["recordings"]}
    assert registry.sdks["python"].version_checked == versions["python"]
    assert registry.sdks["typescript"].version_checked == versions["typescript"]
    assert all(sdk.checked_on for sdk in registry.sdks.values())


def test_bedrock_and_vertex_entries_run_through_their_clients(registry, sdk_recordings):
    recorded = _by(sdk_recordings)
    for provider, client in (("bedrock", "AnthropicBedrock"), ("vertex", "AnthropicVertex")):
        entries = [e for e in registry.entries if e.surfaces[0] == provider and plan_for(e)]
        assert entries, provider
        for entry in entries:
            assert recorded[(entry.id, "python")]["client"] == client
            assert recorded[(entry.id, "typescript")]["client"] == client
