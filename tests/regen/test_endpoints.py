"""Each generated endpoint module states its operation and builds its request publicly."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import replicate_api.api
from regenerate.spec import load, operations

from tests.support.spec import ROOT


def _endpoint_modules() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for tag in pkgutil.iter_modules(replicate_api.api.__path__):
        package = importlib.import_module(f"replicate_api.api.{tag.name}")
        for module in pkgutil.iter_modules(package.__path__):
            name = f"replicate_api.api.{tag.name}.{module.name}"
            found[name] = importlib.import_module(name)
    return found


def test_every_endpoint_module_states_its_operation_and_builds_requests_publicly() -> None:
    modules = _endpoint_modules()
    stated = {(m.METHOD, m.PATH) for m in modules.values()}
    spec = load(ROOT / "openapi.json")
    generated = {(op.method, op.path) for op in operations(spec) if op.method != "query"}

    assert stated == generated
    for name, module in modules.items():
        assert callable(getattr(module, "request_args", None)), name
        assert not hasattr(module, "_get_kwargs"), name
        assert (module.request_args.__doc__ or "").startswith(
            "The keyword arguments of ``httpx.Client.request``"
        ), name


def test_request_args_builds_the_request_the_module_states() -> None:
    from replicate_api.api.predictions import predictions_get, predictions_list

    assert predictions_get.request_args("a/b") == {
        "method": "get",
        "url": "/predictions/a%2Fb",
    }
    assert predictions_list.request_args()["url"] == predictions_list.PATH
