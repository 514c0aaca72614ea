"""Bad data is refused clearly: one line per problem naming file, line and entry; all at once;
exit status 1; no traceback; nothing generated."""
from __future__ import annotations

import re

import pytest

from conftest import run_kb


def _break(path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, count))


def _line_of(path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def _problems(path) -> list[str]:
    result = run_kb("--data", str(path), "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if re.match(r"^errors\.yaml:\d+: ", line)]


def test_valid_fixture_passes(mini_copy):
    result = run_kb("--data", str(mini_copy), "check")
    assert result.returncode == 0, result.stderr
    assert "3 entries" in result.stdout


def test_malformed_yaml_names_the_line(mini_copy):
    _break(mini_copy, "    kind: signature\n", "    kind: [signature\n")
    problems = _problems(mini_copy)
    assert len(problems) == 1
    assert "YAML syntax error" in problems[0]
    assert abs(int(problems[0].split(":")[1]) - _line_of(mini_copy, "kind: [signature")) <= 1


def test_missing_field(mini_copy):
    _break(mini_copy, "    summary: The prompt has more tokens than the model's context window allows.\n", "")
    problems = _problems(mini_copy)
    assert problems == [f"errors.yaml:{_line_of(mini_copy, 'id: prompt-too-long')}: entry 'prompt-too-long': missing required field 'summary'"]


def test_mistyped_field_names_entry_and_line(mini_copy):
    _break(mini_copy, "    status: 404\n", "    status: four-oh-four\n")
    problems = _problems(mini_copy)
    line = _line_of(mini_copy, "status: four-oh-four")
    assert len(problems) == 1
    assert problems[0].startswith(f"errors.yaml:{line}: entry 'file-expired': field 'status' must be integer or null")


def test_unknown_key(mini_copy):
    _break(mini_copy, "    retryable: false\n    surfaces: [api, files, python]", "    retryable: false\n    severity: high\n    surfaces: [api, files, python]")
    problems = _problems(mini_copy)
    assert any("entry 'file-expired': unknown field 'severity'" in p for p in problems), problems


def test_duplicate_id(mini_copy):
    _break(mini_copy, "  - id: file-expired\n", "  - id: prompt-too-long\n")
    problems = _problems(mini_copy)
    second = [i for i, line in enumerate(mini_copy.read_text().splitlines(), 1) if "id: prompt-too-long" in line][1]
    assert f"errors.yaml:{second}: entry 'prompt-too-long': duplicate id 'prompt-too-long'" in "\n".join(problems)


def test_alias_colliding_with_an_id(mini_copy):
    _break(mini_copy, "aliases: [rate-limited]", "aliases: [file-expired]")
    problems = _problems(mini_copy)
    assert any("duplicate id 'file-expired'" in p or "duplicate alias 'file-expired'" in p for p in problems), problems


def test_duplicate_key_in_yaml(mini_copy):
    _break(mini_copy, "    retryable: false\n    surfaces: [api, files, python]", "    retryable: false\n    retryable: true  # again\n    surfaces: [api, files, python]")
    problems = _problems(mini_copy)
    line = _line_of(mini_copy, "retryable: true  # again")
    assert f"errors.yaml:{line}: entry 'file-expired': key 'retryable' appears twice" in problems


def test_reference_to_missing_entry(mini_copy):
    _break(mini_copy, "related: [rate-limit-error]", "related: [rate-limit-eror]")
    problems = _problems(mini_copy)
    line = _line_of(mini_copy, "related: [rate-limit-eror]")
    assert problems == [f"errors.yaml:{line}: entry 'prompt-too-long': related entry 'rate-limit-eror' does not exist"]


@pytest.mark.parametrize("pattern, reason", [
    ("prompt is too long: {actual tokens", "unclosed '{'"),
    ("prompt is too long: actual} tokens", "unmatched '}'"),
    ("prompt {n} is too {n} long", "used twice"),
    ("{a}{b}", "literal text"),
    ("too long: {Actual Count}", "lowercase name"),
])
def test_pattern_that_does_not_compile(mini_copy, pattern, reason):
    _break(mini_copy, '"prompt is too long: {actual} tokens > {maximum} maximum"', '"' + pattern + '"')
    problems = _problems(mini_copy)
    assert len(problems) == 1 and "entry 'prompt-too-long': pattern" in problems[0] and reason in problems[0], problems


def test_unknown_surface(mini_copy):
    _break(mini_copy, "surfaces: [api, files, python]", "surfaces: [api, filez, python]")
    problems = _problems(mini_copy)
    assert any("entry 'file-expired': unknown surface 'filez'" in p for p in problems), problems


def test_all_problems_reported_at_once(mini_copy):
    _break(mini_copy, "    status: 404\n", "    status: nope\n")
    _break(mini_copy, "related: [rate-limit-error]", "related: [nowhere]")
    _break(mini_copy, '"prompt is too long: {actual} tokens > {maximum} maximum"', '"prompt {oops"')
    problems = _problems(mini_copy)
    assert len(problems) == 3, problems
    assert [int(p.split(":")[1]) for p in problems] == sorted(int(p.split(":")[1]) for p in problems)


def test_bad_data_leaves_previous_output_untouched(mini_copy, tmp_path):
    out = tmp_path / "content"
    assert run_kb("--data", str(mini_copy), "--out", str(out), "generate").returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    _break(mini_copy, "    status: 404\n", "    status: nope\n")
    result = run_kb("--data", str(mini_copy), "--out", str(out), "generate")
    assert result.returncode == 1 and "nothing was generated" in result.stderr
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_unreadable_file(tmp_path):
    result = run_kb("--data", str(tmp_path / "missing.yaml"), "check")
    assert result.returncode == 1 and "cannot read" in result.stderr and "Traceback" not in result.stderr


def test_new_entry_skeleton_is_valid_data(mini_copy):
    """`kb.py new` prints an entry that the loader accepts once pasted under entries:."""
    skeleton = run_kb("new", "my-new-error")
    assert skeleton.returncode == 0 and skeleton.stdout.startswith("  - id: my-new-error")
    mini_copy.write_text(mini_copy.read_text().rstrip("\n") + "\n\n" + skeleton.stdout)
    result = run_kb("--data", str(mini_copy), "check")
    assert result.returncode == 0, result.stderr
    assert "4 entries" in result.stdout


def test_every_pattern_compiles_in_python(registry):
    """compile_pattern escapes all literal text, so its regexes always compile; this holds it to that."""
    from kblib.patterns import compile_pattern

    for entry in registry.entries:
        for pattern in entry.patterns:
            re.compile(compile_pattern(pattern).regex, re.IGNORECASE)
