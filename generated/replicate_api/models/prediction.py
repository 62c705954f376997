"""Prediction: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.prediction_source import PredictionSource
from ..models.prediction_status import PredictionStatus
from ..types import JSON, UnknownValue
from ..types import bad_timestamp as _bad_timestamp
from ..types import mismatch as _mismatch
from ..types import open_value as _open_value

_PREDICTION_SOURCE_BY_VALUE: dict[str, PredictionSource] = {
    member.value: member for member in PredictionSource
}
_PREDICTION_STATUS_BY_VALUE: dict[str, PredictionStatus] = {
    member.value: member for member in PredictionStatus
}
_FIELDS: frozenset[str] = frozenset(
    (
        "created_at",
        "error",
        "id",
        "input",
        "status",
        "version",
        "completed_at",
        "data_removed",
        "deadline",
        "deployment",
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
class Prediction:
    """One run of a model on one set of inputs: its state, inputs, output and timings.

    Attributes:
        created_at: When the prediction was submitted.
        error: Failure message; set only when status is failed.
        id: Unique identifier of the prediction.
        input_: Inputs the prediction was run with.
        status: Lifecycle state; canceled = halted while running (by request or deadline),
            aborted = never started.
        version: Version ID, or hidden for official models.
        completed_at: Finish time, with outputs stored.
        data_removed: True once the inputs and outputs have been purged.
        deadline: Moment at which an unfinished prediction gets stopped automatically.
        deployment: Deployment used, if any.
        logs: Text the model printed while running.
        metrics: Timing and other measurements recorded for the run.
        model: Model used, as owner/name.
        output: Result produced by the model; its JSON shape varies per model.
        source: Origin: web or api.
        started_at: Start of model execution.
        urls: API and web links related to this prediction.
        additional_properties: Fields the API sent that this release does not declare.
    """

    created_at: datetime.datetime
    """ When the prediction was submitted. """
    error: str | None
    """ Failure message; set only when status is failed. """
    id: str
    """ Unique identifier of the prediction. """
    input_: dict[str, JSON]
    """ Inputs the prediction was run with. """
    status: PredictionStatus | UnknownValue
    """ Lifecycle state; canceled = halted while running (by request or deadline), aborted = never started. """
    version: str
    """ Version ID, or hidden for official models. """
    completed_at: datetime.datetime | None = None
    """ Finish time, with outputs stored. """
    data_removed: bool | None = None
    """ True once the inputs and outputs have been purged. """
    deadline: datetime.datetime | None = None
    """ Moment at which an unfinished prediction gets stopped automatically. """
    deployment: str | None = None
    """ Deployment used, if any. """
    logs: str | None = None
    """ Text the model printed while running. """
    metrics: PredictionMetrics | None = None
    """ Timing and other measurements recorded for the run. """
    model: str | None = None
    """ Model used, as owner/name. """
    output: JSON = None
    """ Result produced by the model; its JSON shape varies per model. """
    source: PredictionSource | UnknownValue | None = None
    """ Origin: web or api. """
    started_at: datetime.datetime | None = None
    """ Start of model execution. """
    urls: PredictionUrls | None = None
    """ API and web links related to this prediction. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["error"] = None if self.error is None else self.error
        field_dict["id"] = self.id
        field_dict["input"] = dict(self.input_)
        field_dict["status"] = str(self.status)
        field_dict["version"] = self.version
        if self.completed_at is not None:
            field_dict["completed_at"] = self.completed_at.isoformat()
        if self.data_removed is not None:
            field_dict["data_removed"] = self.data_removed
        if self.deadline is not None:
            field_dict["deadline"] = self.deadline.isoformat()
        if self.deployment is not None:
            field_dict["deployment"] = self.deployment
        if self.logs is not None:
            field_dict["logs"] = self.logs
        if self.metrics is not None:
            field_dict["metrics"] = self.metrics.to_dict()
        if self.model is not None:
            field_dict["model"] = self.model
        if self.output is not None:
            field_dict["output"] = self.output
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
        error: str | None
        _value = src_dict["error"]
        if _value is None:
            error = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("error", "a string", _value)
            error = _value
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
        status: PredictionStatus | UnknownValue
        _value = src_dict["status"]
        if not (isinstance(_value, str)):
            raise _mismatch("status", "a string", _value)
        status = _PREDICTION_STATUS_BY_VALUE.get(_value) or _open_value(
            _value, "status"
        )
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
        data_removed: bool | None
        _value = _get("data_removed")
        if _value is None:
            data_removed = None
        else:
            if not (_value is True or _value is False):
                raise _mismatch("data_removed", "a boolean", _value)
            data_removed = _value
        deadline: datetime.datetime | None
        _value = _get("deadline")
        if _value is None:
            deadline = None
        else:
            try:
                deadline = datetime.datetime.fromisoformat(_value)
            except (TypeError, ValueError):
                raise _bad_timestamp("deadline", _value) from None
        deployment: str | None
        _value = _get("deployment")
        if _value is None:
            deployment = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("deployment", "a string", _value)
            deployment = _value
        logs: str | None
        _value = _get("logs")
        if _value is None:
            logs = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("logs", "a string", _value)
            logs = _value
        metrics: PredictionMetrics | None
        _value = _get("metrics")
        if _value is None:
            metrics = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("metrics", "an object", _value)
            metrics = PredictionMetrics.from_dict(_value)
        model: str | None
        _value = _get("model")
        if _value is None:
            model = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("model", "a string", _value)
            model = _value
        output: JSON
        _value = _get("output")
        output = _value
        source: PredictionSource | UnknownValue | None
        _value = _get("source")
        if _value is None:
            source = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("source", "a string", _value)
            source = _PREDICTION_SOURCE_BY_VALUE.get(_value) or _open_value(
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
        urls: PredictionUrls | None
        _value = _get("urls")
        if _value is None:
            urls = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("urls", "an object", _value)
            urls = PredictionUrls.from_dict(_value)
        _result = cls(
            created_at,
            error,
            id,
            input_,
            status,
            version,
            completed_at,
            data_removed,
            deadline,
            deployment,
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
from ..models.prediction_metrics import PredictionMetrics  # noqa: E402
from ..models.prediction_urls import PredictionUrls  # noqa: E402
