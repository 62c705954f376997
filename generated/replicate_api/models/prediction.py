from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.prediction_source import PredictionSource
from ..models.prediction_status import PredictionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prediction_input import PredictionInput
    from ..models.prediction_metrics import PredictionMetrics
    from ..models.prediction_urls import PredictionUrls


T = TypeVar("T", bound="Prediction")


@_attrs_define
class Prediction:
    created_at: datetime.datetime
    """ When the prediction was submitted. """
    data_removed: bool
    """ True once the inputs and outputs have been purged. """
    error: None | str
    """ Failure message; set only when status is failed. """
    id: str
    """ Unique identifier of the prediction. """
    input_: PredictionInput
    """ Inputs the prediction was run with. """
    model: str
    """ Model used, as owner/name. """
    output: Any
    """ Result produced by the model; its JSON shape varies per model. """
    status: PredictionStatus | str
    """ Lifecycle state; canceled = halted while running (by request or deadline), aborted = never started. """
    urls: PredictionUrls
    """ API and web links related to this prediction. """
    version: str
    """ Version ID, or hidden for official models. """
    completed_at: datetime.datetime | None | Unset = UNSET
    """ Finish time, with outputs stored. """
    deadline: datetime.datetime | Unset = UNSET
    """ Moment at which an unfinished prediction gets stopped automatically. """
    deployment: str | Unset = UNSET
    """ Deployment used, if any. """
    logs: str | Unset = UNSET
    """ Text the model printed while running. """
    metrics: PredictionMetrics | Unset = UNSET
    """ Timing and other measurements recorded for the run. """
    source: PredictionSource | str | Unset = UNSET
    """ Origin: web or api. """
    started_at: datetime.datetime | None | Unset = UNSET
    """ Start of model execution. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        data_removed = self.data_removed

        error: None | str
        error = self.error

        id = self.id

        input_ = self.input_.to_dict()

        model = self.model

        output = self.output

        status: str
        if isinstance(self.status, PredictionStatus):
            status = self.status.value
        else:
            status = self.status

        urls = self.urls.to_dict()

        version = self.version

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        deadline: str | Unset = UNSET
        if not isinstance(self.deadline, Unset):
            deadline = self.deadline.isoformat()

        deployment = self.deployment

        logs = self.logs

        metrics: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = self.metrics.to_dict()

        source: str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, PredictionSource):
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "data_removed": data_removed,
                "error": error,
                "id": id,
                "input": input_,
                "model": model,
                "output": output,
                "status": status,
                "urls": urls,
                "version": version,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if deployment is not UNSET:
            field_dict["deployment"] = deployment
        if logs is not UNSET:
            field_dict["logs"] = logs
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if source is not UNSET:
            field_dict["source"] = source
        if started_at is not UNSET:
            field_dict["started_at"] = started_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        data_removed = d.pop("data_removed")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast("None | str", data)

        error = _parse_error(d.pop("error"))

        id = d.pop("id")

        input_ = PredictionInput.from_dict(d.pop("input"))

        model = d.pop("model")

        output = d.pop("output")

        def _parse_status(data: object) -> PredictionStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = PredictionStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("PredictionStatus | str", data)

        status = _parse_status(d.pop("status"))

        urls = PredictionUrls.from_dict(d.pop("urls"))

        version = d.pop("version")

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

        _deadline = d.pop("deadline", UNSET)
        deadline: datetime.datetime | Unset
        if isinstance(_deadline, Unset):
            deadline = UNSET
        else:
            deadline = datetime.datetime.fromisoformat(_deadline)

        deployment = d.pop("deployment", UNSET)

        logs = d.pop("logs", UNSET)

        _metrics = d.pop("metrics", UNSET)
        metrics: PredictionMetrics | Unset
        if isinstance(_metrics, Unset):
            metrics = UNSET
        else:
            metrics = PredictionMetrics.from_dict(_metrics)

        def _parse_source(data: object) -> PredictionSource | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = PredictionSource(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("PredictionSource | str | Unset", data)

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

        prediction = cls(
            created_at=created_at,
            data_removed=data_removed,
            error=error,
            id=id,
            input_=input_,
            model=model,
            output=output,
            status=status,
            urls=urls,
            version=version,
            completed_at=completed_at,
            deadline=deadline,
            deployment=deployment,
            logs=logs,
            metrics=metrics,
            source=source,
            started_at=started_at,
        )

        prediction.additional_properties = d
        return prediction

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
from ..models.prediction_input import PredictionInput  # noqa: E402
from ..models.prediction_metrics import PredictionMetrics  # noqa: E402
from ..models.prediction_urls import PredictionUrls  # noqa: E402
