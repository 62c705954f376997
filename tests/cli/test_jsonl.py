"""A batch's JSON Lines inputs, read directly: every line checked, errors name the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from replicate_typed.cli._exit import ExitCode, UsageError
from replicate_typed.cli._jsonl import read_inputs


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "inputs.jsonl"
    path.write_text(text, encoding="utf-8")
    return path


def test_one_input_per_line_in_file_order_blank_lines_skipped(tmp_path: Path) -> None:
    path = _file(tmp_path, '{"text": "a"}\n\n  \n{"text": "b", "n": [1, 2]}\n{}')

    assert read_inputs(path) == [{"text": "a"}, {"text": "b", "n": [1, 2]}, {}]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1}\n{"a": \n', "line 2: not valid JSON"),
        ('{"a": 1}\n\n[1, 2]\n', "line 3: expected a JSON object (an input), got list"),
        ('"text"\n', "line 1: expected a JSON object (an input), got str"),
        ('{"a": NaN}\n', "line 1: not valid JSON (NaN is not JSON)"),
        ("\n \n", "no inputs (expected one JSON object per line)"),
    ],
)
def test_a_bad_file_is_a_usage_error_naming_the_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _file(tmp_path, text)

    with pytest.raises(UsageError) as raised:
        read_inputs(path)

    assert str(raised.value).startswith(f"{path}")
    assert message in str(raised.value)
    assert raised.value.code == ExitCode.USAGE


def test_a_missing_or_unreadable_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        read_inputs(tmp_path / "missing.jsonl")
    (tmp_path / "binary.jsonl").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(UsageError, match="cannot read it"):
        read_inputs(tmp_path / "binary.jsonl")
