from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchModelMetadata")


@_attrs_define
class SearchModelMetadata:
    generated_description: None | str | Unset = UNSET
    """ Longer machine-written summary of the model. """
    score: float | None | Unset = UNSET
    """ How well the model matched the query. """
    tags: list[str] | Unset = UNSET
    """ Keywords characterizing the model. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generated_description: None | str | Unset
        if isinstance(self.generated_description, Unset):
            generated_description = UNSET
        else:
            generated_description = self.generated_description

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if generated_description is not UNSET:
            field_dict["generated_description"] = generated_description
        if score is not UNSET:
            field_dict["score"] = score
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_generated_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        generated_description = _parse_generated_description(
            d.pop("generated_description", UNSET)
        )

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("float | None | Unset", data)

        score = _parse_score(d.pop("score", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        search_model_metadata = cls(
            generated_description=generated_description,
            score=score,
            tags=tags,
        )

        search_model_metadata.additional_properties = d
        return search_model_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
