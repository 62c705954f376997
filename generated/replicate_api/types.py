"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeAlias, TypeVar

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


def mismatch(key: str, expected: str, value: object) -> TypeError:
    """The error for a response field whose JSON value has the wrong type."""
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return TypeError(f"{key}: expected {expected}, got {type(value).__name__} {shown}")


__all__ = [
    "JSON",
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "UnknownValue",
    "Unset",
    "mismatch",
    "open_value",
]
