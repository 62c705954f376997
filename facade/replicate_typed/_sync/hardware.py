"""Hardware: what models can run on.

Written by scripts/unasync from _async/hardware.py: edit that file.
"""

from __future__ import annotations

from typing import cast

import httpx
from replicate_api.api.hardware import hardware_list
from replicate_api.models.hardware import Hardware

from replicate_typed._effects import Send
from replicate_typed._errors import InvalidResponseError
from replicate_typed._responses import parse_json, read_model
from replicate_typed._sync.resource import Resource


class HardwareOptions(Resource):
    """The hardware models and deployments can run on."""

    def list(self) -> list[Hardware]:
        """Every hardware option, with the SKU to pass as ``hardware``."""
        core = self._runner.core
        request = Send("hardware.list", hardware_list.request_args())
        return self._runner.perform(core.fetch(request, _hardware))


def _hardware(response: httpx.Response) -> list[Hardware]:
    data = parse_json(response, "hardware.list")
    if not isinstance(data, list):
        raise InvalidResponseError(
            "hardware.list did not return a list",
            status=response.status_code,
            operation="hardware.list",
            body=response.text,
        )
    return [
        read_model(response, Hardware, item, "hardware.list", where=f"[{index}]")
        for index, item in enumerate(cast(list[object], data))
    ]
