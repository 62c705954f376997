from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_visibility import ModelVisibility
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_default_example import ModelDefaultExample
    from ..models.model_latest_version import ModelLatestVersion


T = TypeVar("T", bound="Model")


@_attrs_define
class Model:
    cover_image_url: None | str | Unset = UNSET
    """ Cover artwork link. """
    default_example: ModelDefaultExample | None | Unset = UNSET
    """ Headline example prediction. """
    description: None | str | Unset = UNSET
    """ Short summary of what the model does. """
    github_url: None | str | Unset = UNSET
    """ Source repository on GitHub. """
    is_official: bool | Unset = UNSET
    """ Set for Replicate-run models: no cold boots, a fixed interface and stable prices. """
    latest_version: ModelLatestVersion | None | Unset = UNSET
    """ Newest version pushed. """
    license_url: None | str | Unset = UNSET
    """ License link. """
    name: str | Unset = UNSET
    """ Model name, unique within its owner. """
    owner: str | Unset = UNSET
    """ Owning account. """
    paper_url: None | str | Unset = UNSET
    """ Research paper link. """
    run_count: int | Unset = UNSET
    """ How many predictions the model has served. """
    url: str | Unset = UNSET
    """ Model page on replicate.com. """
    visibility: ModelVisibility | str | Unset = UNSET
    """ Either public or private. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cover_image_url: None | str | Unset
        if isinstance(self.cover_image_url, Unset):
            cover_image_url = UNSET
        else:
            cover_image_url = self.cover_image_url

        default_example: dict[str, Any] | None | Unset
        if isinstance(self.default_example, Unset):
            default_example = UNSET
        elif isinstance(self.default_example, ModelDefaultExample):
            default_example = self.default_example.to_dict()
        else:
            default_example = self.default_example

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        github_url: None | str | Unset
        if isinstance(self.github_url, Unset):
            github_url = UNSET
        else:
            github_url = self.github_url

        is_official = self.is_official

        latest_version: dict[str, Any] | None | Unset
        if isinstance(self.latest_version, Unset):
            latest_version = UNSET
        elif isinstance(self.latest_version, ModelLatestVersion):
            latest_version = self.latest_version.to_dict()
        else:
            latest_version = self.latest_version

        license_url: None | str | Unset
        if isinstance(self.license_url, Unset):
            license_url = UNSET
        else:
            license_url = self.license_url

        name = self.name

        owner = self.owner

        paper_url: None | str | Unset
        if isinstance(self.paper_url, Unset):
            paper_url = UNSET
        else:
            paper_url = self.paper_url

        run_count = self.run_count

        url = self.url

        visibility: str | Unset
        if isinstance(self.visibility, Unset):
            visibility = UNSET
        elif isinstance(self.visibility, ModelVisibility):
            visibility = self.visibility.value
        else:
            visibility = self.visibility

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cover_image_url is not UNSET:
            field_dict["cover_image_url"] = cover_image_url
        if default_example is not UNSET:
            field_dict["default_example"] = default_example
        if description is not UNSET:
            field_dict["description"] = description
        if github_url is not UNSET:
            field_dict["github_url"] = github_url
        if is_official is not UNSET:
            field_dict["is_official"] = is_official
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if license_url is not UNSET:
            field_dict["license_url"] = license_url
        if name is not UNSET:
            field_dict["name"] = name
        if owner is not UNSET:
            field_dict["owner"] = owner
        if paper_url is not UNSET:
            field_dict["paper_url"] = paper_url
        if run_count is not UNSET:
            field_dict["run_count"] = run_count
        if url is not UNSET:
            field_dict["url"] = url
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_cover_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        cover_image_url = _parse_cover_image_url(d.pop("cover_image_url", UNSET))

        def _parse_default_example(data: object) -> ModelDefaultExample | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                default_example_type_0 = ModelDefaultExample.from_dict(data)

                return default_example_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("ModelDefaultExample | None | Unset", data)

        default_example = _parse_default_example(d.pop("default_example", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_github_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        github_url = _parse_github_url(d.pop("github_url", UNSET))

        is_official = d.pop("is_official", UNSET)

        def _parse_latest_version(data: object) -> ModelLatestVersion | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_version_type_0 = ModelLatestVersion.from_dict(data)

                return latest_version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("ModelLatestVersion | None | Unset", data)

        latest_version = _parse_latest_version(d.pop("latest_version", UNSET))

        def _parse_license_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        license_url = _parse_license_url(d.pop("license_url", UNSET))

        name = d.pop("name", UNSET)

        owner = d.pop("owner", UNSET)

        def _parse_paper_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        paper_url = _parse_paper_url(d.pop("paper_url", UNSET))

        run_count = d.pop("run_count", UNSET)

        url = d.pop("url", UNSET)

        def _parse_visibility(data: object) -> ModelVisibility | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visibility_type_0 = ModelVisibility(data)

                return visibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("ModelVisibility | str | Unset", data)

        visibility = _parse_visibility(d.pop("visibility", UNSET))

        model = cls(
            cover_image_url=cover_image_url,
            default_example=default_example,
            description=description,
            github_url=github_url,
            is_official=is_official,
            latest_version=latest_version,
            license_url=license_url,
            name=name,
            owner=owner,
            paper_url=paper_url,
            run_count=run_count,
            url=url,
            visibility=visibility,
        )

        model.additional_properties = d
        return model

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


# After the class, not inside its methods: modules that import each other find it defined.
from ..models.model_default_example import ModelDefaultExample  # noqa: E402
from ..models.model_latest_version import ModelLatestVersion  # noqa: E402
