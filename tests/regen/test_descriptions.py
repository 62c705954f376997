"""descriptions.toml: every generated class is described, and no entry is dead text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regenerate.__main__ as regenerate
from regenerate.descriptions import TABLE

from tests.regen import small_specs


def _things_repo(root: Path, table: str) -> Path:
    (root / "openapi.json").write_text(json.dumps(small_specs.before()), encoding="utf-8")
    (root / TABLE).parent.mkdir(parents=True)
    (root / TABLE).write_text(f"[descriptions]\n{table}", encoding="utf-8")
    return root


def test_our_description_opens_the_docstring_of_a_class_the_spec_leaves_bare(
    tmp_path: Path,
) -> None:
    table = (
        'Thing = "One thing the things API keeps."\n'
        'ThingsCreateBody = "The body that makes a thing."\n'
        'ThingsCreateBodyColor = "What colour a new thing is."\n'
        'ThingsListResponse200 = "One page of things."\n'
        '"ThingsCreateBody.name" = "What the new thing is called."\n'
    )
    root = _things_repo(tmp_path, table)

    assert regenerate.main([], root=root) == 0

    models = root / "generated/replicate_api/models"
    thing = (models / "thing.py").read_text(encoding="utf-8")
    summary = '    """One thing the things API keeps.\n\n'
    assert f"{summary}    Attributes:\n        id: Identifier.\n" in thing
    body = (models / "things_create_body.py").read_text(encoding="utf-8")
    assert "        name: What the new thing is called.\n" in body
    # The spec's own words for the enum (its property's description) need no entry.
    assert '"""Lifecycle state.' in (models / "thing_status_type_0.py").read_text("utf-8")


def test_an_undescribed_class_and_dead_entries_fail_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = 'Nothing = "Not generated."\n"Thing.id" = "Described by the spec already."\n'
    root = _things_repo(tmp_path, table)

    assert regenerate.main([], root=root) == 1

    err = capsys.readouterr().err
    assert "'Nothing' is not a generated class or field" in err
    assert "'Thing.id' is described by the spec now; remove the entry" in err
    assert "Thing has no description: describe it in openapi.json or descriptions.toml" in err
    assert not (root / "generated/replicate_api").exists()
