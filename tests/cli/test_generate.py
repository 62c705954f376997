"""``models generate``: from saved JSON with no token, from the API (a served fake), refusals.

From the served fake: real schemas served with ``add_model_from_schema``
(tests/support/generated_bindings.py), written as ``generate_module`` writes them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import Replicate
from replicate_typed.bindings import BindingsError, ModelSource, fetch_sources, generate_module
from replicate_typed.cli import main

from tests.bindings.samples import load, sample
from tests.cli.support import Served
from tests.support import generated_bindings

API = "https://api.replicate.com/v1"
FLUX = "black-forest-labs/flux-schnell"


def _model_json(*, official: bool) -> dict[str, Any]:
    found = sample(FLUX)
    owner, name = FLUX.split("/")
    return {
        "owner": owner,
        "name": name,
        "url": f"https://replicate.com/{FLUX}",
        "visibility": "public",
        "run_count": 1,
        "is_official": official,
        "latest_version": {
            "id": found.source.version_id,
            "created_at": "2024-07-30T00:00:00Z",
            "cog_version": "0.9.12",
            "openapi_schema": found.source.openapi_schema,
        },
    }


def test_generate_from_a_saved_model_needs_no_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("REPLICATE_API_TOKEN", raising=False)
    saved, out = tmp_path / "flux.json", tmp_path / "flux_bindings.py"
    saved.write_text(json.dumps(_model_json(official=True)))

    code = main(["models", "generate", FLUX, "--from", str(saved), "--out", str(out)])

    assert code == 0, capsys.readouterr().err
    assert out.read_text() == generate_module([_official_flux()])
    assert "FLUX_SCHNELL: TypedModel[" in out.read_text()
    assert "    version=None,\n" in out.read_text()


def test_generate_from_a_saved_version_pins_it(tmp_path: Path) -> None:
    version = _model_json(official=True)["latest_version"]
    saved, out = tmp_path / "version.json", tmp_path / "flux_bindings.py"
    saved.write_text(json.dumps(version))

    ref = f"{FLUX}:{version['id']}"
    assert main(["models", "generate", ref, "--from", str(saved), "--out", str(out)]) == 0

    assert f"    version={json.dumps(version['id'])},\n" in out.read_text()


def test_a_saved_version_of_another_id_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved, out = tmp_path / "version.json", tmp_path / "flux_bindings.py"
    saved.write_text(json.dumps(_model_json(official=False)["latest_version"]))

    code = main(["models", "generate", f"{FLUX}:abc123", "--from", str(saved), "--out", str(out)])

    assert code == 2
    assert "asked for version abc123, the JSON holds " in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["acme/a", "--out", "bindings.txt"], "--out must name a .py file, got 'bindings.txt'"),
        (["acme/a", "acme/b", "--from", "a.json", "--out", "b.py"], "1 files for 2 models"),
    ],
)
def test_a_wrong_command_line_is_a_usage_error(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "generate", *argv]) == 2
    assert message in capsys.readouterr().err


def test_generate_from_a_served_fake_refuses_a_version_without_a_cog_schema(
    served: Served, tmp_path: Path
) -> None:
    out = tmp_path / "upscaler.py"

    result = served.cli("models", "generate", "acme/upscaler", "--out", str(out), finish=False)

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "replicate-typed: error: acme/upscaler (version "
        f"{served.fake.models['acme/upscaler'].versions[0]}): the schema has no"
        " components.schemas: not an OpenAPI schema cog wrote (cog before 0.3 published none)"
    ]
    assert not out.exists()


def test_generate_from_a_served_fake_writes_what_generate_module_writes(
    served: Served, tmp_path: Path
) -> None:
    generated_bindings.serve(served.fake)
    out = tmp_path / "generated_models.py"
    models = [source.model for source in generated_bindings.sources()]

    result = served.cli("models", "generate", *models, "--out", str(out))

    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote {out} ({', '.join(models)})\n"
    assert out.read_text() == generate_module(generated_bindings.sources())
    module = load(out, "served_generated_models")
    assert (module.FLUX_SCHNELL.version, module.META_LLAMA38B.version) == (
        None,
        served.fake.models[generated_bindings.LLAMA].version_id,
    )


def test_fetch_sources_takes_the_latest_version_and_pins_an_official_model_by_hash(
    httpx_mock: HTTPXMock,
) -> None:
    httpx_mock.add_response(
        method="GET", url=f"{API}/models/{FLUX}", json=_model_json(official=True)
    )

    with Replicate("r8_test", base_url=API) as replicate:
        sources = fetch_sources(replicate, [FLUX])

    assert sources == [_official_flux()]


def test_fetch_sources_gets_a_named_version(httpx_mock: HTTPXMock) -> None:
    version = _model_json(official=False)["latest_version"]
    url = f"{API}/models/{FLUX}/versions/{version['id']}"
    httpx_mock.add_response(method="GET", url=url, json=version)

    with Replicate("r8_test", base_url=API) as replicate:
        [source] = fetch_sources(replicate, [f"{FLUX}:{version['id']}"])

    assert (source.version_id, source.official) == (version["id"], False)


@pytest.mark.parametrize("ref", ["flux-schnell", "a/b/c", "a/b:", "/b"])
def test_fetch_sources_checks_every_reference_before_any_request(ref: str) -> None:
    with (
        Replicate("r8_test", base_url=API) as replicate,
        pytest.raises(
            BindingsError, match=f"expected OWNER/NAME or OWNER/NAME:VERSION, got {ref!r}"
        ),
    ):
        fetch_sources(replicate, [FLUX, ref])


def _official_flux() -> ModelSource:
    found = sample(FLUX).source
    return ModelSource(
        model=FLUX, version_id=found.version_id, openapi_schema=found.openapi_schema, official=True
    )
