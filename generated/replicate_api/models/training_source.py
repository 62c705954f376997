from enum import StrEnum


class TrainingSource(StrEnum):
    API = "api"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
