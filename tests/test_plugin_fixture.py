"""Testing your own code against the fake, the way a user of replicate-typed would.

Nothing here imports the fake's internals: the ``fake_replicate`` fixture comes
from the pytest plugin the package registers (entry point ``pytest11``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from replicate_typed import ModelError, Replicate
from replicate_typed.testing import FakeModelError, FakeReplicate


def describe_photo(replicate: Replicate, photo: Path) -> str:
    """The code under test: caption a photo, or say why not."""
    try:
        caption = replicate.run("acme/captioner", {"image": photo})
    except ModelError as failure:
        return f"no caption: {failure.error}"
    return f"Caption: {caption}"


def test_the_plugin_is_registered(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.pluginmanager.has_plugin("replicate_typed")


def test_my_code_with_a_fake_model(fake_replicate: FakeReplicate, tmp_path: Path) -> None:
    photo = tmp_path / "dog.jpg"
    photo.write_bytes(b"\xff\xd8 jpeg bytes")
    fake_replicate.add_model(
        "acme/captioner", lambda input: f"a dog ({input['image'].rsplit('/', 1)[-1]})", run_time=4
    )

    with fake_replicate.client() as replicate:
        result = describe_photo(replicate, photo)

    (uploaded,) = fake_replicate.files.values()
    assert result == f"Caption: a dog ({uploaded.id})"
    assert uploaded.name == "dog.jpg"


def test_my_code_when_the_model_fails(fake_replicate: FakeReplicate, tmp_path: Path) -> None:
    def broken(input: dict[str, object]) -> str:
        raise FakeModelError("out of memory")

    fake_replicate.add_model("acme/captioner", broken)
    photo = tmp_path / "cat.jpg"
    photo.write_bytes(b"jpeg")

    with fake_replicate.client() as replicate:
        assert describe_photo(replicate, photo) == "no caption: out of memory"
