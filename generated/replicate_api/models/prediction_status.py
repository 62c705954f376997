from enum import StrEnum


class PredictionStatus(StrEnum):
    """The values the API lists for PredictionStatus.

    Where a response carries one, the field reads a value this release does
    not list as ``UnknownValue`` instead (see ``replicate_api.types``).
    """

    ABORTED = "aborted"
    CANCELED = "canceled"
    FAILED = "failed"
    PROCESSING = "processing"
    STARTING = "starting"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
