"""What the CLI says to a person: names they typed, close names, empty lists, no dead links."""

from __future__ import annotations

import json

import pytest
from replicate_typed.cli._web_links import links_to_replicate_com
from replicate_typed.testing import Fault

from tests.cli.support import CREATED, Served, cli, environment, error_line

PREFIX = "replicate-typed: error: "


def test_a_mistyped_model_is_named_with_close_names(served: Served) -> None:
    result = served.cli("run", "acme/upscalr", "-i", "scale=2")

    assert result.returncode == 4
    [line] = result.stderr.splitlines()
    assert line == f"{PREFIX}no model named 'acme/upscalr'; did you mean acme/upscaler?"
    assert served.predictions() == []


def test_models_get_names_a_mistyped_model_too(served: Served) -> None:
    result = served.cli("models", "get", "acme/storytellr")

    assert result.returncode == 4
    assert error_line(result) == (
        f"{PREFIX}no model named 'acme/storytellr'; did you mean acme/storyteller?"
    )


def test_an_unknown_model_with_nothing_close_is_named_alone(served: Served) -> None:
    result = served.cli("run", "nobody/nothing-like-it")

    assert result.returncode == 4
    assert error_line(result) == f"{PREFIX}no model named 'nobody/nothing-like-it'"


def test_a_failed_lookup_of_close_names_leaves_only_them_out(served: Served) -> None:
    served.fake.inject(Fault.server_error(403), operation="models.search")

    result = served.cli("run", "acme/upscalr")

    assert result.returncode == 4
    assert error_line(result) == f"{PREFIX}no model named 'acme/upscalr'"
    assert len(served.fake.requests.to("models.search")) == 1


@pytest.mark.parametrize("model", ["acme", "acme/", "a b/c"])
def test_a_model_argument_that_is_no_name_is_told_in_cli_words(served: Served, model: str) -> None:
    result = served.cli("run", model)

    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{PREFIX}MODEL {model!r} is not a model name: expected owner/name")
    assert "a Model or a Version" not in line
    assert served.fake.requests == []  # told before a client exists


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["models", "search", "zzzzz"], "no models match 'zzzzz'"),
        (["predictions", "list"], "no predictions yet"),
        (["trainings", "list"], "no trainings yet"),
    ],
)
def test_an_empty_list_says_so_on_stderr_and_json_prints_an_empty_array(
    served: Served, args: list[str], said: str
) -> None:
    human = served.cli(*args)
    assert (human.returncode, human.stdout, human.stderr) == (0, "", said + "\n")

    as_json = served.cli(*args, "--json")
    assert (as_json.returncode, as_json.stderr) == (0, "")
    assert json.loads(as_json.stdout) == []


def test_fake_predictions_get_explains_that_each_fake_is_fresh() -> None:
    env = environment(base_url=None, token=None)
    result = cli("--fake", "predictions", "get", "abc123", env=env)

    assert result.returncode == 4
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{PREFIX}no prediction with id 'abc123' (each --fake command starts")
    assert "python -m replicate_typed.testing" in line
    assert "REPLICATE_BASE_URL" in line


def test_an_unknown_id_without_fake_has_no_fake_hint(served: Served) -> None:
    result = served.cli("predictions", "get", "abc123")

    assert result.returncode == 4
    assert error_line(result) == f"{PREFIX}no prediction with id 'abc123'"


def test_an_emulator_prediction_shows_no_replicate_com_link(served: Served) -> None:
    run = served.cli("run", "acme/echo", "-i", "text=hi")
    assert run.returncode == 0, run.stderr
    [created] = [line for line in run.stderr.splitlines() if line.startswith(CREATED)]
    assert created == f"{CREATED}{served.predictions()[0]['id']}"

    shown = served.cli("predictions", "get", served.predictions()[0]["id"])
    assert shown.returncode == 0, shown.stderr
    assert "replicate.com" not in shown.stdout
    assert not [line for line in shown.stdout.splitlines() if line.startswith("web:")]


@pytest.mark.parametrize(
    ("base_url", "fake", "links"),
    [
        (None, False, True),
        ("https://api.replicate.com/v1", False, True),
        ("http://127.0.0.1:8000/v1", False, False),
        (None, True, False),
    ],
)
def test_web_links_only_for_replicate_itself(
    monkeypatch: pytest.MonkeyPatch, base_url: str | None, fake: bool, links: bool
) -> None:
    if base_url is None:
        monkeypatch.delenv("REPLICATE_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("REPLICATE_BASE_URL", base_url)

    assert links_to_replicate_com(fake=fake) is links


def test_run_help_has_examples(served: Served) -> None:
    result = served.cli("run", "--help")

    assert result.returncode == 0
    examples = result.stdout.split("examples:\n", 1)[1].splitlines()
    assert len([line for line in examples if line.startswith("  replicate-typed run ")]) == 4


def test_fake_help_points_to_the_served_emulator(served: Served) -> None:
    result = served.cli("--help")

    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Each command starts a fresh one" in text
    assert "python -m replicate_typed.testing" in text
