"""Typed bindings for individual models: what ``replicate-typed models generate`` writes against.

A generated module subclasses ``ModelInput`` and exports ``TypedModel`` (and
``TypedTraining``) constants; ``check_input`` and ``check_output`` hold a
model's JSON to its ``openapi_schema``, for typed calls, for untyped calls
with ``check_inputs=True``, and in FakeReplicate.
"""

from replicate_typed.bindings._checks import (
    InputError,
    OutputError,
    Problem,
    SchemaMismatchError,
    check_input,
    check_output,
)
from replicate_typed.bindings._reference import (
    ModelInput,
    TypedModel,
    TypedTraining,
    schema_sha256,
)

__all__ = [
    "InputError",
    "ModelInput",
    "OutputError",
    "Problem",
    "SchemaMismatchError",
    "TypedModel",
    "TypedTraining",
    "check_input",
    "check_output",
    "schema_sha256",
]
