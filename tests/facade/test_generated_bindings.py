"""The whole path with GENERATED bindings: generate, import, run on both clients, type-check.

The module is what ``generate_module`` writes for three committed real schemas
(tests/support/generated_bindings.py); FakeReplicate serves the models from
the same schemas with no behaviour, so every output is one the schema allows.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any, TypeGuard

import mypy.api
import pytest
from replicate_typed import Replicate
from replicate_typed.bindings import InputError, TypedModel, TypedTraining
from replicate_typed.testing import FakeReplicate

from tests.bindings.samples import load
from tests.facade.conftest import Kind, file_class, unwrap
from tests.support import generated_bindings
from tests.support.generated_bindings import FLUX, LLAMA, TRAINER


@pytest.fixture(scope="module")
def bindings(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The generated module, written to a file and imported from it."""
    path = tmp_path_factory.mktemp("bindings") / "generated_models.py"
    generated_bindings.write(path)
    return load(path, "generated_models")


def _model(bindings: ModuleType, name: str) -> TypedModel[Any, Any, Any]:
    """The module's ``TypedModel`` constant ``name`` (a module read at run time is Any)."""
    value: object = getattr(bindings, name)
    assert _is_model(value), name
    return value


def _training(bindings: ModuleType, name: str) -> TypedTraining[Any, Any, Any]:
    """The module's ``TypedTraining`` constant ``name``."""
    value: object = getattr(bindings, name)
    assert _is_training(value), name
    return value


def _is_model(value: object) -> TypeGuard[TypedModel[Any, Any, Any]]:
    return isinstance(value, TypedModel)


def _is_training(value: object) -> TypeGuard[TypedTraining[Any, Any, Any]]:
    return isinstance(value, TypedTraining)


@pytest.fixture
def fake() -> FakeReplicate:
    """The fake ``client`` talks to, serving the three models."""
    fake = FakeReplicate()
    generated_bindings.serve(fake)
    return fake


def test_the_image_model_runs_by_name_and_returns_the_clients_file_objects(
    client: Replicate, fake: FakeReplicate, kind: Kind, bindings: ModuleType
) -> None:
    fox = bindings.FluxSchnellInput(prompt="a fox")

    images = client.run(_model(bindings, "FLUX_SCHNELL"), fox)

    files: list[Any] = list(images)
    assert type(images) is list
    assert [type(unwrap(file)) for file in files] == [file_class(kind)]
    assert files[0].read()
    (create,) = fake.requests.to("models.predictions.create")
    assert create.url.endswith(f"/models/{FLUX}/predictions")
    assert fake.predictions()[0]["input"] == fox.to_input()
    assert fox.to_input()["prompt"] == "a fox"


def test_the_language_model_runs_waits_and_streams_as_text(
    client: Replicate, fake: FakeReplicate, bindings: ModuleType
) -> None:
    ran = client.run(_model(bindings, "META_LLAMA38B"), bindings.MetaLlama38bInput(prompt="hi"))
    created = client.create(
        _model(bindings, "META_LLAMA38B"), bindings.MetaLlama38bInput(prompt="hi")
    )
    done = client.wait(created)
    streamed = "".join(
        client.stream(
            _model(bindings, "META_LLAMA38B"), bindings.MetaLlama38bInput(prompt="hi")
        ).iter_text()
    )

    assert isinstance(done.output, str)
    assert done.output
    assert streamed == done.output == ran
    assert [p["version"] for p in fake.predictions()] == [fake.models[LLAMA].version_id] * 3


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"num_outputs": 9}, r"input\.num_outputs: must be at most 4 \(maximum\) \(got 9\)"),
        ({"aspect_ratio": "7:3"}, r"input\.aspect_ratio: must be one of '1:1', .* \(enum\)"),
    ],
)
def test_an_input_outside_the_schema_is_refused_before_any_request(
    client: Replicate,
    fake: FakeReplicate,
    bindings: ModuleType,
    change: dict[str, object],
    problem: str,
) -> None:
    bad = bindings.FluxSchnellInput(prompt="a fox", **change)

    with pytest.raises(InputError, match=problem):
        client.run(_model(bindings, "FLUX_SCHNELL"), bad)
    with pytest.raises(InputError, match=problem):
        client.create(_model(bindings, "FLUX_SCHNELL"), bad)
    assert fake.requests == []


