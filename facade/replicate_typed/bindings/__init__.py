"""Typed bindings for individual models: what ``replicate-typed models generate`` writes.

``generate_module`` writes a module of bindings (an input class, output types
and a ``TypedModel`` per model); the readers, ``Secret``, ``FileInput`` and
``input_json`` are what such a module imports. ``check_input`` and
``check_output`` hold a model's JSON to its ``openapi_schema``: for typed
calls, for untyped calls with ``check_inputs=True``, and in FakeReplicate.
"""

from replicate_typed.bindings._checks import (
    InputError,
    OutputError,
    Problem,
    SchemaMismatchError,
    check_input,
    check_output,
)
from replicate_typed.bindings._generate import (
    ModelSource,
    fetch_sources,
    generate_module,
    source_from_json,
)
from replicate_typed.bindings._outputs import (
    Reader,
    optional,
    read_any,
    read_bool,
    read_fields,
    read_file,
    read_float,
    read_int,
    read_list,
    read_str,
    read_text,
    required,
)
from replicate_typed.bindings._reference import (
    ModelInput,
    TypedModel,
    TypedTraining,
    schema_sha256,
)
from replicate_typed.bindings._schema import BindingsError
from replicate_typed.bindings._values import FileInput, Secret, input_json

__all__ = [
    "BindingsError",
    "FileInput",
    "InputError",
    "ModelInput",
    "ModelSource",
    "OutputError",
    "Problem",
    "Reader",
    "SchemaMismatchError",
    "Secret",
    "TypedModel",
    "TypedTraining",
    "check_input",
    "check_output",
    "fetch_sources",
    "generate_module",
    "input_json",
    "optional",
    "read_any",
    "read_bool",
    "read_fields",
    "read_file",
    "read_float",
    "read_int",
    "read_list",
    "read_str",
    "read_text",
    "required",
    "schema_sha256",
    "source_from_json",
]
