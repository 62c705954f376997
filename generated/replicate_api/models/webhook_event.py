from enum import StrEnum


class WebhookEvent(StrEnum):
    """A point in a run's life at which Replicate can call your webhook.

    Where a response carries one, the field reads a value this release does
    not list as ``UnknownValue`` instead (see ``replicate_api.types``).
    """

    COMPLETED = "completed"
    LOGS = "logs"
    OUTPUT = "output"
    START = "start"

    def __str__(self) -> str:
        return str(self.value)
