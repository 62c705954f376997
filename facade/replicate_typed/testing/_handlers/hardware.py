"""hardware.list: a fixed list of hardware SKUs."""

from __future__ import annotations

from replicate_typed.testing._handlers._common import Call, Handler
from replicate_typed.testing._http import FakeResponse, json_response

HARDWARE = [
    {"name": "CPU", "sku": "cpu"},
    {"name": "Nvidia T4 GPU", "sku": "gpu-t4"},
    {"name": "Nvidia L40S GPU", "sku": "gpu-l40s"},
    {"name": "Nvidia A100 (80GB) GPU", "sku": "gpu-a100-large"},
]


def hardware_list(call: Call) -> FakeResponse:
    return json_response(200, HARDWARE)


HANDLERS: dict[str, Handler] = {"hardware.list": hardware_list}
