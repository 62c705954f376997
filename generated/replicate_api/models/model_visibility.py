from enum import StrEnum


class ModelVisibility(StrEnum):
    """Either public or private.

    Where a response carries one, the field reads a value this release does
    not list as ``UnknownValue`` instead (see ``replicate_api.types``).
    """

    PRIVATE = "private"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
