from enum import StrEnum


class ModelCreateRequestVisibility(StrEnum):
    """public lets anyone see and run it; private limits it to the owner.

    Where a response carries one, the field reads a value this release does
    not list as ``UnknownValue`` instead (see ``replicate_api.types``).
    """

    PRIVATE = "private"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
