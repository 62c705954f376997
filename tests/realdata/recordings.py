"""Recorded Replicate traffic: loading the recordings, and reading them the way the SDK does.

The recordings live outside the repository, in ``../shared/realdata/fixtures``
(one JSON file per call sequence; see its README). Each holds ``interactions``:
a request (``method``, ``url``, ``headers``, then ``json`` or ``text``) and the
response the API gave (``status``, ``headers``, ``json`` or ``text``). Requests
flagged ``reconstructed`` were not recorded but rebuilt from the recording
client's source, so only their method, URL and headers are evidence.

``SDK_PARSERS`` says how the SDK reads each operation's 2xx body (the models
the resource modules of ``replicate_typed._async``, and ``_jobs``
choose), and ``mismatches`` compares a parsed result with the JSON it came
from: every field the body has must read back as sent, and every field it
leaves out must read as ``None``, never ``Unset``.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import attrs
import httpx
from replicate_api.models.account import Account
from replicate_api.models.collection import Collection
from replicate_api.models.collection_page import CollectionPage
from replicate_api.models.deployment import Deployment
from replicate_api.models.deployment_page import DeploymentPage
from replicate_api.models.file_page import FilePage
from replicate_api.models.file_resource import FileResource
from replicate_api.models.model import Model
from replicate_api.models.model_page import ModelPage
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_example_page import PredictionExamplePage
from replicate_api.models.prediction_page import PredictionPage
from replicate_api.models.search_results import SearchResults
from replicate_api.models.training import Training
from replicate_api.models.training_page import TrainingPage
from replicate_api.models.version import Version
from replicate_api.models.version_page import VersionPage
from replicate_api.models.webhook_secret import WebhookSecret
from replicate_api.types import Unset
from replicate_typed._async.hardware import _hardware
from replicate_typed._responses import FromDict, parse_model
from replicate_typed.testing import _spec

#: Where the recordings are: ``../shared/realdata/fixtures`` beside the repository,
#: or REPLICATE_REALDATA_FIXTURES.
FIXTURES = Path(
    os.environ.get(
        "REPLICATE_REALDATA_FIXTURES",
        Path(__file__).resolve().parents[3] / "shared" / "realdata" / "fixtures",
    )
)
API = "https://api.replicate.com/v1"
API_HOST = "api.replicate.com"

BodyKind = Literal["json", "text", "none"]


@dataclass(frozen=True)
class RecordedRequest:
    """What the recording client sent (or, when ``reconstructed``, would have sent)."""

    method: str
    url: str
    #: Header names lower-cased.
    headers: Mapping[str, str]
    body_kind: BodyKind
    body: Any
    reconstructed: bool


@dataclass(frozen=True)
class RecordedResponse:
    """What the API answered."""

    status: int
    headers: Mapping[str, str]
    body_kind: BodyKind
    body: Any

    @property
    def is_success(self) -> bool:
        return 200 <= self.status < 300

    def to_httpx(self, request: httpx.Request | None = None) -> httpx.Response:
        """The response as httpx would have received it."""
        headers = {
            name: value
            for name, value in self.headers.items()
            if name not in ("content-length", "content-encoding", "transfer-encoding")
        }
        if self.body_kind == "json":
            content = json.dumps(self.body).encode()
        elif self.body_kind == "text":
            content = str(self.body).encode()
        else:
            content = b""
        return httpx.Response(self.status, headers=headers, content=content, request=request)


@dataclass(frozen=True)
class Interaction:
    """One request and its response, at ``index`` in its recording."""

    recording: str
    index: int
    request: RecordedRequest
    response: RecordedResponse

    @property
    def key(self) -> str:
        """The test id: ``rpy-predictions-get#1``."""
        return f"{self.recording}#{self.index}"

    @property
    def operation(self) -> str | None:
        """The API operation the request is (None for a URL outside the API, e.g. a stream)."""
        return operation_of(self.request.method, self.request.url)


