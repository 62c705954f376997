from enum import StrEnum


class TrainingSource(StrEnum):
    """Origin: web or api.

    Where a response carries one, the field reads a value this release does
    not list as ``UnknownValue`` instead (see ``replicate_api.types``).
    """

    API = "api"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
