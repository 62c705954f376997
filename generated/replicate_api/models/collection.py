"""Collection: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(
    ("description", "models", "name", "slug", "full_description")
)


@_attrs_define
class Collection:
    """A curated group of models, with the models in it.

    Attributes:
        description: Short blurb explaining what the collection groups together.
        models: Full model objects in it.
        name: Human-readable collection title.
        slug: Hyphenated lowercase key, e.g. text-to-image.
        full_description: Long-form overview of the collection, written in Markdown.
        additional_properties: Fields the API sent that this release does not declare.
    """

    description: str
    """ Short blurb explaining what the collection groups together. """
    models: list[Model]
    """ Full model objects in it. """
    name: str
    """ Human-readable collection title. """
    slug: str
    """ Hyphenated lowercase key, e.g. text-to-image. """
    full_description: str | None = None
    """ Long-form overview of the collection, written in Markdown. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["description"] = self.description
        field_dict["models"] = [_item.to_dict() for _item in self.models]
        field_dict["name"] = self.name
        field_dict["slug"] = self.slug
        if self.full_description is not None:
            field_dict["full_description"] = self.full_description
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
        models: list[Model]
        _value = src_dict["models"]
        if not (isinstance(_value, list)):
            raise _mismatch("models", "an array", _value)
        models = []
        for _item in _value:
            if not (isinstance(_item, dict) or isinstance(_item, Mapping)):
                raise _mismatch("models[]", "an object", _item)
            models.append(Model.from_dict(_item))
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
        full_description: str | None
        _value = _get("full_description")
        if _value is None:
            full_description = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("full_description", "a string", _value)
            full_description = _value
        _result = cls(description, models, name, slug, full_description)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result


# After the class: models that refer to each other find it defined.
from ..models.model import Model  # noqa: E402