@dataclass(frozen=True)
class Recording:
    """One recorded call sequence."""

    id: str
    kind: str
    path: Path
    interactions: tuple[Interaction, ...]


def _body(message: Mapping[str, Any]) -> tuple[BodyKind, Any]:
    if "json" in message:
        return "json", message["json"]
    if "text" in message:
        return "text", message["text"]
    return "none", None


def _lower(headers: Mapping[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def load(path: Path) -> Recording:
    """Read one recording file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["id"] != path.stem:
        raise ValueError(f"{path.name} says its id is {data['id']!r}")
    interactions: list[Interaction] = []
    for index, item in enumerate(data["interactions"]):
        request, response = item["request"], item["response"]
        request_kind, request_body = _body(request)
        response_kind, response_body = _body(response)
        interactions.append(
            Interaction(
                recording=path.stem,
                index=index,
                request=RecordedRequest(
                    method=request["method"],
                    url=request["url"],
                    headers=_lower(request.get("headers", {})),
                    body_kind=request_kind,
                    body=request_body,
                    reconstructed=bool(request.get("reconstructed", False)),
                ),
                response=RecordedResponse(
                    status=response["status"],
                    headers=_lower(response.get("headers", {})),
                    body_kind=response_kind,
                    body=response_body,
                ),
            )
        )
    return Recording(data["id"], data["kind"], path, tuple(interactions))


def fixture_files() -> list[Path]:
    """Every recording file in the directory; an absent or empty directory is an error."""
    files = sorted(FIXTURES.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no recordings in {FIXTURES}: the realdata tests need them")
    return files


@functools.cache
def recordings() -> tuple[Recording, ...]:
    """Every recording, by file name."""
    return tuple(load(path) for path in fixture_files())


def recording(recording_id: str) -> Recording:
    """The recording with this id (its file name without ``.json``)."""
    for found in recordings():
        if found.id == recording_id:
            return found
    raise KeyError(recording_id)


def interactions() -> list[Interaction]:
    """Every interaction of every recording, in order."""
    return [item for found in recordings() for item in found.interactions]


def operation_of(method: str, url: str) -> str | None:
    """The operationId a request is for, matched against the shipped spec."""
    parsed = httpx.URL(url)
    if parsed.host != API_HOST or not parsed.path.startswith("/v1/"):
        return None
    found = _spec.match(method.upper(), parsed.path.removeprefix("/v1"))
    return None if found is None else found[0].operation_id


# -- how the SDK reads each operation's success body ------------------------------------

#: The generated model the SDK parses each operation's 2xx JSON body with.
SDK_MODELS: dict[str, FromDict[object]] = {
    "account.get": Account,
    "collections.get": Collection,
    "collections.list": CollectionPage,
    "deployments.create": Deployment,
    "deployments.get": Deployment,
    "deployments.list": DeploymentPage,
    "deployments.update": Deployment,
    "deployments.predictions.create": Prediction,
    "files.create": FileResource,
    "files.get": FileResource,
    "files.list": FilePage,
    "models.create": Model,
    "models.get": Model,
    "models.update": Model,
    "models.list": ModelPage,
    # QUERY /models: lowlevel/models_search.py parses the reply into ModelPage.
    "models.search": ModelPage,
    "models.examples.list": PredictionExamplePage,
    "models.predictions.create": Prediction,
    "models.versions.get": Version,
    "models.versions.list": VersionPage,
    "predictions.cancel": Prediction,
    "predictions.create": Prediction,
    "predictions.get": Prediction,
    "predictions.list": PredictionPage,
    "search": SearchResults,
    "trainings.cancel": Training,
    "trainings.create": Training,
    "trainings.get": Training,
    "trainings.list": TrainingPage,
    "webhooks.default.secret.get": WebhookSecret,
}


def _parse_hardware(response: httpx.Response, operation: str) -> object:
    # hardware.list is a bare JSON list; the SDK reads it with the hardware resource's own parser.
    return _hardware(response)


def _parser(model: FromDict[object]) -> Callable[[httpx.Response, str], object]:
    return lambda response, operation: parse_model(response, model, operation)


#: How the SDK turns each operation's 2xx response into its typed result.
SDK_PARSERS: dict[str, Callable[[httpx.Response, str], object]] = {
    **{operation: _parser(model) for operation, model in SDK_MODELS.items()},
    "hardware.list": _parse_hardware,
}


def parse_success(interaction: Interaction) -> object:
    """Parse a recorded 2xx JSON response as the SDK does for its operation."""
    operation = interaction.operation
    if operation is None:
        raise AssertionError(f"{interaction.key}: {interaction.request.url} is not an API URL")
    response = interaction.response.to_httpx()
    return SDK_PARSERS[operation](response, operation)


# -- comparing a typed result with the JSON it came from --------------------------------


def json_key(attribute: str) -> str:
    """The JSON name of a generated attribute (``input_`` is "input", ``next_`` is "next")."""
    return attribute.removesuffix("_")


def mismatches(value: object, data: object, path: str = "$") -> list[str]:
    """Where ``value`` (a parsed result) does not read back ``data`` (the JSON it came from).

    Fields the JSON has must hold what it sent (nested models, lists, enums,
    timestamps); fields it leaves out must be ``None``; nothing may be
    ``Unset``; keys the model does not declare must be kept in
    ``additional_properties``.
    """
    if isinstance(value, Unset):
        return [f"{path}: reads Unset"]
    model = type(value)
    if attrs.has(model):
        return _model_mismatches(value, model, data, path)
    if isinstance(value, list):
        items = cast(list[object], value)
        sent_items = cast(list[object], data) if isinstance(data, list) else None
        if sent_items is None or len(items) != len(sent_items):
            return [f"{path}: reads {_short(value)}, the body has {_short(data)}"]
        found: list[str] = []
        for index, (item, sent) in enumerate(zip(items, sent_items, strict=True)):
            found.extend(mismatches(item, sent, f"{path}[{index}]"))
        return found
    if isinstance(value, dict) and isinstance(data, dict):
        fields = cast(dict[object, object], value)
        sent_fields = cast(dict[object, object], data)
        found = []
        for key in sorted(set(fields) | set(sent_fields), key=str):
            if key not in fields or key not in sent_fields:
                side = "the result" if key not in fields else "the body"
                found.append(f"{path}.{key}: missing from {side}")
            else:
                found.extend(mismatches(fields[key], sent_fields[key], f"{path}.{key}"))
        return found
    if isinstance(value, datetime.datetime):
        if not isinstance(data, str) or _seconds(value) != data[:19]:
            return [f"{path}: reads {value.isoformat()}, the body has {data!r}"]
        return []
    if value != data or (value is None) != (data is None):
        return [f"{path}: reads {_short(value)}, the body has {_short(data)}"]
    return []


def _model_mismatches(
    value: object, model: type[attrs.AttrsInstance], data: object, path: str
) -> list[str]:
    if not isinstance(data, dict):
        return [f"{path}: reads a {model.__name__}, the body has {_short(data)}"]
    sent = cast(dict[str, object], data)
    found: list[str] = []
    declared: set[str] = set()
    for field in attrs.fields(model):
        if field.name == "additional_properties":
            continue
        key = json_key(field.name)
        declared.add(key)
        current = getattr(value, field.name)
        where = f"{path}.{key}"
        if key not in sent:
            if current is not None:
                found.append(f"{where}: absent from the body but reads {_short(current)}")
            continue
        found.extend(mismatches(current, sent[key], where))
    extra = getattr(value, "additional_properties", {})
    for key in sorted(set(sent) - declared):
        if key not in extra:
            found.append(f"{path}.{key}: in the body but dropped")
        elif extra[key] != sent[key]:
            found.append(f"{path}.{key}: kept as {_short(extra[key])}, sent {_short(sent[key])}")
    return found


def _seconds(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _short(value: Any) -> str:
    text = "Unset" if isinstance(value, Unset) else repr(value)
    return text if len(text) <= 80 else text[:79] + "…"
