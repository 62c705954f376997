from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_type import AccountType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    type_: AccountType | str
    """ Kind of account: user or organization. """
    username: str
    """ Handle on Replicate. """
    avatar_url: str | Unset = UNSET
    """ Profile picture URL. """
    github_url: str | Unset = UNSET
    """ Linked GitHub profile. """
    name: str | Unset = UNSET
    """ Display name. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, AccountType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        username = self.username

        avatar_url = self.avatar_url

        github_url = self.github_url

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "username": username,
            }
        )
        if avatar_url is not UNSET:
            field_dict["avatar_url"] = avatar_url
        if github_url is not UNSET:
            field_dict["github_url"] = github_url
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_type_(data: object) -> AccountType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = AccountType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("AccountType | str", data)

        type_ = _parse_type_(d.pop("type"))

        username = d.pop("username")

        avatar_url = d.pop("avatar_url", UNSET)

        github_url = d.pop("github_url", UNSET)

        name = d.pop("name", UNSET)

        account = cls(
            type_=type_,
            username=username,
            avatar_url=avatar_url,
            github_url=github_url,
            name=name,
        )

        account.additional_properties = d
        return account

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
