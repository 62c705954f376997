"""PredictionPage: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("next", "previous", "results"))


@_attrs_define
class PredictionPage:
    """One page of your predictions, with links to the pages around it.

    Attributes:
        next_: Next-page link; null at the end.
        previous: Prior-page link; null at the start.
        results: Predictions on this page.
        additional_properties: Fields the API sent that this release does not declare.
    """

    next_: str | None = None
    """ Next-page link; null at the end. """
    previous: str | None = None
    """ Prior-page link; null at the start. """
    results: list[Prediction] | None = None
    """ Predictions on this page. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.next_ is not None:
            field_dict["next"] = self.next_
        if self.previous is not None:
            field_dict["previous"] = self.previous
        if self.results is not None:
            field_dict["results"] = [_item.to_dict() for _item in self.results]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        next_: str | None
        _value = _get("next")
        if _value is None:
            next_ = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("next", "a string", _value)
            next_ = _value
        previous: str | None
        _value = _get("previous")
        if _value is None:
            previous = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("previous", "a string", _value)
            previous = _value
        results: list[Prediction] | None
        _value = _get("results")
        if _value is None:
            results = None
        else:
            if not (isinstance(_value, list)):
                raise _mismatch("results", "an array", _value)
            results = []
            for _item in _value:
                if not (isinstance(_item, dict) or isinstance(_item, Mapping)):
                    raise _mismatch("results[]", "an object", _item)
                results.append(Prediction.from_dict(_item))
        _result = cls(next_, previous, results)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result


# After the class: models that refer to each other find it defined.
from ..models.prediction import Prediction  # noqa: E402
