"""Account: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_type import AccountType
from ..types import JSON, UnknownValue
from ..types import mismatch as _mismatch
from ..types import open_value as _open_value

_ACCOUNT_TYPE_BY_VALUE: dict[str, AccountType] = {
    member.value: member for member in AccountType
}
_FIELDS: frozenset[str] = frozenset(
    ("type", "username", "avatar_url", "github_url", "name")
)


@_attrs_define
class Account:
    """Whom the API token in use belongs to: a person or an organization.

    Attributes:
        type_: Kind of account: user or organization.
        username: Handle on Replicate.
        avatar_url: Profile picture URL.
        github_url: Linked GitHub profile.
        name: Display name.
        additional_properties: Fields the API sent that this release does not declare.
    """

    type_: AccountType | UnknownValue
    """ Kind of account: user or organization. """
    username: str
    """ Handle on Replicate. """
    avatar_url: str | None = None
    """ Profile picture URL. """
    github_url: str | None = None
    """ Linked GitHub profile. """
    name: str | None = None
    """ Display name. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["type"] = str(self.type_)
        field_dict["username"] = self.username
        if self.avatar_url is not None:
            field_dict["avatar_url"] = self.avatar_url
        if self.github_url is not None:
            field_dict["github_url"] = self.github_url
        if self.name is not None:
            field_dict["name"] = self.name
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        type_: AccountType | UnknownValue
        _value = src_dict["type"]
        if not (isinstance(_value, str)):
            raise _mismatch("type", "a string", _value)
        type_ = _ACCOUNT_TYPE_BY_VALUE.get(_value) or _open_value(_value, "type")
        username: str
        _value = src_dict["username"]
        if not (isinstance(_value, str)):
            raise _mismatch("username", "a string", _value)
        username = _value
        avatar_url: str | None
        _value = _get("avatar_url")
        if _value is None:
            avatar_url = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("avatar_url", "a string", _value)
            avatar_url = _value
        github_url: str | None
        _value = _get("github_url")
        if _value is None:
            github_url = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("github_url", "a string", _value)
            github_url = _value
        name: str | None
        _value = _get("name")
        if _value is None:
            name = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("name", "a string", _value)
            name = _value
        _result = cls(type_, username, avatar_url, github_url, name)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
