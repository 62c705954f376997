"""Parse what a caller names to run: a model, a version or a deployment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

from replicate_api.models.model import Model
from replicate_api.models.version import Version

#: What ``create``/``run`` accept as the model to run.
ModelReference: TypeAlias = str | Model | Version

_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*"
_VERSION_ID = r"[0-9a-f]{64}"
_OWNER_NAME = re.compile(rf"^({_NAME})/({_NAME})$")
_OWNER_NAME_VERSION = re.compile(rf"^({_NAME})/({_NAME}):({_VERSION_ID})$")
_BARE_VERSION = re.compile(rf"^{_VERSION_ID}$")

_FORMS = (
    "'owner/name' (an official model), 'owner/name:<64-hex version id>', "
    "a bare 64-hex version id, a Model or a Version"
)


@dataclass(frozen=True, slots=True)
class OfficialModel:
    """Run through POST /models/{owner}/{name}/predictions (no version)."""

    owner: str
    name: str


@dataclass(frozen=True, slots=True)
class ModelVersion:
    """Run through POST /predictions with a version id."""

    version_id: str


@dataclass(frozen=True, slots=True)
class DeploymentRef:
    """Run through POST /deployments/{owner}/{name}/predictions."""

    owner: str
    name: str


Target: TypeAlias = OfficialModel | ModelVersion | DeploymentRef


def resolve(ref: ModelReference | None, deployment: str | None) -> Target:
    """Decide which endpoint runs ``ref`` (or ``deployment``); ValueError names a bad value."""
    if deployment is not None:
        if ref is not None:
            raise ValueError(f"pass a model reference or deployment=, not both (got {ref!r})")
        return _deployment(deployment)
    if ref is None:
        raise ValueError("name what to run: a model reference, or deployment='owner/name'")
    if isinstance(ref, Version):
        return ModelVersion(_version_id(ref.id, ref))
    if isinstance(ref, Model):
        return _from_model(ref)
    if not isinstance(ref, str):
        raise TypeError(
            f"model reference must be a str, Model or Version, not {type(ref).__name__}"
        )
    return parse(ref)


def parse(ref: str) -> OfficialModel | ModelVersion:
    """Parse a string reference; ValueError explains the accepted forms."""
    if match := _OWNER_NAME_VERSION.match(ref):
        return ModelVersion(match.group(3))
    if match := _OWNER_NAME.match(ref):
        return OfficialModel(match.group(1), match.group(2))
    if _BARE_VERSION.match(ref):
        return ModelVersion(ref)
    raise ValueError(f"invalid model reference {ref!r}: expected {_FORMS}")


def owner_and_name(text: str, what: str) -> tuple[str, str]:
    """Split "owner/name"; ValueError names ``what`` was wrong (a model, a deployment...)."""
    if not isinstance(text, str) or not (match := _OWNER_NAME.match(text)):
        raise ValueError(f"invalid {what} {text!r}: expected 'owner/name'")
    return match.group(1), match.group(2)


def versioned(ref: str) -> tuple[str, str, str]:
    """Split "owner/name:<version id>", which trainings need; ValueError otherwise."""
    if not isinstance(ref, str) or not (match := _OWNER_NAME_VERSION.match(ref)):
        raise ValueError(
            f"invalid model version {ref!r}: expected 'owner/name:<64-hex version id>'"
        )
    return match.group(1), match.group(2), match.group(3)


def _deployment(name: str) -> DeploymentRef:
    return DeploymentRef(*owner_and_name(name, "deployment"))


def _from_model(model: Model) -> Target:
    owner, name = model.owner, model.name
    if model.is_official is True:
        return OfficialModel(owner, name)
    latest = model.latest_version
    if latest is not None:
        return ModelVersion(_version_id(latest.id, model))
    raise ValueError(f"model {owner}/{name} is not official and has no latest version to run")


def _version_id(value: str, source: object) -> str:
    if isinstance(value, str) and _BARE_VERSION.match(value):
        return value
    raise ValueError(f"{type(source).__name__} has no valid 64-hex version id: {value!r}")
