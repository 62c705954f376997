"""The pytest plugin (entry point ``replicate_typed``): a ``fake_replicate`` fixture.

pytest loads every installed plugin at start-up, so this module imports the
fake (and jsonschema, from the ``testing`` extra) only when the fixture is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from replicate_typed.testing import FakeReplicate


@pytest.fixture
def fake_replicate() -> FakeReplicate:
    """A fresh FakeReplicate on a virtual clock; ``fake_replicate.client()`` talks to it."""
    from replicate_typed.testing import FakeReplicate

    return FakeReplicate()
