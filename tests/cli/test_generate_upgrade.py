"""``models generate --upgrade PATH.py``: a module rewritten for the latest versions in the fake.

The module is generated from real schemas (flux-schnell, official, pinned by
schema hash; flux-dev-lora-trainer, trainable, pinned by version); the served
fake shows them as they were, or changed.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from replicate_typed.bindings import ModelSource, TypedModel, TypedTraining, generate_module
from replicate_typed.bindings import schema_sha256 as sha256_of

from tests.bindings.samples import load, sample
from tests.cli.support import Served, error_line

FLUX = "black-forest-labs/flux-schnell"
TRAINER = "ostris/flux-dev-lora-trainer"


def _sources() -> list[ModelSource]:
    flux, trainer = sample(FLUX).source, sample(TRAINER).source
    return [
        ModelSource(FLUX, flux.version_id, flux.openapi_schema, official=True),
        ModelSource(TRAINER, trainer.version_id, trainer.openapi_schema),
    ]


@pytest.fixture
def module(tmp_path: Path) -> Path:
    """The bindings module for both models, as ``models generate`` wrote it."""
    path = tmp_path / "models.py"
    path.write_text(generate_module(_sources()), encoding="utf-8")
    return path


def _changed_flux() -> dict[str, Any]:
    """flux-schnell's schema with "9:21" gone from aspect_ratio and a new optional input."""
    schema = copy.deepcopy(dict(sample(FLUX).source.openapi_schema))
    components = schema["components"]["schemas"]
    components["aspect_ratio"]["enum"].remove("9:21")
    components["Input"]["properties"]["guidance"] = {"type": "number", "default": 3.5}
    return schema


def _serve(served: Served, flux: dict[str, Any], *, new_versions: bool) -> None:
    """Both models in the fake, at their sampled versions or at new ones (the fake's own ids)."""
    trainer = sample(TRAINER).source
    entries = [
        served.fake.add_model_from_schema(FLUX, flux),
        served.fake.add_model_from_schema(TRAINER, dict(trainer.openapi_schema), official=False),
    ]
    if not new_versions:
        for entry, source in zip(entries, _sources(), strict=True):
            entry.version_id = source.version_id


def test_nothing_new_leaves_the_module_byte_for_byte(served: Served, module: Path) -> None:
    _serve(served, dict(sample(FLUX).source.openapi_schema), new_versions=False)
    before = module.read_bytes()

    result = served.cli("models", "generate", "--upgrade", str(module))

    assert result.returncode == 0, result.stderr
    assert [line.rsplit(": ", 1)[1] for line in result.stdout.splitlines()] == ["up to date"] * 2
    assert result.stderr == f"{module} is already current ({FLUX}, {TRAINER})\n"
    assert module.read_bytes() == before
    assert [path.name for path in module.parent.iterdir()] == ["models.py"]


def test_the_module_is_rewritten_for_the_latest_versions_with_checks_report(
    served: Served, module: Path
) -> None:
    _serve(served, _changed_flux(), new_versions=True)
    checked = served.cli("models", "check", str(module))
    module.chmod(0o640)

    result = served.cli("models", "generate", "--upgrade", str(module))

    assert result.returncode == 0, result.stderr  # breaking changes too: the user asked for them
    assert checked.returncode == 1
    assert result.stdout == checked.stdout
    assert "  BREAKING  enum value removed       input.aspect_ratio  '9:21'\n" in result.stdout
    assert "  additive  field added              input.guidance\n" in result.stdout
    assert result.stderr == f"rewrote {module} ({FLUX}, {TRAINER})\n"
    assert module.stat().st_mode & 0o777 == 0o640
    assert [path.name for path in module.parent.iterdir()] == ["models.py"]
    upgraded = load(module, "upgraded_models")
    flux, trainer, training = (
        upgraded.FLUX_SCHNELL,
        upgraded.FLUX_DEV_LORA_TRAINER,
        upgraded.FLUX_DEV_LORA_TRAINER_TRAINING,
    )
    assert isinstance(flux, TypedModel)
    assert (flux.version, flux.schema_sha256) == (None, sha256_of(_changed_flux()))
    assert upgraded.FluxSchnellInput(prompt="a fox", guidance=2.0).to_input()["guidance"] == 2.0
    new_version = served.fake.models[TRAINER].version_id
    assert new_version != sample(TRAINER).source.version_id
    assert isinstance(trainer, TypedModel)
    assert isinstance(training, TypedTraining)
    assert trainer.version == training.version == new_version
    again = served.cli("models", "check", str(module))
    assert (again.returncode, again.stdout.count(": up to date\n")) == (0, 2)


def test_a_model_the_api_does_not_know_leaves_the_module_as_it_was(
    served: Served, module: Path
) -> None:
    served.fake.add_model_from_schema(FLUX, _changed_flux())
    before = module.read_bytes()

    result = served.cli("models", "generate", "--upgrade", str(module))

    assert result.returncode == 4
    assert error_line(result).startswith(
        "replicate-typed: error: models generate --upgrade: ostris/flux-dev-lora-trainer"
        " (FLUX_DEV_LORA_TRAINER, FLUX_DEV_LORA_TRAINER_TRAINING) is not on Replicate: "
    )
    assert module.read_bytes() == before


def test_a_latest_version_bindings_cannot_be_generated_for_is_refused(
    served: Served, tmp_path: Path
) -> None:
    module = tmp_path / "echo.py"
    flux = sample(FLUX).source
    module.write_text(
        generate_module([ModelSource("acme/echo", flux.version_id, flux.openapi_schema)])
    )
    before = module.read_bytes()

    result = served.cli("models", "generate", "--upgrade", str(module))

    assert result.returncode == 2
    assert result.stdout.startswith("acme/echo (ECHO): ")  # the report comes first
    assert error_line(result) == (
        f"replicate-typed: error: acme/echo (version {served.fake.models['acme/echo'].version_id}):"
        " the schema has no components.schemas: not an OpenAPI schema cog wrote"
        " (cog before 0.3 published none)"
    )
    assert module.read_bytes() == before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["acme/echo"], "--upgrade PATH.py takes no models, --out or --from"),
        (["--out", "other.py"], "--upgrade PATH.py takes no models, --out or --from"),
    ],
)
def test_upgrade_names_no_models_and_no_out(
    served: Served, module: Path, extra: list[str], message: str
) -> None:
    before = module.read_bytes()

    result = served.cli("models", "generate", "--upgrade", str(module), *extra)

    assert result.returncode == 2
    assert message in error_line(result)
    assert module.read_bytes() == before


def test_a_path_that_is_not_a_bindings_module_is_a_usage_error(
    served: Served, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.py"
    plain.write_text("ANSWER = 42\n")

    result = served.cli("models", "generate", "--upgrade", str(plain))

    assert result.returncode == 2
    assert error_line(result) == (
        f"replicate-typed: error: models generate --upgrade: {str(plain)!r} is not a bindings"
        " module: it defines no TypedModel or TypedTraining constants"
    )
    assert plain.read_text() == "ANSWER = 42\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--out", "models.py"], "name the models (OWNER/NAME[:VERSION]), or give --upgrade"),
        (["acme/echo"], "--out PATH.py is required: the module to write"),
    ],
)
def test_without_upgrade_models_and_out_are_required(
    served: Served, argv: list[str], message: str
) -> None:
    result = served.cli("models", "generate", *argv)

    assert result.returncode == 2
    assert message in error_line(result)
