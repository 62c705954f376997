from enum import StrEnum


class HiddenVersion(StrEnum):
    HIDDEN = "hidden"

    def __str__(self) -> str:
        return str(self.value)
