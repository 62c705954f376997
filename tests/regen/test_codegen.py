"""What the generated package records about its making (replicate_api.codegen)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from regenerate import __main__ as regenerate
from regenerate import internals
from regenerate.spec import load
from replicate_api import codegen

from tests.support.spec import ROOT


def test_the_package_records_the_generator_and_the_spec() -> None:
    spec = load(ROOT / "openapi.json")

    assert f"openapi-python-client {internals.installed_version()}" == codegen.CODEGEN_VERSION
    assert spec["info"]["version"] == codegen.OPENAPI_VERSION
    assert (
        hashlib.sha256((ROOT / "openapi.json").read_bytes()).hexdigest() == codegen.OPENAPI_SHA256
    )


def test_check_sees_a_spec_change_that_changes_no_code(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_path = repo_copy / "openapi.json"
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    spec["x-note"] = "an extension no generated line depends on"
    spec_path.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    assert regenerate.main(["--check"], root=repo_copy) == 1
    err = capsys.readouterr().err
    assert "changed   codegen.py" in err
