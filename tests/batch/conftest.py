"""Batch tests run on both clients: the facade's fixtures, and models the batches run."""

from __future__ import annotations

from typing import Any

import pytest
from replicate_typed.testing import FakeFile, FakeModelError, FakeReplicate

from tests.facade.conftest import client, fake, fake_time, kind, make_fake_client

__all__ = ["client", "fake", "fake_time", "kind", "make_fake_client"]


@pytest.fixture(autouse=True)
def batch_models(fake: FakeReplicate) -> None:
    """acme/echo (2 s, echoes ``text``), acme/picture (a PNG), acme/flaky (fails on ``fail``)."""
    fake.add_model("acme/echo", lambda input: input["text"], run_time=2)
    fake.add_model(
        "acme/picture",
        lambda input: FakeFile(b"\x89PNG" + input["text"].encode(), "out.png", "image/png"),
        run_time=1,
    )
    failures: dict[str, int] = {}

    def flaky(input: dict[str, Any]) -> str:
        text = str(input["text"])
        failures[text] = failures.get(text, 0) + 1
        if failures[text] <= int(input.get("fail", 0)):
            raise FakeModelError(f"failure {failures[text]}")
        return text

    fake.add_model("acme/flaky", flaky, run_time=1)
