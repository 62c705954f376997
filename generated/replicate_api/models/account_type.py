from enum import StrEnum


class AccountType(StrEnum):
    """Kind of account: user or organization.

    Where a response carries one, the field reads a value this release does
    not list as ``UnknownValue`` instead (see ``replicate_api.types``).
    """

    ORGANIZATION = "organization"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
