"""SearchResults: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("collections", "models", "pages", "query"))


@_attrs_define
class SearchResults:
    """What a search found: models, collections and documentation pages.

    Attributes:
        collections: Collections that matched.
        models: Matching models, each paired with search metadata.
        pages: Documentation pages that matched.
        query: The query text as the server interpreted it.
        additional_properties: Fields the API sent that this release does not declare.
    """

    collections: list[SearchCollection]
    """ Collections that matched. """
    models: list[SearchModelResult]
    """ Matching models, each paired with search metadata. """
    pages: list[DocumentationPage]
    """ Documentation pages that matched. """
    query: str
    """ The query text as the server interpreted it. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["collections"] = [_item.to_dict() for _item in self.collections]
        field_dict["models"] = [_item.to_dict() for _item in self.models]
        field_dict["pages"] = [_item.to_dict() for _item in self.pages]
        field_dict["query"] = self.query
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        collections: list[SearchCollection]
        _value = src_dict["collections"]
        if not (isinstance(_value, list)):
            raise _mismatch("collections", "an array", _value)
        collections = []
        for _item in _value:
            if not (isinstance(_item, dict) or isinstance(_item, Mapping)):
                raise _mismatch("collections[]", "an object", _item)
            collections.append(SearchCollection.from_dict(_item))
        models: list[SearchModelResult]
        _value = src_dict["models"]
        if not (isinstance(_value, list)):
            raise _mismatch("models", "an array", _value)
        models = []
        for _item in _value:
            if not (isinstance(_item, dict) or isinstance(_item, Mapping)):
                raise _mismatch("models[]", "an object", _item)
            models.append(SearchModelResult.from_dict(_item))
        pages: list[DocumentationPage]
        _value = src_dict["pages"]
        if not (isinstance(_value, list)):
            raise _mismatch("pages", "an array", _value)
        pages = []
        for _item in _value:
            if not (isinstance(_item, dict) or isinstance(_item, Mapping)):
                raise _mismatch("pages[]", "an object", _item)
            pages.append(DocumentationPage.from_dict(_item))
        query: str
        _value = src_dict["query"]
        if not (isinstance(_value, str)):
            raise _mismatch("query", "a string", _value)
        query = _value
        _result = cls(collections, models, pages, query)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result


# After the class: models that refer to each other find it defined.
from ..models.documentation_page import DocumentationPage  # noqa: E402
from ..models.search_collection import SearchCollection  # noqa: E402
from ..models.search_model_result import SearchModelResult  # noqa: E402