def test_the_trainable_model_trains_and_reads_its_weights(
    client: Replicate, fake: FakeReplicate, kind: Kind, bindings: ModuleType
) -> None:
    client.models.create("fake-account/mine", visibility="private", hardware="cpu")
    with pytest.raises(InputError, match=r"input\.steps: must be at least 3 \(minimum\) \(got 1\)"):
        client.trainings.create(
            _training(bindings, "FLUX_DEV_LORA_TRAINER_TRAINING"),
            bindings.FluxDevLoraTrainerTrainingInput(steps=1),
            destination="fake-account/mine",
        )
    assert fake.requests.to("trainings.create") == []

    fox = bindings.FluxDevLoraTrainerTrainingInput(steps=10, trigger_word="FOX")
    job = client.trainings.create(
        _training(bindings, "FLUX_DEV_LORA_TRAINER_TRAINING"), fox, destination="fake-account/mine"
    )
    done = client.trainings.wait(job)

    assert done.training.input_ == fox.to_input()
    assert (fox.to_input()["steps"], fox.to_input()["trigger_word"]) == (10, "FOX")
    assert done.training.version == fake.models[TRAINER].version_id
    assert isinstance(unwrap(done.output.weights), file_class(kind))
    assert str(done.output.weights).endswith(".tar")


#: Code written against the generated module: each call's type as mypy sees it.
USAGE = """\
from typing import assert_type

from replicate_typed import AsyncFileOutput, AsyncReplicate, FileOutput, Replicate
from replicate_typed.bindings import FileInput

from generated_models import (
    FLUX_DEV_LORA_TRAINER_TRAINING,
    FLUX_SCHNELL,
    META_LLAMA38B,
    FluxDevLoraTrainerTrainingInput,
    FluxSchnellInput,
    MetaLlama38bInput,
)


def sync(replicate: Replicate) -> None:
    assert_type(replicate.run(FLUX_SCHNELL, FluxSchnellInput(prompt="a")), list[FileOutput])
    assert_type(replicate.run(META_LLAMA38B, MetaLlama38bInput()), str)
    job = replicate.trainings.create(
        FLUX_DEV_LORA_TRAINER_TRAINING, FluxDevLoraTrainerTrainingInput(), destination="a/b"
    )
    assert_type(replicate.trainings.wait(job).output.weights, FileOutput)
    assert_type(FluxDevLoraTrainerTrainingInput().input_images, FileInput | None)
    replicate.run(FLUX_SCHNELL, FluxSchnellInput(prompt="a", aspect_ratio="7:3"))  # E: arg-type


async def asynchronous(replicate: AsyncReplicate) -> None:
    images = await replicate.run(FLUX_SCHNELL, FluxSchnellInput(prompt="a"))
    assert_type(images, list[AsyncFileOutput])
"""


def test_mypy_sees_the_declared_types_and_refuses_a_value_outside_an_enum(
    tmp_path: Path,
) -> None:
    generated_bindings.write(tmp_path / "generated_models.py")
    (tmp_path / "usage.py").write_text(USAGE, encoding="utf-8")

    stdout, _, status = mypy.api.run(
        [
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            str(tmp_path / "usage.py"),
        ]
    )

    assert status == 1, stdout
    line = next(n for n, text in enumerate(USAGE.splitlines(), 1) if "# E: arg-type" in text)
    [error] = stdout.splitlines()
    assert f'usage.py:{line}: error: Argument "aspect_ratio" to "FluxSchnellInput"' in error
    assert error.endswith("[arg-type]")
