from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.training_source import TrainingSource
from ..models.training_status import TrainingStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.training_input import TrainingInput
    from ..models.training_metrics import TrainingMetrics
    from ..models.training_output import TrainingOutput
    from ..models.training_urls import TrainingUrls


T = TypeVar("T", bound="Training")


@_attrs_define
class Training:
    completed_at: datetime.datetime | None | Unset = UNSET
    """ When the training run ended. """
    created_at: datetime.datetime | Unset = UNSET
    """ When the training was submitted. """
    error: None | str | Unset = UNSET
    """ What went wrong, on failure. """
    id: str | Unset = UNSET
    """ Unique identifier of the training. """
    input_: TrainingInput | Unset = UNSET
    """ Inputs given to train(). """
    logs: str | Unset = UNSET
    """ Text printed while training. """
    metrics: TrainingMetrics | Unset = UNSET
    """ Run timings. """
    model: str | Unset = UNSET
    """ Base model that was trained, as owner/name. """
    output: None | TrainingOutput | Unset = UNSET
    """ Results of a finished training. """
    source: str | TrainingSource | Unset = UNSET
    """ Origin: web or api. """
    started_at: datetime.datetime | None | Unset = UNSET
    """ When training work began. """
    status: str | TrainingStatus | Unset = UNSET
    """ Lifecycle state; canceled = halted while running (by request or deadline), aborted = never started. """
    urls: TrainingUrls | Unset = UNSET
    """ API links related to this training. """
    version: str | Unset = UNSET
    """ Starting version ID. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        id = self.id

        input_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_, Unset):
            input_ = self.input_.to_dict()

        logs = self.logs

        metrics: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = self.metrics.to_dict()

        model = self.model

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, TrainingOutput):
            output = self.output.to_dict()
        else:
            output = self.output

        source: str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, TrainingSource):
            source = self.source.value
        else:
            source = self.source

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, TrainingStatus):
            status = self.status.value
        else:
            status = self.status

        urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urls, Unset):
            urls = self.urls.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if error is not UNSET:
            field_dict["error"] = error
        if id is not UNSET:
            field_dict["id"] = id
        if input_ is not UNSET:
            field_dict["input"] = input_
        if logs is not UNSET:
            field_dict["logs"] = logs
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if model is not UNSET:
            field_dict["model"] = model
        if output is not UNSET:
            field_dict["output"] = output
        if source is not UNSET:
            field_dict["source"] = source
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if status is not UNSET:
            field_dict["status"] = status
        if urls is not UNSET:
            field_dict["urls"] = urls
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("datetime.datetime | None | Unset", data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        error = _parse_error(d.pop("error", UNSET))

        id = d.pop("id", UNSET)

        _input_ = d.pop("input", UNSET)
        input_: TrainingInput | Unset
        if isinstance(_input_, Unset):
            input_ = UNSET
        else:
            input_ = TrainingInput.from_dict(_input_)

        logs = d.pop("logs", UNSET)

        _metrics = d.pop("metrics", UNSET)
        metrics: TrainingMetrics | Unset
        if isinstance(_metrics, Unset):
            metrics = UNSET
        else:
            metrics = TrainingMetrics.from_dict(_metrics)

        model = d.pop("model", UNSET)

        def _parse_output(data: object) -> None | TrainingOutput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = TrainingOutput.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | TrainingOutput | Unset", data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_source(data: object) -> str | TrainingSource | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = TrainingSource(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("str | TrainingSource | Unset", data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("datetime.datetime | None | Unset", data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_status(data: object) -> str | TrainingStatus | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = TrainingStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("str | TrainingStatus | Unset", data)

        status = _parse_status(d.pop("status", UNSET))

        _urls = d.pop("urls", UNSET)
        urls: TrainingUrls | Unset
        if isinstance(_urls, Unset):
            urls = UNSET
        else:
            urls = TrainingUrls.from_dict(_urls)

        version = d.pop("version", UNSET)

        training = cls(
            completed_at=completed_at,
            created_at=created_at,
            error=error,
            id=id,
            input_=input_,
            logs=logs,
            metrics=metrics,
            model=model,
            output=output,
            source=source,
            started_at=started_at,
            status=status,
            urls=urls,
            version=version,
        )

        training.additional_properties = d
        return training

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# After the class, not inside its methods: modules that import each other find it defined.
from ..models.training_input import TrainingInput  # noqa: E402
from ..models.training_metrics import TrainingMetrics  # noqa: E402
from ..models.training_output import TrainingOutput  # noqa: E402
from ..models.training_urls import TrainingUrls  # noqa: E402
