"""Scenarios for ``deployments``: created, read and updated (the requests are reconstructed)."""

from __future__ import annotations

from tests.realdata.calls import Call, Scenario
from tests.realdata.scenarios.shared import SDXL

DEPLOYMENT = "acme/my-app-image-generator"

SCENARIOS: dict[str, Scenario] = {
    "js-mock-deployments-create": Scenario(
        (
            Call(
                "deployments.create",
                ("my-app-image-generator",),
                {
                    "model": SDXL,
                    "version": "da77bc59ee60423279fd632efb4795ab731d9e3ca9705ef3341091fb989b7eaf",
                    "hardware": "gpu-t4",
                    "min_instances": 1,
                    "max_instances": 5,
                },
                expect={
                    "owner": "acme",
                    "name": "my-app-image-generator",
                    "current_release.number": 1,
                    "current_release.configuration.hardware": "gpu-t4",
                    "current_release.created_by.avatar_url": None,
                },
            ),
        )
    ),
    "js-mock-deployments-get": Scenario(
        (
            Call(
                "deployments.get",
                (DEPLOYMENT,),
                expect={
                    "owner": "acme",
                    "current_release.model": SDXL,
                    "current_release.version": (
                        "da77bc59ee60423279fd632efb4795ab731d9e3ca9705ef3341091fb989b7eaf"
                    ),
                    "current_release.configuration.max_instances": 5,
                },
            ),
        )
    ),
    "js-mock-deployments-update": Scenario(
        (
            Call(
                "deployments.update",
                (DEPLOYMENT,),
                {
                    "version": "632231d0d49d34d5c4633bd838aee3d81d936e59a886fbf28524702003b4c532",
                    "hardware": "gpu-a40-large",
                    "min_instances": 3,
                    "max_instances": 10,
                },
                expect={
                    "current_release.number": 2,
                    "current_release.configuration.hardware": "gpu-a40-large",
                    "current_release.configuration.min_instances": 3,
                    "current_release.configuration.max_instances": 10,
                },
            ),
        )
    ),
}
