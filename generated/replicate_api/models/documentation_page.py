"""DocumentationPage: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("href", "name"))


@_attrs_define
class DocumentationPage:
    """A page of Replicate's documentation a search found.

    Attributes:
        href: Path of the documentation page.
        name: Heading of the documentation page.
        additional_properties: Fields the API sent that this release does not declare.
    """

    href: str
    """ Path of the documentation page. """
    name: str
    """ Heading of the documentation page. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["href"] = self.href
        field_dict["name"] = self.name
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        href: str
        _value = src_dict["href"]
        if not (isinstance(_value, str)):
            raise _mismatch("href", "a string", _value)
        href = _value
        name: str
        _value = src_dict["name"]
        if not (isinstance(_value, str)):
            raise _mismatch("name", "a string", _value)
        name = _value
        _result = cls(href, name)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
