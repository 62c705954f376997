"""The pytest plugin (entry point ``replicate_typed``): a ``fake_replicate`` fixture.

pytest loads every installed plugin at start-up, in every project of the
environment, so this module imports nothing beyond pytest. It lives outside
``replicate_typed.testing`` because importing any module of that package runs
its ``__init__``, which needs the ``testing`` extra (jsonschema): a plugin in
there would stop pytest before any test where the extra is not installed. The
fake is imported when the fixture is used; without the extra, each test using
it fails with what to install, and every other test runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from replicate_typed.testing import FakeReplicate

#: What to run for the fake's own dependencies.
_INSTALL = "pip install 'replicate-typed[testing]'"


@pytest.fixture
def fake_replicate() -> FakeReplicate:
    """A fresh FakeReplicate on a virtual clock; ``fake_replicate.client()`` talks to it."""
    try:
        from replicate_typed.testing import FakeReplicate
    except ImportError as missing:  # jsonschema, from the "testing" extra
        needs = f"fake_replicate needs the testing extra ({_INSTALL}): {missing}"
        raise pytest.fail.Exception(needs, pytrace=False) from None  # the message says it all
    return FakeReplicate()
