"""Find file URLs in a model's output (no I/O): each becomes a FileOutput."""

from __future__ import annotations

import base64
import binascii
import posixpath
from collections.abc import Callable
from typing import TypeGuard, cast
from urllib.parse import unquote, urlsplit

from replicate_api.types import JSON

from replicate_typed._nested import map_leaves

_SCHEMES = ("https://", "http://", "data:")


def is_file_url(value: object) -> TypeGuard[str]:
    """Whether an output value is a file: an http(s) URL or a data URI."""
    return isinstance(value, str) and value.startswith(_SCHEMES)


def wrap_files(output: JSON, wrap: Callable[[str], str]) -> JSON:
    """A copy of ``output`` with every file URL in it (nested too) passed through ``wrap``."""
    wrapped = map_leaves(output, lambda _, leaf: wrap(leaf) if is_file_url(leaf) else leaf)
    return cast(JSON, wrapped)  # the same JSON shape, some strings now FileOutputs


def filename_of(url: str) -> str:
    """A file name for a URL: the last path segment, or "output"."""
    if url.startswith("data:"):
        return "output"
    name = posixpath.basename(unquote(urlsplit(url).path))
    return name if name not in ("", ".", "..") else "output"


def decode_data_uri(uri: str) -> bytes:
    """The bytes of a data URI; ValueError if it is not one."""
    header, comma, data = uri.partition(",")
    if not uri.startswith("data:") or not comma:
        raise ValueError(f"not a data URI: {uri[:40]!r}")
    if header.endswith(";base64"):
        try:
            return base64.b64decode(data, validate=True)
        except binascii.Error as exc:
            raise ValueError(f"data URI with invalid base64: {uri[:40]!r}") from exc
    return unquote(data).encode()
