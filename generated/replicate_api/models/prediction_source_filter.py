from enum import StrEnum


class PredictionSourceFilter(StrEnum):
    """Which predictions to list, by how they were started.

    Where a response carries one, the field reads a value this release does
    not list as ``UnknownValue`` instead (see ``replicate_api.types``).
    """

    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
