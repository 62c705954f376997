"""A generated module and code using it pass mypy --strict and pyright strict.

Generated in a temporary directory rather than committed: what is checked is
what the generator writes today, for models covering every kind of output
(files, text, typed objects, trainings) and of input (enums, secrets, files).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from replicate_typed.bindings import generate_module

from tests.bindings.samples import sample

MODELS = [
    "black-forest-labs/flux-schnell",
    "meta/meta-llama-3-8b",
    "lucataco/musubi-tuner",
    "collectiveai-team/speaker-diarization-3",
    "ostris/flux-dev-lora-trainer",
]

USAGE = """\
from pathlib import Path
from typing import Literal, TypeAlias, assert_type

from replicate_typed import AsyncFileOutput, FileOutput
from replicate_typed.bindings import Secret, TypedModel, TypedTraining

from bindings import (
    FLUX_DEV_LORA_TRAINER_TRAINING,
    FLUX_SCHNELL,
    META_LLAMA38B,
    SPEAKER_DIARIZATION3,
    AsyncSpeakerDiarization3Output,
    FluxSchnellAspectRatio,
    FluxSchnellInput,
    FluxSchnellOutput,
    MusubiTunerInput,
    SpeakerDiarization3Output,
    SpeakerDiarization3SpeakerSegment,
)


FluxType: TypeAlias = TypedModel[FluxSchnellInput, FluxSchnellOutput, list[AsyncFileOutput]]


def to_file(url: str) -> FileOutput:
    raise NotImplementedError(url)


def to_async_file(url: str) -> AsyncFileOutput:
    raise NotImplementedError(url)


def check() -> None:
    flux = FluxSchnellInput(prompt="a fox", aspect_ratio="16:9", num_outputs=2)
    assert_type(flux.aspect_ratio, FluxSchnellAspectRatio)
    ratio: Literal["1:1", "16:9", "21:9", "3:2", "2:3", "4:5", "5:4", "3:4", "4:3", "9:16"]
    ratio = "9:16"
    FluxSchnellInput(prompt="a fox", aspect_ratio=ratio)
    assert_type(flux.seed, int | None)
    assert_type(FLUX_SCHNELL, FluxType)
    assert_type(FLUX_SCHNELL.read_output([], to_file), list[FileOutput])
    assert_type(FLUX_SCHNELL.read_async_output([], to_async_file), list[AsyncFileOutput])
    assert_type(META_LLAMA38B.read_output([], to_file), str)
    diarized = SPEAKER_DIARIZATION3.read_output({}, to_file)
    assert_type(diarized, SpeakerDiarization3Output)
    assert_type(diarized.segments, list[SpeakerDiarization3SpeakerSegment])
    read_async = SPEAKER_DIARIZATION3.read_async_output({}, to_async_file)
    assert_type(read_async, AsyncSpeakerDiarization3Output)
    tuner = MusubiTunerInput(input_videos=Path("videos.zip"), hf_token=Secret("hf_x"))
    assert_type(tuner.hf_token, Secret | None)
    assert isinstance(FLUX_DEV_LORA_TRAINER_TRAINING, TypedTraining)
"""

#: Lines the checkers must reject: a value outside the enum, a file where a number goes.
WRONG = """\
from bindings import FluxSchnellInput

FluxSchnellInput(prompt="a fox", aspect_ratio="7:5")
FluxSchnellInput(prompt="a fox", num_outputs="two")
"""


def test_mypy_and_pyright_strict_accept_the_module_and_its_use(tmp_path: Path) -> None:
    _write(tmp_path, USAGE)

    for command in (_mypy(tmp_path), _pyright(tmp_path)):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_and_pyright_reject_input_outside_the_schema(tmp_path: Path) -> None:
    _write(tmp_path, WRONG)

    for command in (_mypy(tmp_path), _pyright(tmp_path)):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stdout.count("error") >= 2, result.stdout


def _write(directory: Path, usage: str) -> None:
    sources = [sample(model).source for model in MODELS]
    (directory / "bindings.py").write_text(generate_module(sources))
    (directory / "usage.py").write_text(usage)
    (directory / "pyrightconfig.json").write_text('{"typeCheckingMode": "strict"}')


def _mypy(directory: Path) -> list[str]:
    cache = directory / ".mypy_cache"
    return [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), "usage.py"]


def _pyright(directory: Path) -> list[str]:
    del directory
    pyright = Path(sys.executable).with_name("pyright")
    return [str(pyright), "--pythonpath", sys.executable, "bindings.py", "usage.py"]
