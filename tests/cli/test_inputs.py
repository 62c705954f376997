"""-i parsing, directly: JSON when it parses, text otherwise, @path for files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from replicate_typed.cli._exit import UsageError
from replicate_typed.cli._inputs import parse_inputs, parse_pair, parse_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20", 20),
        ("-1.5", -1.5),
        ("true", True),
        ("false", False),
        ("null", None),
        ("[1, 2]", [1, 2]),
        ('{"a": {"b": "c"}}', {"a": {"b": "c"}}),
        ('"20"', "20"),
        ('"@fox"', "@fox"),
        ("a red fox", "a red fox"),
        ("", ""),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("[1, 2", "[1, 2"),
        ("True", "True"),
    ],
)
def test_value_is_json_when_it_parses_else_text(text: str, expected: Any) -> None:
    assert parse_value(text) == expected


def test_only_the_first_equals_sign_splits() -> None:
    assert parse_pair("prompt=a=b") == ("prompt", "a=b")
    assert parse_pair("expr= 1 == 1") == ("expr", " 1 == 1")


def test_at_path_is_a_local_file(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG")
    assert parse_pair(f"image=@{photo}") == ("image", photo)


def test_inputs_collect_every_pair(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG")
    inputs = parse_inputs(["prompt=a fox", "steps=20", f"image=@{photo}"])
    assert inputs == {"prompt": "a fox", "steps": 20, "image": photo}
    assert isinstance(inputs["image"], Path)


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        (["prompt"], "key=value"),
        (["=fox"], "key=value"),
        (["steps=1", "steps=2"], "more than once"),
        (["image=@"], "give a file"),
        (["image=@/no/such/file.png"], "does not exist"),
    ],
)
def test_bad_pairs_are_usage_errors(pairs: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=message) as raised:
        parse_inputs(pairs)
    assert raised.value.code == 2


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a directory"):
        parse_inputs([f"image=@{tmp_path}"])
