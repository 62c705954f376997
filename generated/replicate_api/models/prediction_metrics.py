"""PredictionMetrics: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(
    (
        "total_time",
        "predict_time",
        "input_token_count",
        "output_token_count",
        "tokens_per_second",
        "time_to_first_token",
        "image_count",
        "batch_size",
        "predict_time_share",
    )
)


@_attrs_define
class PredictionMetrics:
    """Timing and other measurements recorded for the run.

    Attributes:
        total_time: Seconds from creation to completion.
        predict_time: Seconds the model spent running.
        input_token_count: Tokens in the prompt, for language models.
        output_token_count: Tokens generated, for language models.
        tokens_per_second: Generation speed, for language models.
        time_to_first_token: Seconds until the first token was streamed.
        image_count: Images produced, for image models.
        batch_size: Predictions run together in one batch.
        predict_time_share: This prediction's part of a batch's run time, in seconds.
        additional_properties: Fields the API sent that this release does not declare.
    """

    total_time: float | None = None
    """ Seconds from creation to completion. """
    predict_time: float | None = None
    """ Seconds the model spent running. """
    input_token_count: int | None = None
    """ Tokens in the prompt, for language models. """
    output_token_count: int | None = None
    """ Tokens generated, for language models. """
    tokens_per_second: float | None = None
    """ Generation speed, for language models. """
    time_to_first_token: float | None = None
    """ Seconds until the first token was streamed. """
    image_count: int | None = None
    """ Images produced, for image models. """
    batch_size: float | None = None
    """ Predictions run together in one batch. """
    predict_time_share: float | None = None
    """ This prediction's part of a batch's run time, in seconds. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.total_time is not None:
            field_dict["total_time"] = self.total_time
        if self.predict_time is not None:
            field_dict["predict_time"] = self.predict_time
        if self.input_token_count is not None:
            field_dict["input_token_count"] = self.input_token_count
        if self.output_token_count is not None:
            field_dict["output_token_count"] = self.output_token_count
        if self.tokens_per_second is not None:
            field_dict["tokens_per_second"] = self.tokens_per_second
        if self.time_to_first_token is not None:
            field_dict["time_to_first_token"] = self.time_to_first_token
        if self.image_count is not None:
            field_dict["image_count"] = self.image_count
        if self.batch_size is not None:
            field_dict["batch_size"] = self.batch_size
        if self.predict_time_share is not None:
            field_dict["predict_time_share"] = self.predict_time_share
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        total_time: float | None
        _value = _get("total_time")
        if _value is None:
            total_time = None
        else:
            if not (type(_value) is float or type(_value) is int):
                raise _mismatch("total_time", "a number", _value)
            total_time = _value
        predict_time: float | None
        _value = _get("predict_time")
        if _value is None:
            predict_time = None
        else:
            if not (type(_value) is float or type(_value) is int):
                raise _mismatch("predict_time", "a number", _value)
            predict_time = _value
        input_token_count: int | None
        _value = _get("input_token_count")
        if _value is None:
            input_token_count = None
        else:
            if not (type(_value) is int):
                raise _mismatch("input_token_count", "an integer", _value)
            input_token_count = _value
        output_token_count: int | None
        _value = _get("output_token_count")
        if _value is None:
            output_token_count = None
        else:
            if not (type(_value) is int):
                raise _mismatch("output_token_count", "an integer", _value)
            output_token_count = _value
        tokens_per_second: float | None
        _value = _get("tokens_per_second")
        if _value is None:
            tokens_per_second = None
        else:
            if not (type(_value) is float or type(_value) is int):
                raise _mismatch("tokens_per_second", "a number", _value)
            tokens_per_second = _value
        time_to_first_token: float | None
        _value = _get("time_to_first_token")
        if _value is None:
            time_to_first_token = None
        else:
            if not (type(_value) is float or type(_value) is int):
                raise _mismatch("time_to_first_token", "a number", _value)
            time_to_first_token = _value
        image_count: int | None
        _value = _get("image_count")
        if _value is None:
            image_count = None
        else:
            if not (type(_value) is int):
                raise _mismatch("image_count", "an integer", _value)
            image_count = _value
        batch_size: float | None
        _value = _get("batch_size")
        if _value is None:
            batch_size = None
        else:
            if not (type(_value) is float or type(_value) is int):
                raise _mismatch("batch_size", "a number", _value)
            batch_size = _value
        predict_time_share: float | None
        _value = _get("predict_time_share")
        if _value is None:
            predict_time_share = None
        else:
            if not (type(_value) is float or type(_value) is int):
                raise _mismatch("predict_time_share", "a number", _value)
            predict_time_share = _value
        _result = cls(
            total_time,
            predict_time,
            input_token_count,
            output_token_count,
            tokens_per_second,
            time_to_first_token,
            image_count,
            batch_size,
            predict_time_share,
        )
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
