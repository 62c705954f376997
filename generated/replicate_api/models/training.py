"""Training: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.training_source import TrainingSource
from ..models.training_status import TrainingStatus
from ..types import JSON, UnknownValue
from ..types import bad_timestamp as _bad_timestamp
from ..types import mismatch as _mismatch
from ..types import open_value as _open_value

_TRAINING_SOURCE_BY_VALUE: dict[str, TrainingSource] = {
    member.value: member for member in TrainingSource
}
_TRAINING_STATUS_BY_VALUE: dict[str, TrainingStatus] = {
    member.value: member for member in TrainingStatus
}
_FIELDS: frozenset[str] = frozenset(
    (
        "created_at",
        "id",
        "input",
        "status",
        "version",
        "completed_at",
        "error",
        "logs",
        "metrics",
        "model",
        "output",
        "source",
        "started_at",
        "urls",
    )
)


@_attrs_define
class Training:
    """One fine-tuning run that turns a model version and training inputs into new weights.

    Attributes:
        created_at: When the training was submitted.
        id: Unique identifier of the training.
        input_: Inputs given to train().
        status: Lifecycle state; canceled = halted while running (by request or deadline),
            aborted = never started.
        version: Starting version ID.
        completed_at: When the training run ended.
        error: What went wrong, on failure.
        logs: Text printed while training.
        metrics: Run timings.
        model: Base model that was trained, as owner/name.
        output: Results of a finished training.
        source: Origin: web or api.
        started_at: When training work began.
        urls: API links related to this training.
        additional_properties: Fields the API sent that this release does not declare.
    """

    created_at: datetime.datetime
    """ When the training was submitted. """
    id: str
    """ Unique identifier of the training. """
    input_: dict[str, JSON]
    """ Inputs given to train(). """
    status: TrainingStatus | UnknownValue
    """ Lifecycle state; canceled = halted while running (by request or deadline), aborted = never started. """
    version: str
    """ Starting version ID. """
    completed_at: datetime.datetime | None = None
    """ When the training run ended. """
    error: str | None = None
    """ What went wrong, on failure. """
    logs: str | None = None
    """ Text printed while training. """
    metrics: TrainingMetrics | None = None
    """ Run timings. """
    model: str | None = None
    """ Base model that was trained, as owner/name. """
    output: TrainingOutput | None = None
    """ Results of a finished training. """
    source: TrainingSource | UnknownValue | None = None
    """ Origin: web or api. """
    started_at: datetime.datetime | None = None
    """ When training work began. """
    urls: TrainingUrls | None = None
    """ API links related to this training. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["id"] = self.id
        field_dict["input"] = dict(self.input_)
        field_dict["status"] = str(self.status)
        field_dict["version"] = self.version
        if self.completed_at is not None:
            field_dict["completed_at"] = self.completed_at.isoformat()
        if self.error is not None:
            field_dict["error"] = self.error
        if self.logs is not None:
            field_dict["logs"] = self.logs
        if self.metrics is not None:
            field_dict["metrics"] = self.metrics.to_dict()
        if self.model is not None:
            field_dict["model"] = self.model
        if self.output is not None:
            field_dict["output"] = self.output.to_dict()
        if self.source is not None:
            field_dict["source"] = str(self.source)
        if self.started_at is not None:
            field_dict["started_at"] = self.started_at.isoformat()
        if self.urls is not None:
            field_dict["urls"] = self.urls.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        created_at: datetime.datetime
        _value = src_dict["created_at"]
        try:
            created_at = datetime.datetime.fromisoformat(_value)
        except (TypeError, ValueError):
            raise _bad_timestamp("created_at", _value) from None
        id: str
        _value = src_dict["id"]
        if not (isinstance(_value, str)):
            raise _mismatch("id", "a string", _value)
        id = _value
        input_: dict[str, JSON]
        _value = src_dict["input"]
        if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
            raise _mismatch("input", "an object", _value)
        input_ = dict(_value)
        status: TrainingStatus | UnknownValue
        _value = src_dict["status"]
        if not (isinstance(_value, str)):
            raise _mismatch("status", "a string", _value)
        status = _TRAINING_STATUS_BY_VALUE.get(_value) or _open_value(_value, "status")
        version: str
        _value = src_dict["version"]
        if not (isinstance(_value, str)):
            raise _mismatch("version", "a string", _value)
        version = _value
        completed_at: datetime.datetime | None
        _value = _get("completed_at")
        if _value is None:
            completed_at = None
        else:
            try:
                completed_at = datetime.datetime.fromisoformat(_value)
            except (TypeError, ValueError):
                raise _bad_timestamp("completed_at", _value) from None
        error: str | None
        _value = _get("error")
        if _value is None:
            error = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("error", "a string", _value)
            error = _value
        logs: str | None
        _value = _get("logs")
        if _value is None:
            logs = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("logs", "a string", _value)
            logs = _value
        metrics: TrainingMetrics | None
        _value = _get("metrics")
        if _value is None:
            metrics = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("metrics", "an object", _value)
            metrics = TrainingMetrics.from_dict(_value)
        model: str | None
        _value = _get("model")
        if _value is None:
            model = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("model", "a string", _value)
            model = _value
        output: TrainingOutput | None
        _value = _get("output")
        if _value is None:
            output = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("output", "an object", _value)
            output = TrainingOutput.from_dict(_value)
        source: TrainingSource | UnknownValue | None
        _value = _get("source")
        if _value is None:
            source = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("source", "a string", _value)
            source = _TRAINING_SOURCE_BY_VALUE.get(_value) or _open_value(
                _value, "source"
            )
        started_at: datetime.datetime | None
        _value = _get("started_at")
        if _value is None:
            started_at = None
        else:
            try:
                started_at = datetime.datetime.fromisoformat(_value)
            except (TypeError, ValueError):
                raise _bad_timestamp("started_at", _value) from None
        urls: TrainingUrls | None
        _value = _get("urls")
        if _value is None:
            urls = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("urls", "an object", _value)
            urls = TrainingUrls.from_dict(_value)
        _result = cls(
            created_at,
            id,
            input_,
            status,
            version,
            completed_at,
            error,
            logs,
            metrics,
            model,
            output,
            source,
            started_at,
            urls,
        )
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result


# After the class: models that refer to each other find it defined.
from ..models.training_metrics import TrainingMetrics  # noqa: E402
from ..models.training_output import TrainingOutput  # noqa: E402
from ..models.training_urls import TrainingUrls  # noqa: E402
