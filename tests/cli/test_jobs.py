"""``predictions`` and ``trainings``: list, get and cancel; one line per item, or JSON."""

from __future__ import annotations

import json

from tests.cli.support import Served, cli


def test_predictions_list_get_and_cancel(served: Served) -> None:
    with served.fake.client() as replicate:
        done = replicate.run("replicate/hello-world", {"text": "list"})
        assert done == "hello list"
        slow = replicate.create("acme/slow-model", {})
    first, second = (p["id"] for p in served.predictions())

    listed = cli("predictions", "list", env=served.env())
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [[second, "starting"], [first, "succeeded"]]
    assert lines[1].split()[3] == "replicate/hello-world"

    limited = cli("predictions", "list", "--limit", "1", "--json", env=served.env())
    assert [p["id"] for p in json.loads(limited.stdout)] == [second]

    got = cli("predictions", "get", first, env=served.env())
    assert got.returncode == 0, got.stderr
    assert f"id:           {first}" in got.stdout.splitlines()
    assert "status:       succeeded" in got.stdout.splitlines()
    assert 'output:       "hello list"' in got.stdout.splitlines()

    canceled = cli("predictions", "cancel", slow.id, "--json", env=served.env())
    assert canceled.returncode == 0, canceled.stderr
    assert json.loads(canceled.stdout)["status"] == "canceled"
    assert served.predictions()[1]["status"] == "canceled"


def test_trainings_list_get_and_cancel(served: Served) -> None:
    assert json.loads(cli("trainings", "list", "--json", env=served.env()).stdout) == []
    version = served.fake.models["acme/upscaler"].version_id
    with served.fake.client() as replicate:
        training = replicate.trainings.create(
            f"acme/upscaler:{version}", {"steps": 1}, destination="acme/echo"
        )
    assert isinstance(training.id, str)

    listed = cli("trainings", "list", env=served.env())
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split()[:2] == [training.id, "starting"]

    got = cli("trainings", "get", training.id, "--json", env=served.env())
    assert json.loads(got.stdout)["id"] == training.id

    canceled = cli("trainings", "cancel", training.id, env=served.env())
    assert canceled.returncode == 0, canceled.stderr
    assert "status:       canceled" in canceled.stdout.splitlines()
