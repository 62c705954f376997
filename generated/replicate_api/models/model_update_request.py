from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelUpdateRequest")


@_attrs_define
class ModelUpdateRequest:
    """The body that changes a model's metadata; fields left out keep their values.

    Attributes:
        description: New short summary for the model.
        github_url: New link to the source repository.
        license_url: New link to the license.
        paper_url: New link to the research paper.
        readme: New README text, in Markdown.
        weights_url: New link to the weights.
        additional_properties: Fields sent as given, besides the declared ones.
    """

    description: str | Unset = UNSET
    """ New short summary for the model. """
    github_url: str | Unset = UNSET
    """ New link to the source repository. """
    license_url: str | Unset = UNSET
    """ New link to the license. """
    paper_url: str | Unset = UNSET
    """ New link to the research paper. """
    readme: str | Unset = UNSET
    """ New README text, in Markdown. """
    weights_url: str | Unset = UNSET
    """ New link to the weights. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """ Fields sent as given, besides the declared ones. """

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        github_url = self.github_url

        license_url = self.license_url

        paper_url = self.paper_url

        readme = self.readme

        weights_url = self.weights_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if github_url is not UNSET:
            field_dict["github_url"] = github_url
        if license_url is not UNSET:
            field_dict["license_url"] = license_url
        if paper_url is not UNSET:
            field_dict["paper_url"] = paper_url
        if readme is not UNSET:
            field_dict["readme"] = readme
        if weights_url is not UNSET:
            field_dict["weights_url"] = weights_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        github_url = d.pop("github_url", UNSET)

        license_url = d.pop("license_url", UNSET)

        paper_url = d.pop("paper_url", UNSET)

        readme = d.pop("readme", UNSET)

        weights_url = d.pop("weights_url", UNSET)

        model_update_request = cls(
            description=description,
            github_url=github_url,
            license_url=license_url,
            paper_url=paper_url,
            readme=readme,
            weights_url=weights_url,
        )

        model_update_request.additional_properties = d
        return model_update_request

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
