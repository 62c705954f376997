"""FileResourceUrls: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("get",))


@_attrs_define
class FileResourceUrls:
    """Links for accessing the file.

    Attributes:
        get: Link that returns this file's record.
        additional_properties: Fields the API sent that this release does not declare.
    """

    get: str | None = None
    """ Link that returns this file's record. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.get is not None:
            field_dict["get"] = self.get
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        get: str | None
        _value = _get("get")
        if _value is None:
            get = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("get", "a string", _value)
            get = _value
        _result = cls(get)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
