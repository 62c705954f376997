"""``predictions`` and ``trainings``: list, get and cancel; one line per item, or JSON."""

from __future__ import annotations

import json

from tests.cli.support import LATER, Served


def test_predictions_list_get_and_cancel(served: Served) -> None:
    with served.fake.client() as replicate:
        done = replicate.create("replicate/hello-world", {"text": "list"})
        served.clock.advance(LATER)  # done finishes; queued, created after it, stays "starting"
        queued = replicate.create("acme/slow-model", {})

    listed = served.cli("predictions", "list")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [[queued.id, "starting"], [done.id, "succeeded"]]
    assert lines[1].split()[3] == "replicate/hello-world"

    limited = served.cli("predictions", "list", "--limit", "1", "--json")
    assert [p["id"] for p in json.loads(limited.stdout)] == [queued.id]

    got = served.cli("predictions", "get", done.id)
    assert got.returncode == 0, got.stderr
    assert f"id:           {done.id}" in got.stdout.splitlines()
    assert "status:       succeeded" in got.stdout.splitlines()
    assert 'output:       "hello list"' in got.stdout.splitlines()

    canceled = served.cli("predictions", "cancel", queued.id, "--json")
    assert canceled.returncode == 0, canceled.stderr
    assert json.loads(canceled.stdout)["status"] == "canceled"
    assert served.predictions()[1]["status"] == "canceled"


def test_trainings_list_get_and_cancel(served: Served) -> None:
    assert json.loads(served.cli("trainings", "list", "--json").stdout) == []
    version = served.fake.models["acme/upscaler"].version_id
    with served.fake.client() as replicate:
        training = replicate.trainings.create(
            f"acme/upscaler:{version}", {"steps": 1}, destination="acme/echo"
        )
    assert isinstance(training.id, str)

    listed = served.cli("trainings", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split()[:2] == [training.id, "starting"]

    got = served.cli("trainings", "get", training.id, "--json")
    assert json.loads(got.stdout)["id"] == training.id

    canceled = served.cli("trainings", "cancel", training.id)
    assert canceled.returncode == 0, canceled.stderr
    assert "status:       canceled" in canceled.stdout.splitlines()
