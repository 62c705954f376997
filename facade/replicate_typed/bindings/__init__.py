"""Typed bindings for individual models: what ``replicate-typed models generate`` writes against."""

from replicate_typed.bindings._reference import (
    ModelInput,
    TypedModel,
    TypedTraining,
    schema_sha256,
)

__all__ = ["ModelInput", "TypedModel", "TypedTraining", "schema_sha256"]
