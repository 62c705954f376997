"""Scenarios for ``collections``: curated lists of models, listed and read one at a time."""

from __future__ import annotations

from tests.realdata.calls import Call, Scenario

SCENARIOS: dict[str, Scenario] = {
    "rpy-collections-get": Scenario(
        (
            Call(
                "collections.get",
                ("text-to-image",),
                expect={
                    "slug": "text-to-image",
                    "name": "Text to image",
                    "models.len": 3,
                    "models.0.owner": "huiyegit",
                    "full_description": None,
                },
            ),
        )
    ),
    "rpy-collections-list": Scenario(
        (Call("collections.list", expect={"len": 19, "0.slug": "vision-models"}),)
    ),
}
