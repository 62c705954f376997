"""Contains some shared types for properties"""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import (
    IO,
    Any,
    BinaryIO,
    Generic,
    Literal,
    Required,
    TypeAlias,
    TypedDict,
    TypeVar,
)

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


class RequestArgs(TypedDict, total=False):
    """The keyword arguments of ``httpx.Client.request`` that an endpoint module's
    ``request_args()`` returns: ``method`` and ``url`` always, the rest as the
    operation needs them. ``url`` is relative to the client's base URL.
    """

    method: Required[str]
    url: Required[str]
    params: dict[str, Any]
    headers: dict[str, Any]
    cookies: dict[str, Any]
    json: Any
    data: dict[str, Any]
    content: bytes | IO[bytes]
    files: RequestFiles


#: Any JSON value, as a response model reads free-form JSON (a model's input or output).
JSON: TypeAlias = "None | bool | int | float | str | list[JSON] | dict[str, JSON]"


class UnknownValue(str):
    """A value of a response enum that this release does not list (the API added it later).

    Response enums are read open: a field typed ``Status | UnknownValue`` holds a
    member of ``Status`` or, for a value that is not one, this ``str``. Match the
    members, then ``UnknownValue()``, and a checker can tell that none is missed.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"UnknownValue({str.__repr__(self)})"


def open_value(value: object, key: str) -> UnknownValue:
    """Read a string that is not a member of its enum; TypeError for anything but a string."""
    if not isinstance(value, str):
        raise mismatch(key, "a string", value)
    return UnknownValue(value)


def timestamp(value: Any, key: str) -> datetime.datetime:
    """Read an ISO 8601 timestamp (an item of a list; a field reads it inline, without a call)."""
    try:
        return datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise bad_timestamp(key, value) from None


def bad_timestamp(key: str, value: object) -> TypeError | ValueError:
    """The error for a value that is not a timestamp: TypeError unless it is a string."""
    if not isinstance(value, str):
        return mismatch(key, "a timestamp string", value)
    return ValueError(f"{key}: expected an ISO 8601 timestamp, got {_shown(value)}")


def mismatch(key: str, expected: str, value: object) -> TypeError:
    """The error for a response field whose JSON value has the wrong type."""
    return TypeError(
        f"{key}: expected {expected}, got {type(value).__name__} {_shown(value)}"
    )


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


__all__ = [
    "JSON",
    "UNSET",
    "File",
    "FileTypes",
    "RequestArgs",
    "RequestFiles",
    "Response",
    "UnknownValue",
    "Unset",
    "bad_timestamp",
    "mismatch",
    "open_value",
    "timestamp",
]
