"""The pytest plugin (entry point ``replicate_typed``): a ``fake_replicate`` fixture."""

from __future__ import annotations

import pytest

from replicate_typed.testing._fake import FakeReplicate


@pytest.fixture
def fake_replicate() -> FakeReplicate:
    """A fresh FakeReplicate on a virtual clock; ``fake_replicate.client()`` talks to it."""
    return FakeReplicate()
