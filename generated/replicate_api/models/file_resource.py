"""FileResource: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import bad_timestamp as _bad_timestamp
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(
    (
        "checksums",
        "content_type",
        "created_at",
        "expires_at",
        "id",
        "metadata",
        "size",
        "urls",
        "name",
        "etag",
    )
)


@_attrs_define
class FileResource:
    """An uploaded file stored with Replicate.

    Attributes:
        checksums: Hashes of the content, per algorithm.
        content_type: MIME type recorded for the file.
        created_at: Upload timestamp.
        expires_at: Timestamp after which the file is no longer kept.
        id: Opaque random identifier of the file.
        metadata: Arbitrary JSON the uploader attached to the file.
        size: Size of the content in bytes.
        urls: Links for accessing the file.
        name: The file name given at upload.
        etag: Entity tag of the stored content.
        additional_properties: Fields the API sent that this release does not declare.
    """

    checksums: FileResourceChecksums
    """ Hashes of the content, per algorithm. """
    content_type: str
    """ MIME type recorded for the file. """
    created_at: datetime.datetime
    """ Upload timestamp. """
    expires_at: datetime.datetime
    """ Timestamp after which the file is no longer kept. """
    id: str
    """ Opaque random identifier of the file. """
    metadata: dict[str, JSON]
    """ Arbitrary JSON the uploader attached to the file. """
    size: int
    """ Size of the content in bytes. """
    urls: FileResourceUrls
    """ Links for accessing the file. """
    name: str | None = None
    """ The file name given at upload. """
    etag: str | None = None
    """ Entity tag of the stored content. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["checksums"] = self.checksums.to_dict()
        field_dict["content_type"] = self.content_type
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["expires_at"] = self.expires_at.isoformat()
        field_dict["id"] = self.id
        field_dict["metadata"] = dict(self.metadata)
        field_dict["size"] = self.size
        field_dict["urls"] = self.urls.to_dict()
        if self.name is not None:
            field_dict["name"] = self.name
        if self.etag is not None:
            field_dict["etag"] = self.etag
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        checksums: FileResourceChecksums
        _value = src_dict["checksums"]
        if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
            raise _mismatch("checksums", "an object", _value)
        checksums = FileResourceChecksums.from_dict(_value)
        content_type: str
        _value = src_dict["content_type"]
        if not (isinstance(_value, str)):
            raise _mismatch("content_type", "a string", _value)
        content_type = _value
        created_at: datetime.datetime
        _value = src_dict["created_at"]
        try:
            created_at = datetime.datetime.fromisoformat(_value)
        except (TypeError, ValueError):
            raise _bad_timestamp("created_at", _value) from None
        expires_at: datetime.datetime
        _value = src_dict["expires_at"]
        try:
            expires_at = datetime.datetime.fromisoformat(_value)
        except (TypeError, ValueError):
            raise _bad_timestamp("expires_at", _value) from None
        id: str
        _value = src_dict["id"]
        if not (isinstance(_value, str)):
            raise _mismatch("id", "a string", _value)
        id = _value
        metadata: dict[str, JSON]
        _value = src_dict["metadata"]
        if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
            raise _mismatch("metadata", "an object", _value)
        metadata = dict(_value)
        size: int
        _value = src_dict["size"]
        if not (type(_value) is int):
            raise _mismatch("size", "an integer", _value)
        size = _value
        urls: FileResourceUrls
        _value = src_dict["urls"]
        if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
            raise _mismatch("urls", "an object", _value)
        urls = FileResourceUrls.from_dict(_value)
        name: str | None
        _value = _get("name")
        if _value is None:
            name = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("name", "a string", _value)
            name = _value
        etag: str | None
        _value = _get("etag")
        if _value is None:
            etag = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("etag", "a string", _value)
            etag = _value
        _result = cls(
            checksums,
            content_type,
            created_at,
            expires_at,
            id,
            metadata,
            size,
            urls,
            name,
            etag,
        )
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result


# After the class: models that refer to each other find it defined.
from ..models.file_resource_checksums import FileResourceChecksums  # noqa: E402
from ..models.file_resource_urls import FileResourceUrls  # noqa: E402
