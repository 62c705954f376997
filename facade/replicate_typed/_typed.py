"""Typed model calls, sans I/O: the input step before any request, and typed results.

A typed call (``run(FLUX_SCHNELL, FluxSchnellInput(...))``) runs the same
flows as an untyped one. What differs is only at the two ends, so both live
here and every typed call (run, create, stream, deployments, trainings; sync
and async) goes through them:

- before any request, ``typed_input`` turns the input object into the API's
  JSON: it must be an instance of the bindings' input class, and the JSON
  must fit the pinned version's schema (``bindings.check_input`` against
  ``Input``, or ``TrainingInput`` for a training);
- after success, the output is read by the bindings' reader; a reader's
  ValueError (the model no longer answers as its schema said) becomes
  ``OutputMismatchError`` with the prediction attached, never an ``Any``
  posing as the declared type.

A typed call never fetches the model's schema: the bindings pin it by
``schema_sha256``. An official model run by name (``version=None``) runs its
latest version, whose schema may have moved on; ``replicate-typed models
check`` reports that drift, and an output that no longer fits raises
``OutputMismatchError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeAlias, TypeVar

import attrs
from replicate_api.models.prediction import Prediction
from replicate_api.models.training import Training
from replicate_api.types import JSON

from replicate_typed._errors import OutputMismatchError
from replicate_typed._jobs import output_of
from replicate_typed._polling import is_terminal
from replicate_typed.bindings._checks import check_input
from replicate_typed.bindings._reference import ModelInput, TypedModel, TypedTraining

I = TypeVar("I", bound=ModelInput)  # noqa: E741 - the bindings' own letter for the input
O = TypeVar("O")  # noqa: E741 - and for the output

# A client's view of a typed model: the sync client reads the first output
# type, the async one the second. scripts/unasync maps each Async* name to its
# twin, so ``AsyncModelOf`` in _async/ is ``ModelOf`` in _sync/.
ModelOf: TypeAlias = TypedModel[I, O, Any]
AsyncModelOf: TypeAlias = TypedModel[I, Any, O]
TrainingOf: TypeAlias = TypedTraining[I, O, Any]
AsyncTrainingOf: TypeAlias = TypedTraining[I, Any, O]


def typed_input(
    ref: TypedModel[Any, Any, Any] | TypedTraining[Any, Any, Any], input: object
) -> dict[str, Any]:
    """The API input for a typed call; ValueError before any request if it is not ``ref``'s."""
    if not (isinstance(input, ModelInput) and isinstance(input, ref.input_type)):
        expected = ref.input_type.__qualname__
        raise ValueError(
            f"input for {ref.model} must be a {expected} (its bindings' input class), "
            f"not {type(input).__qualname__}: {input!r:.200}"
        )
    checked: ModelInput = input  # input_type is type[Any] to the checkers
    body = checked.to_input()
    component = "TrainingInput" if isinstance(ref, TypedTraining) else "Input"
    check_input(ref.openapi_schema, body, component=component)
    return body


def untyped_input(input: ModelInput | Mapping[str, object] | None) -> Mapping[str, object] | None:
    """An untyped call's input; ValueError for a bindings' input object without its model."""
    if isinstance(input, ModelInput):
        raise ValueError(
            f"a {type(input).__qualname__} is the input of typed bindings: pass it with "
            "their TypedModel (or TypedTraining), not with a model reference"
        )
    return input


def model_reference(ref: TypedModel[Any, Any, Any], deployment: str | None) -> str | None:
    """The untyped reference that runs ``ref``: its pinned version, else its name.

    None with a deployment: the deployment names what runs, ``ref`` only
    what it takes and returns.
    """
    if deployment is not None:
        return None
    return ref.model if ref.version is None else f"{ref.model}:{ref.version}"


def training_reference(ref: TypedTraining[Any, Any, Any]) -> str:
    """``owner/name:version`` to train; ValueError for bindings without a version."""
    if ref.version is None:
        raise ValueError(
            f"training bindings for {ref.model} have no version: a training needs one "
            "(generate the bindings for a version)"
        )
    return f"{ref.model}:{ref.version}"


def read_output(read: Callable[[object], O], job: Prediction | Training, raw: JSON) -> O:
    """``read(raw)``, with a reader's ValueError raised as OutputMismatchError naming ``job``."""
    try:
        return read(raw)
    except ValueError as exc:
        noun = "training" if isinstance(job, Training) else "prediction"
        raise OutputMismatchError(job, str(exc), noun=noun) from exc


@attrs.frozen
class TypedPrediction(Generic[O]):
    """A prediction of a typed model: the ``Prediction``, and its output as the model's type.

    ``create`` returns one for a ``TypedModel``; ``wait`` takes it and returns
    it finished. ``prediction`` is the API's prediction as for untyped calls.
    """

    #: The prediction as the API returned it.
    prediction: Prediction
    _read: Callable[[object], O] = attrs.field(alias="read", repr=False)

    @property
    def id(self) -> str:
        """The prediction's id."""
        return self.prediction.id

    @property
    def output(self) -> O:
        """The output, read as the model's output type, once the prediction succeeded.

        Raises:
            RuntimeError: it has not finished yet (``wait`` for it first).
            ModelError, PredictionCanceledError, UnknownStatusError: it finished
                without succeeding, as ``run`` raises them.
            OutputMismatchError: the output does not fit the declared type.
        """
        if not is_terminal(self.prediction):
            raise RuntimeError(
                f"prediction {self.prediction.id} is {self.prediction.status}, not finished: "
                "wait for it before reading its output"
            )
        return read_output(self._read, self.prediction, output_of(self.prediction))

    def finished(self, prediction: Prediction) -> TypedPrediction[O]:
        """The same typed prediction in a newer state (what ``wait`` returns)."""
        return attrs.evolve(self, prediction=prediction)


@attrs.frozen
class TypedTrainingJob(Generic[O]):
    """A training of typed training bindings: the ``Training``, and its output as their type.

    ``trainings.create`` returns one for a ``TypedTraining``; ``trainings.wait``
    takes it and returns it finished.
    """

    #: The training as the API returned it.
    training: Training
    _read: Callable[[object], O] = attrs.field(alias="read", repr=False)

    @property
    def id(self) -> str:
        """The training's id."""
        return self.training.id

    @property
    def output(self) -> O:
        """The output, read as the training's output type, once the training succeeded.

        Raises:
            RuntimeError: it has not succeeded (not finished, failed or canceled).
            OutputMismatchError: the output does not fit the declared type.
        """
        training = self.training
        if str(training.status) != "succeeded":
            raise RuntimeError(
                f"training {training.id} is {training.status}, not succeeded: it has no output"
                + (f" ({training.error})" if training.error else "")
            )
        raw = None if training.output is None else training.output.to_dict()
        return read_output(self._read, training, raw)

    def finished(self, training: Training) -> TypedTrainingJob[O]:
        """The same typed training in a newer state (what ``trainings.wait`` returns)."""
        return attrs.evolve(self, training=training)
