"""Model: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_visibility import ModelVisibility
from ..types import JSON, UnknownValue
from ..types import bad_timestamp as _bad_timestamp
from ..types import mismatch as _mismatch
from ..types import open_value as _open_value

_MODEL_VISIBILITY_BY_VALUE: dict[str, ModelVisibility] = {
    member.value: member for member in ModelVisibility
}
_FIELDS: frozenset[str] = frozenset(
    (
        "name",
        "owner",
        "run_count",
        "url",
        "visibility",
        "cover_image_url",
        "default_example",
        "description",
        "github_url",
        "is_official",
        "latest_version",
        "license_url",
        "paper_url",
        "created_at",
        "weights_url",
    )
)


@_attrs_define
class Model:
    """A model on Replicate: who owns it, what it does and which version runs by default.

    Attributes:
        name: Model name, unique within its owner.
        owner: Owning account.
        run_count: How many predictions the model has served.
        url: Model page on replicate.com.
        visibility: Either public or private.
        cover_image_url: Cover artwork link.
        default_example: Headline example prediction.
        description: Short summary of what the model does.
        github_url: Source repository on GitHub.
        is_official: Set for Replicate-run models: no cold boots, a fixed interface and stable
            prices.
        latest_version: Newest version pushed.
        license_url: License link.
        paper_url: Research paper link.
        created_at: When the model was created.
        weights_url: Where the model's weights can be fetched.
        additional_properties: Fields the API sent that this release does not declare.
    """

    name: str
    """ Model name, unique within its owner. """
    owner: str
    """ Owning account. """
    run_count: int
    """ How many predictions the model has served. """
    url: str
    """ Model page on replicate.com. """
    visibility: ModelVisibility | UnknownValue
    """ Either public or private. """
    cover_image_url: str | None = None
    """ Cover artwork link. """
    default_example: Prediction | None = None
    """ Headline example prediction. """
    description: str | None = None
    """ Short summary of what the model does. """
    github_url: str | None = None
    """ Source repository on GitHub. """
    is_official: bool | None = None
    """ Set for Replicate-run models: no cold boots, a fixed interface and stable prices. """
    latest_version: Version | None = None
    """ Newest version pushed. """
    license_url: str | None = None
    """ License link. """
    paper_url: str | None = None
    """ Research paper link. """
    created_at: datetime.datetime | None = None
    """ When the model was created. """
    weights_url: str | None = None
    """ Where the model's weights can be fetched. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["name"] = self.name
        field_dict["owner"] = self.owner
        field_dict["run_count"] = self.run_count
        field_dict["url"] = self.url
        field_dict["visibility"] = str(self.visibility)
        if self.cover_image_url is not None:
            field_dict["cover_image_url"] = self.cover_image_url
        if self.default_example is not None:
            field_dict["default_example"] = self.default_example.to_dict()
        if self.description is not None:
            field_dict["description"] = self.description
        if self.github_url is not None:
            field_dict["github_url"] = self.github_url
        if self.is_official is not None:
            field_dict["is_official"] = self.is_official
        if self.latest_version is not None:
            field_dict["latest_version"] = self.latest_version.to_dict()
        if self.license_url is not None:
            field_dict["license_url"] = self.license_url
        if self.paper_url is not None:
            field_dict["paper_url"] = self.paper_url
        if self.created_at is not None:
            field_dict["created_at"] = self.created_at.isoformat()
        if self.weights_url is not None:
            field_dict["weights_url"] = self.weights_url
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        name: str
        _value = src_dict["name"]
        if not (isinstance(_value, str)):
            raise _mismatch("name", "a string", _value)
        name = _value
        owner: str
        _value = src_dict["owner"]
        if not (isinstance(_value, str)):
            raise _mismatch("owner", "a string", _value)
        owner = _value
        run_count: int
        _value = src_dict["run_count"]
        if not (type(_value) is int):
            raise _mismatch("run_count", "an integer", _value)
        run_count = _value
        url: str
        _value = src_dict["url"]
        if not (isinstance(_value, str)):
            raise _mismatch("url", "a string", _value)
        url = _value
        visibility: ModelVisibility | UnknownValue
        _value = src_dict["visibility"]
        if not (isinstance(_value, str)):
            raise _mismatch("visibility", "a string", _value)
        visibility = _MODEL_VISIBILITY_BY_VALUE.get(_value) or _open_value(
            _value, "visibility"
        )
        cover_image_url: str | None
        _value = _get("cover_image_url")
        if _value is None:
            cover_image_url = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("cover_image_url", "a string", _value)
            cover_image_url = _value
        default_example: Prediction | None
        _value = _get("default_example")
        if _value is None:
            default_example = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("default_example", "an object", _value)
            default_example = Prediction.from_dict(_value)
        description: str | None
        _value = _get("description")
        if _value is None:
            description = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("description", "a string", _value)
            description = _value
        github_url: str | None
        _value = _get("github_url")
        if _value is None:
            github_url = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("github_url", "a string", _value)
            github_url = _value
        is_official: bool | None
        _value = _get("is_official")
        if _value is None:
            is_official = None
        else:
            if not (_value is True or _value is False):
                raise _mismatch("is_official", "a boolean", _value)
            is_official = _value
        latest_version: Version | None
        _value = _get("latest_version")
        if _value is None:
            latest_version = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("latest_version", "an object", _value)
            latest_version = Version.from_dict(_value)
        license_url: str | None
        _value = _get("license_url")
        if _value is None:
            license_url = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("license_url", "a string", _value)
            license_url = _value
        paper_url: str | None
        _value = _get("paper_url")
        if _value is None:
            paper_url = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("paper_url", "a string", _value)
            paper_url = _value
        created_at: datetime.datetime | None
        _value = _get("created_at")
        if _value is None:
            created_at = None
        else:
            try:
                created_at = datetime.datetime.fromisoformat(_value)
            except (TypeError, ValueError):
                raise _bad_timestamp("created_at", _value) from None
        weights_url: str | None
        _value = _get("weights_url")
        if _value is None:
            weights_url = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("weights_url", "a string", _value)
            weights_url = _value
        _result = cls(
            name,
            owner,
            run_count,
            url,
            visibility,
            cover_image_url,
            default_example,
            description,
            github_url,
            is_official,
            latest_version,
            license_url,
            paper_url,
            created_at,
            weights_url,
        )
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result


# After the class: models that refer to each other find it defined.
from ..models.prediction import Prediction  # noqa: E402
from ..models.version import Version  # noqa: E402
