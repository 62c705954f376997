"""Scenarios for ``models``: created, read, listed a page at a time and searched."""

from __future__ import annotations

from tests.realdata.calls import Call, Scenario
from tests.realdata.scenarios.shared import SDXL, SDXL_VERSION

SCENARIOS: dict[str, Scenario] = {
    "rpy-models-create": Scenario(
        (
            Call(
                "models.create",
                ("test/python-example",),
                {"visibility": "private", "hardware": "cpu", "description": "An example model"},
                expect={
                    "owner": "test",
                    "name": "python-example",
                    "visibility": "private",
                    "run_count": 0,
                    "latest_version": None,
                    "is_official": None,
                },
            ),
        )
    ),
    "rpy-models-get": Scenario(
        (
            Call(
                "models.get",
                (SDXL,),
                expect={"owner": "stability-ai", "name": "sdxl", "latest_version.id": SDXL_VERSION},
            ),
            Call(
                "models.get",
                ("mattt/empty",),
                expect={"owner": "mattt", "name": "empty", "latest_version": None, "run_count": 0},
            ),
        )
    ),
    "rpy-models-list": Scenario(
        (
            Call(
                "models.list",
                pages="first",
                expect={
                    "results.len": 3,
                    "results.0.owner": "catio-apps",
                    "next": "https://api.replicate.com/v1/models?cursor="
                    "cD0yMDIzLTExLTE1KzA1JTNBMDMlM0E0Ny4yMDM5MDMlMkIwMCUzQTAw",
                    "previous": None,
                },
            ),
        )
    ),
    "rpy-models-search": Scenario(
        (
            Call(
                "models.search",
                ("llama",),
                expect={
                    "len": 3,
                    "0.name": "meta-llama-3-8b",
                    "2.name": "meta-llama-3-8b-instruct",
                },
            ),
        )
    ),
}
