"""CollectionSummary: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("description", "name", "slug"))


@_attrs_define
class CollectionSummary:
    """A curated group of models as listed: its name and slug, without the models.

    Attributes:
        description: Short blurb explaining what the collection groups together.
        name: Human-readable collection title.
        slug: Hyphenated lowercase key, e.g. text-to-image.
        additional_properties: Fields the API sent that this release does not declare.
    """

    description: str
    """ Short blurb explaining what the collection groups together. """
    name: str
    """ Human-readable collection title. """
    slug: str
    """ Hyphenated lowercase key, e.g. text-to-image. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["description"] = self.description
        field_dict["name"] = self.name
        field_dict["slug"] = self.slug
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        description: str
        _value = src_dict["description"]
        if not (isinstance(_value, str)):
            raise _mismatch("description", "a string", _value)
        description = _value
        name: str
        _value = src_dict["name"]
        if not (isinstance(_value, str)):
            raise _mismatch("name", "a string", _value)
        name = _value
        slug: str
        _value = src_dict["slug"]
        if not (isinstance(_value, str)):
            raise _mismatch("slug", "a string", _value)
        slug = _value
        _result = cls(description, name, slug)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
