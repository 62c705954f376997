"""What each recording is, as a sequence of SDK calls: one entry per recording file.

The table is split by API resource, one module each (``predictions`` for
single requests, ``runs`` for predictions followed to their end), so that no
module is longer than one sitting; ``SCENARIOS`` assembles it here, for
test_replay and its check that every recording file has exactly one entry.
The types a scenario is written in are in ``tests.realdata.calls``.

Recording clients sometimes made calls our client does not need (the
official Python client looked up the model and version before creating, or
fetched the version between create and the first poll of ``run``). Those are
replayed as the separate SDK calls they are, in the recorded order, so that
every recorded interaction is used; a ``run`` interrupted by such a call is
replayed as ``create`` + the call + ``wait``.

A key's prefix says where its recording came from:

- ``js-mock-``: hand-written mocks of replicate-javascript (requests reconstructed);
- ``otel-``: openllmetry cassettes;
- ``prism-``: prism-php, live response bodies with requests reconstructed;
- ``rpy-``: replicate-python cassettes;
- ``synthetic-``: list pages built around live prediction objects.
"""

from __future__ import annotations

from collections.abc import Mapping

from tests.realdata.calls import Scenario
from tests.realdata.scenarios import (
    account,
    collections,
    deployments,
    files,
    hardware,
    models,
    predictions,
    runs,
    trainings,
    webhooks,
)


def _assemble(*tables: Mapping[str, Scenario]) -> dict[str, Scenario]:
    """One table from the resources' tables; a recording claimed by two is an error."""
    merged: dict[str, Scenario] = {}
    for table in tables:
        twice = merged.keys() & table.keys()
        if twice:
            raise ValueError(f"recordings with a scenario in two modules: {sorted(twice)}")
        merged.update(table)
    return merged


SCENARIOS: dict[str, Scenario] = _assemble(
    account.SCENARIOS,
    collections.SCENARIOS,
    deployments.SCENARIOS,
    files.SCENARIOS,
    hardware.SCENARIOS,
    models.SCENARIOS,
    predictions.SCENARIOS,
    runs.SCENARIOS,
    trainings.SCENARIOS,
    webhooks.SCENARIOS,
)
