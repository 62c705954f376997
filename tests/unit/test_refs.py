"""Model references (pure, no HTTP)."""

from __future__ import annotations

import pytest
from replicate_typed import Model, Version
from replicate_typed._refs import DeploymentRef, ModelVersion, OfficialModel, parse, resolve

from tests.support import payloads
from tests.support.payloads import VERSION_ID


@pytest.mark.parametrize(
    ("ref", "target"),
    [
        ("black-forest-labs/flux-schnell", OfficialModel("black-forest-labs", "flux-schnell")),
        ("meta/meta-llama-3.1-405b", OfficialModel("meta", "meta-llama-3.1-405b")),
        (f"replicate/hello-world:{VERSION_ID}", ModelVersion(VERSION_ID)),
        (VERSION_ID, ModelVersion(VERSION_ID)),
    ],
)
def test_string_forms(ref: str, target: object) -> None:
    assert parse(ref) == target


@pytest.mark.parametrize(
    "ref",
    [
        "",
        "flux",
        "a/b/c",
        "/b",
        "a/",
        "a b/c",
        f"owner/name:{VERSION_ID[:-1]}",
        f"owner/name:{VERSION_ID.upper()}",
        VERSION_ID + "0",
        "owner/name:",
    ],
)
def test_invalid_strings_name_the_value_and_the_forms(ref: str) -> None:
    with pytest.raises(ValueError, match=f"invalid model reference {ref!r}: expected 'owner/name'"):
        parse(ref)


def test_objects_and_deployments() -> None:
    assert resolve(Version.from_dict(payloads.version()), None) == ModelVersion(VERSION_ID)
    official = Model.from_dict(payloads.model("acme", "flux", is_official=True))
    assert resolve(official, None) == OfficialModel("acme", "flux")
    assert resolve(Model.from_dict(payloads.model()), None) == ModelVersion(VERSION_ID)
    assert resolve(None, "acme/app") == DeploymentRef("acme", "app")


def test_a_model_without_a_way_to_run_it_is_refused() -> None:
    versionless = Model.from_dict(payloads.model("acme", "empty", latest_version=None))

    with pytest.raises(ValueError, match="acme/empty is not official and has no latest version"):
        resolve(versionless, None)


def test_wrong_types_are_refused() -> None:
    with pytest.raises(TypeError, match="not int"):
        resolve(42, None)  # type: ignore[arg-type]
