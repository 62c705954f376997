from enum import StrEnum


class PredictionSource(StrEnum):
    API = "api"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
