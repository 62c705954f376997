from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_create_request_visibility import ModelCreateRequestVisibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelCreateRequest")


@_attrs_define
class ModelCreateRequest:
    """The body that creates an empty model, ready for versions to be pushed to it.

    Attributes:
        hardware: Hardware SKU to run on; see the hardware listing for choices.
        name: Model name; must be unused by this owner.
        owner: Account to own the model; it must be the one the API token belongs to.
        visibility: public lets anyone see and run it; private limits it to the owner.
        cover_image_url: Cover image link; must point to an image.
        description: Short summary of what the model does.
        github_url: Source repository on GitHub.
        license_url: License link.
        paper_url: Research paper link.
        additional_properties: Fields sent as given, besides the declared ones.
    """

    hardware: str
    """ Hardware SKU to run on; see the hardware listing for choices. """
    name: str
    """ Model name; must be unused by this owner. """
    owner: str
    """ Account to own the model; it must be the one the API token belongs to. """
    visibility: ModelCreateRequestVisibility
    """ public lets anyone see and run it; private limits it to the owner. """
    cover_image_url: str | Unset = UNSET
    """ Cover image link; must point to an image. """
    description: str | Unset = UNSET
    """ Short summary of what the model does. """
    github_url: str | Unset = UNSET
    """ Source repository on GitHub. """
    license_url: str | Unset = UNSET
    """ License link. """
    paper_url: str | Unset = UNSET
    """ Research paper link. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """ Fields sent as given, besides the declared ones. """

    def to_dict(self) -> dict[str, Any]:
        hardware = self.hardware

        name = self.name

        owner = self.owner

        visibility = self.visibility.value

        cover_image_url = self.cover_image_url

        description = self.description

        github_url = self.github_url

        license_url = self.license_url

        paper_url = self.paper_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hardware": hardware,
                "name": name,
                "owner": owner,
                "visibility": visibility,
            }
        )
        if cover_image_url is not UNSET:
            field_dict["cover_image_url"] = cover_image_url
        if description is not UNSET:
            field_dict["description"] = description
        if github_url is not UNSET:
            field_dict["github_url"] = github_url
        if license_url is not UNSET:
            field_dict["license_url"] = license_url
        if paper_url is not UNSET:
            field_dict["paper_url"] = paper_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hardware = d.pop("hardware")

        name = d.pop("name")

        owner = d.pop("owner")

        visibility = ModelCreateRequestVisibility(d.pop("visibility"))

        cover_image_url = d.pop("cover_image_url", UNSET)

        description = d.pop("description", UNSET)

        github_url = d.pop("github_url", UNSET)

        license_url = d.pop("license_url", UNSET)

        paper_url = d.pop("paper_url", UNSET)

        model_create_request = cls(
            hardware=hardware,
            name=name,
            owner=owner,
            visibility=visibility,
            cover_image_url=cover_image_url,
            description=description,
            github_url=github_url,
            license_url=license_url,
            paper_url=paper_url,
        )

        model_create_request.additional_properties = d
        return model_create_request

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
