"""FileResourceChecksums: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("sha256", "md5"))


@_attrs_define
class FileResourceChecksums:
    """Hashes of the content, per algorithm.

    Attributes:
        sha256: Hex SHA-256 digest of the content.
        md5: Hex MD5 digest of the content.
        additional_properties: Fields the API sent that this release does not declare.
    """

    sha256: str | None = None
    """ Hex SHA-256 digest of the content. """
    md5: str | None = None
    """ Hex MD5 digest of the content. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.sha256 is not None:
            field_dict["sha256"] = self.sha256
        if self.md5 is not None:
            field_dict["md5"] = self.md5
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        sha256: str | None
        _value = _get("sha256")
        if _value is None:
            sha256 = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("sha256", "a string", _value)
            sha256 = _value
        md5: str | None
        _value = _get("md5")
        if _value is None:
            md5 = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("md5", "a string", _value)
            md5 = _value
        _result = cls(sha256, md5)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
