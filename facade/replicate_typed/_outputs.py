"""Find file URLs in a model's output (no I/O): each becomes a FileOutput."""

from __future__ import annotations

import base64
import binascii
import mimetypes
from collections.abc import Callable
from typing import TypeGuard, cast
from urllib.parse import unquote, urlsplit

from replicate_api.types import JSON

from replicate_typed._filenames import safe_name
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
    """A file name for an output URL, safe on every system (see ``_filenames``).

    The URL's last path segment, decoded; "output" when it has none. A data
    URI gets "output" and the extension of its media type ("output.png").
    """
    if url.startswith("data:"):
        media_type = url.removeprefix("data:").partition(",")[0].partition(";")[0]
        return "output" + (mimetypes.guess_extension(media_type.strip().lower()) or "")
    try:
        path = urlsplit(url).path
    except ValueError:  # e.g. "https://[x/a.png": an unreadable host, so no path to trust
        return "output"
    return safe_name(unquote(path))


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
