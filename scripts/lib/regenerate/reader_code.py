"""The Python code that reads and writes each shape of a reader field (readers.py).

Reading a field is: check the JSON value's type (``_check``, exact type tests
where JSON decoding gives exact types), then convert it (``_read``); writing
it back is ``_dump``. The statements are generated once per field, so a page
of 100 predictions runs them thousands of times: they stay cheap.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from regenerate.reader_shapes import (
    FreeJSON,
    FreeObject,
    ListOf,
    Nested,
    Nullable,
    OpenEnum,
    Scalar,
    Shape,
    Timestamp,
    constant,
)


def quote(key: str) -> str:
    """A JSON key as a Python string literal."""
    return json.dumps(key)


def read_into(shape: Shape, target: str, key: str, indent: str) -> list[str]:
    """Statements that check ``_value`` and store what it reads as in ``target``."""
    if isinstance(shape, Nullable):
        inner = read_into(shape.inner, target, key, indent + "    ")
        return [
            f"{indent}if _value is None:",
            f"{indent}    {target} = None",
            f"{indent}else:",
            *inner,
        ]
    if isinstance(shape, Timestamp):
        # Parsed first and checked only when that fails: a try costs nothing until it raises.
        return [
            f"{indent}try:",
            f"{indent}    {target} = datetime.datetime.fromisoformat(_value)",
            f"{indent}except (TypeError, ValueError):",
            f"{indent}    raise _bad_timestamp({quote(key)}, _value) from None",
        ]
    lines = _require(shape, "_value", key, indent)
    if isinstance(shape, ListOf) and _expected(shape.item) is not None:
        # Items that reading would not check (strings, numbers, objects) are checked one by one.
        lines.append(f"{indent}{target} = []")
        lines.append(f"{indent}for _item in _value:")
        lines += _require(shape.item, "_item", f"{key}[]", indent + "    ")
        lines.append(f"{indent}    {target}.append({_read(shape.item, '_item', key)})")
        return lines
    lines.append(f"{indent}{target} = {_read(shape, '_value', key)}")
    return lines


def _require(shape: Shape, value: str, key: str, indent: str) -> list[str]:
    expected = _expected(shape)
    if expected is None:
        return []
    check, noun = expected
    return [
        f"{indent}if not ({check.format(v=value)}):",
        f'{indent}    raise _mismatch({quote(key)}, "{noun}", {value})',
    ]


def _expected(shape: Shape) -> tuple[str, str] | None:
    """The condition on ``{v}`` a JSON value must meet, and the noun its error uses.

    None where reading checks the value itself. Exact type tests where JSON
    decoding gives exact types (a JSON number is an int or a float, never a
    bool): they cost a fraction of an ABC isinstance, and a page of 100
    predictions makes thousands of them.
    """
    match shape:
        case Scalar("str"):
            return "isinstance({v}, str)", "a string"
        case Scalar("bool"):
            return "{v} is True or {v} is False", "a boolean"
        case Scalar("int"):
            return "type({v}) is int", "an integer"
        case Scalar("float"):
            return "type({v}) is float or type({v}) is int", "a number"
        case FreeObject() | Nested():
            return "isinstance({v}, dict) or isinstance({v}, Mapping)", "an object"
        case ListOf():
            return "isinstance({v}, list)", "an array"
        case OpenEnum():
            # Before the look-up by value: a list or an object cannot even be looked up.
            return "isinstance({v}, str)", "a string"
        case _:  # Timestamp (read by a try that names the key), FreeJSON (anything)
            return None


def _read(shape: Shape, value: str, key: str) -> str:
    """An expression reading a checked JSON value."""
    return _convert(shape, value, key, _read_leaf)


def dump(shape: Shape, value: str) -> str:
    """An expression writing a value back as JSON."""
    return _convert(shape, value, "", _dump_leaf)


#: The expression for a value of a shape that reading and writing treat differently,
#: given the value and its JSON key (for error messages).
_Leaf = Callable[[Timestamp | Nested | OpenEnum, str, str], str]


def _convert(shape: Shape, value: str, key: str, leaf: _Leaf) -> str:
    """An expression converting ``value``: reading and writing differ only in ``leaf``."""
    match shape:
        case Scalar() | FreeJSON():
            return value
        case FreeObject():
            return f"dict({value})"
        case ListOf(item):
            return f"[{_convert(item, '_item', key + '[]', leaf)} for _item in {value}]"
        case Nullable(inner):
            return f"None if {value} is None else {_convert(inner, value, key, leaf)}"
        case _:
            return leaf(shape, value, key)


def _read_leaf(shape: Timestamp | Nested | OpenEnum, value: str, key: str) -> str:
    match shape:
        case Timestamp():
            return f"_timestamp({value}, {quote(key)})"
        case Nested(class_name, _):
            return f"{class_name}.from_dict({value})"
        case OpenEnum(class_name, _):
            return f"_{constant(class_name)}.get({value}) or _open_value({value}, {quote(key)})"


def _dump_leaf(shape: Timestamp | Nested | OpenEnum, value: str, key: str) -> str:
    match shape:
        case Timestamp():
            return f"{value}.isoformat()"
        case Nested():
            return f"{value}.to_dict()"
        case OpenEnum():
            return f"str({value})"
