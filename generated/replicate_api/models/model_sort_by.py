from enum import StrEnum


class ModelSortBy(StrEnum):
    """What a model listing is ordered by: when each model, or its latest version, was created.

    Where a response carries one, the field reads a value this release does
    not list as ``UnknownValue`` instead (see ``replicate_api.types``).
    """

    LATEST_VERSION_CREATED_AT = "latest_version_created_at"
    MODEL_CREATED_AT = "model_created_at"

    def __str__(self) -> str:
        return str(self.value)
