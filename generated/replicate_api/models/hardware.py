"""Hardware: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("name", "sku"))


@_attrs_define
class Hardware:
    """One kind of machine models can run on, by display name and SKU.

    Attributes:
        name: Readable label, e.g. Nvidia T4 GPU.
        sku: Identifier to pass where a hardware value is asked for.
        additional_properties: Fields the API sent that this release does not declare.
    """

    name: str | None = None
    """ Readable label, e.g. Nvidia T4 GPU. """
    sku: str | None = None
    """ Identifier to pass where a hardware value is asked for. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.name is not None:
            field_dict["name"] = self.name
        if self.sku is not None:
            field_dict["sku"] = self.sku
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        name: str | None
        _value = _get("name")
        if _value is None:
            name = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("name", "a string", _value)
            name = _value
        sku: str | None
        _value = _get("sku")
        if _value is None:
            sku = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("sku", "a string", _value)
            sku = _value
        _result = cls(name, sku)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
