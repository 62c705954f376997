"""``models``: get and search; one line per item, or JSON."""

from __future__ import annotations

import json

from tests.cli.support import Served


def test_models_get(served: Served) -> None:
    human = served.cli("models", "get", "acme/upscaler")
    assert human.returncode == 0, human.stderr
    assert "name:           acme/upscaler" in human.stdout.splitlines()
    assert "official:       yes" in human.stdout.splitlines()

    as_json = served.cli("models", "get", "acme/upscaler", "--json")
    model = json.loads(as_json.stdout)
    assert (model["owner"], model["name"]) == ("acme", "upscaler")


def test_models_search(served: Served) -> None:
    human = served.cli("models", "search", "upscale")
    assert human.returncode == 0, human.stderr
    assert human.stdout.splitlines() == ["acme/upscaler  Upscales an image; outputs a PNG file."]

    as_json = served.cli("models", "search", "a", "--limit", "2", "--json")
    assert len(json.loads(as_json.stdout)) == 2
