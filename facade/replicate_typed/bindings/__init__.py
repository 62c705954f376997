"""Typed bindings for individual models: what ``replicate-typed models generate`` writes against.

``generate_module`` writes a module of bindings (an input class, output types
and a ``TypedModel`` per model); the rest is what such a module imports.
"""

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
    "ModelInput",
    "ModelSource",
    "Reader",
    "Secret",
    "TypedModel",
    "TypedTraining",
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
