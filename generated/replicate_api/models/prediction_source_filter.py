from enum import StrEnum


class PredictionSourceFilter(StrEnum):
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
