"""The public surface of replicate_typed is exactly its sorted __all__."""

from __future__ import annotations

import types

import replicate_typed


def test_all_is_sorted_and_complete() -> None:
    exported = set(replicate_typed.__all__)
    public = {
        name
        for name, value in vars(replicate_typed).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }

    assert replicate_typed.__all__ == sorted(replicate_typed.__all__, key=_ruff_order)
    assert public == exported - {"__version__"}


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
