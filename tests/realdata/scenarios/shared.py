"""What several resources' scenarios share: the models, inputs and create responses they reuse.

SDXL and Llama 2 turn up in predictions, runs, models, deployments and
trainings alike; defining them once keeps one spelling of each id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SDXL = "stability-ai/sdxl"
SDXL_VERSION = "39ed52f2a78e934b3ba6e2a89f5b1c712de7dfea535525255b1aa35c5565e08b"
CORGI = {
    "prompt": "a studio photo of a rainbow colored corgi",
    "width": 512,
    "height": 512,
    "seed": 42069,
}
LLAMA_2 = "meta/llama-2-70b-chat"


def created(
    prediction_id: str, status: str = "starting", more: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A just-created prediction: its id and status, and no ``urls.web``.

    The API sent no ``data_removed`` (nor ``output``) in a create response
    before 2024-10; ``more`` adds or overrides expectations.
    """
    return {
        "id": prediction_id,
        "status": status,
        "urls.web": None,
        "data_removed": None,
        **(more or {}),
    }
