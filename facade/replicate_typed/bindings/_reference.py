"""What a generated bindings module exports per model, and what the clients accept.

A bindings module (written by ``replicate-typed models generate``) holds, for
each model, an input class (a ``ModelInput``), output types, and one
``TypedModel`` that ties them to the model and the pinned version. The clients
take a ``TypedModel`` where they take a model reference and give back its
output type: ``run(FLUX_SCHNELL, FluxSchnellInput(prompt="a fox"))`` is
``list[FileOutput]`` to mypy and pyright.

The output type comes in two forms because file outputs do: the sync client
returns ``FileOutput`` (``read()`` returns bytes), the async one
``AsyncFileOutput`` (``await read()``). A ``TypedModel`` therefore carries two
output readers, each handed the function that turns a URL into that client's
file object.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

if TYPE_CHECKING:
    from replicate_typed._async.files import AsyncFileOutput
    from replicate_typed._sync.files import FileOutput

InputT = TypeVar("InputT", bound="ModelInput")
OutputT = TypeVar("OutputT")
AsyncOutputT = TypeVar("AsyncOutputT")


class ModelInput(ABC):
    """The base of every generated input class."""

    @abstractmethod
    def to_input(self) -> dict[str, Any]:
        """The JSON object the API takes as ``input`` (fields left unset are omitted)."""


def schema_sha256(openapi_schema: Mapping[str, Any]) -> str:
    """The hash that pins a version's interface: SHA-256 of its canonical JSON.

    Canonical: keys sorted, no whitespace, non-ASCII kept (``ensure_ascii=False``),
    UTF-8. Two versions with the same schema have the same hash, so an official
    model's latest version can be pinned by what it accepts and returns.
    """
    text = json.dumps(openapi_schema, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@attrs.frozen(kw_only=True)
class _Interface(Generic[InputT, OutputT, AsyncOutputT]):
    """One typed interface of a model version: what it takes and what it returns.

    Attributes:
        model: ``owner/name``.
        version: the pinned version id; None for an official model run by name,
            whose latest version must still have ``schema_sha256``.
        schema_sha256: ``schema_sha256(openapi_schema)``.
        openapi_schema: the version's ``openapi_schema`` as generated from; input
            checks and ``models check`` read it.
        input_type: the generated input class.
        read_output: turns the prediction's JSON output into the output type, given
            the sync client's URL-to-``FileOutput`` function; raises ValueError
            (naming the path and the expected type) when the output does not fit.
        read_async_output: the same for the async client's ``AsyncFileOutput``.
    """

    model: str
    version: str | None
    schema_sha256: str
    openapi_schema: Mapping[str, Any] = attrs.field(repr=False)
    input_type: type[InputT]
    read_output: Callable[[object, Callable[[str], FileOutput]], OutputT] = attrs.field(repr=False)
    read_async_output: Callable[[object, Callable[[str], AsyncFileOutput]], AsyncOutputT] = (
        attrs.field(repr=False)
    )


@attrs.frozen(kw_only=True)
class TypedModel(_Interface[InputT, OutputT, AsyncOutputT]):
    """A model's prediction interface (its schema's ``Input`` and ``Output``).

    Passed where the clients take a model reference (``run``, ``create``,
    ``stream``, deployments running that model).
    """


@attrs.frozen(kw_only=True)
class TypedTraining(_Interface[InputT, OutputT, AsyncOutputT]):
    """A trainable model's training interface (``TrainingInput`` and ``TrainingOutput``).

    A separate class, so a training interface cannot be passed to ``run``.
    """
