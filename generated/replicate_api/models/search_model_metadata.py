"""SearchModelMetadata: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("generated_description", "score", "tags"))


@_attrs_define
class SearchModelMetadata:
    """Facts about how a model matched a search, beyond the model itself.

    Attributes:
        generated_description: Longer machine-written summary of the model.
        score: How well the model matched the query.
        tags: Keywords characterizing the model.
        additional_properties: Fields the API sent that this release does not declare.
    """

    generated_description: str | None = None
    """ Longer machine-written summary of the model. """
    score: float | None = None
    """ How well the model matched the query. """
    tags: list[str] | None = None
    """ Keywords characterizing the model. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.generated_description is not None:
            field_dict["generated_description"] = self.generated_description
        if self.score is not None:
            field_dict["score"] = self.score
        if self.tags is not None:
            field_dict["tags"] = [_item for _item in self.tags]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        generated_description: str | None
        _value = _get("generated_description")
        if _value is None:
            generated_description = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("generated_description", "a string", _value)
            generated_description = _value
        score: float | None
        _value = _get("score")
        if _value is None:
            score = None
        else:
            if not (type(_value) is float or type(_value) is int):
                raise _mismatch("score", "a number", _value)
            score = _value
        tags: list[str] | None
        _value = _get("tags")
        if _value is None:
            tags = None
        else:
            if not (isinstance(_value, list)):
                raise _mismatch("tags", "an array", _value)
            tags = []
            for _item in _value:
                if not (isinstance(_item, str)):
                    raise _mismatch("tags[]", "a string", _item)
                tags.append(_item)
        _result = cls(generated_description, score, tags)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
