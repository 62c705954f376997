from enum import StrEnum


class SortDirection(StrEnum):
    """Whether a listing runs from the lowest value up or from the highest down.

    Where a response carries one, the field reads a value this release does
    not list as ``UnknownValue`` instead (see ``replicate_api.types``).
    """

    ASC = "asc"
    DESC = "desc"

    def __str__(self) -> str:
        return str(self.value)
