"""The public surface of replicate_typed is exactly its sorted __all__."""

from __future__ import annotations

import subprocess
import sys

import pytest
import replicate_typed


def test_all_is_sorted_and_complete() -> None:
    assert replicate_typed.__all__ == sorted(replicate_typed.__all__, key=_ruff_order)
    assert dir(replicate_typed) == sorted(replicate_typed.__all__)
    for name in replicate_typed.__all__:
        assert getattr(replicate_typed, name) is not None  # each lazy name resolves
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = replicate_typed.Nope  # type: ignore[attr-defined]


def test_importing_the_package_loads_neither_httpx_nor_every_model() -> None:
    code = (
        "import sys, replicate_typed; from replicate_typed import Prediction; "
        "print(sorted(m for m in sys.modules if m.startswith(('httpx', 'replicate_api.models.'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout

    assert "httpx" not in loaded
    assert "replicate_api.models.prediction'" in loaded
    assert "replicate_api.models.training'" not in loaded


def test_sync_and_async_clients_offer_the_same_methods() -> None:
    def methods(cls: type) -> set[str]:
        return {name for name in vars(cls) if not name.startswith("__")}

    assert methods(replicate_typed.Replicate) - {"close"} == (
        methods(replicate_typed.AsyncReplicate) - {"aclose"}
    )
    assert methods(replicate_typed.Predictions) == methods(replicate_typed.AsyncPredictions)


def _ruff_order(name: str) -> tuple[int, str]:
    # ruff's RUF022 "isort-style": SCREAMING_CASE, then CamelCase, then the rest.
    if name.isupper():
        return 0, name
    return (1, name) if name[:1].isupper() else (2, name)
