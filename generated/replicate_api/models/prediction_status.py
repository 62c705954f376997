from enum import StrEnum


class PredictionStatus(StrEnum):
    """Lifecycle state; canceled = halted while running (by request or deadline), aborted = never
    started.

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
