"""SearchModelResult: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("metadata", "model"))


@_attrs_define
class SearchModelResult:
    """One model a search found, with how it matched.

    Attributes:
        metadata: Search-specific facts about the match: score, tags and a longer summary.
        model: The model that matched, as models.get returns it.
        additional_properties: Fields the API sent that this release does not declare.
    """

    metadata: SearchModelMetadata
    """ Search-specific facts about the match: score, tags and a longer summary. """
    model: Model
    """ The model that matched, as models.get returns it. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["metadata"] = self.metadata.to_dict()
        field_dict["model"] = self.model.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        metadata: SearchModelMetadata
        _value = src_dict["metadata"]
        if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
            raise _mismatch("metadata", "an object", _value)
        metadata = SearchModelMetadata.from_dict(_value)
        model: Model
        _value = src_dict["model"]
        if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
            raise _mismatch("model", "an object", _value)
        model = Model.from_dict(_value)
        _result = cls(metadata, model)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result


# After the class: models that refer to each other find it defined.
from ..models.model import Model  # noqa: E402
from ..models.search_model_metadata import SearchModelMetadata  # noqa: E402
