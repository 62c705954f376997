"""Import a generated module and hold the model's default example to its types.

The example's input is built into the generated input class the way a
caller would (JSON names to the class's Python names, secrets wrapped in
``Secret``), then ``to_input()`` is checked with ``check_input`` against the
version's schema: a field the class does not have, a required one missing,
or a value the schema refuses is a failure with its reason. A succeeded
example's output goes through the ``TypedModel``'s reader, with the URL
itself standing in for the client's ``FileOutput``. Examples are often made
with an older version than the latest, so some failures are drift, not bugs.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeGuard, cast

from replicate_typed.bindings import (
    ModelSource,
    SchemaMismatchError,
    Secret,
    TypedModel,
    check_input,
)
from replicate_typed.bindings._schema import SecretShape, read_interface

if TYPE_CHECKING:
    from replicate_typed import FileOutput


def import_module(path: Path) -> ModuleType:
    """The module at ``path``, imported under its file name; any import failure propagates."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def typed_model(module: ModuleType) -> TypedModel[Any, Any, Any]:
    """The module's one ``TypedModel`` (a module per model has exactly one)."""
    found = [value for value in vars(module).values() if _is_typed_model(value)]
    if len(found) != 1:
        raise LookupError(f"expected one TypedModel in {module.__name__}, found {len(found)}")
    return found[0]


def _is_typed_model(value: object) -> TypeGuard[TypedModel[Any, Any, Any]]:
    return isinstance(value, TypedModel)


def input_problem(
    source: ModelSource, reference: TypedModel[Any, Any, Any], example_input: object
) -> str | None:
    """Why the example's input does not build into, or fit, the generated input; None if it does."""
    if not isinstance(example_input, Mapping):
        return f"the example's input is {type(example_input).__name__}, not an object"
    fields = {field.name: field for field in read_interface(source.openapi_schema).inputs}
    arguments: dict[str, object] = {}
    unknown: list[str] = []
    for name, value in cast(Mapping[str, object], example_input).items():
        field = fields.get(name)
        if field is None:
            unknown.append(name)
            continue
        secret = isinstance(field.shape, SecretShape) and isinstance(value, str)
        arguments[field.python_name] = Secret(cast(str, value)) if secret else value
    if unknown:
        return f"not a field of the input class: {', '.join(sorted(unknown))}"
    try:
        built = reference.input_type(**arguments)
        check_input(source.openapi_schema, built.to_input())
    except SchemaMismatchError as error:
        return "; ".join(str(problem) for problem in error.problems)
    except Exception as error:  # a constructor or to_input that breaks is a finding
        return f"{type(error).__name__}: {error}"
    return None


def output_problem(reference: TypedModel[Any, Any, Any], example_output: object) -> str | None:
    """Why the example's output does not read into the output type; None if it does."""
    to_file = cast("Callable[[str], FileOutput]", _url)
    try:
        reference.read_output(example_output, to_file)
    except Exception as error:  # a reader raises ValueError; anything else is a finding too
        described = "" if isinstance(error, ValueError) else f"{type(error).__name__}: "
        return f"{described}{error}"
    return None


def _url(url: str) -> str:
    """Stands in for the client's URL-to-FileOutput function."""
    return url
