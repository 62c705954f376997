"""scripts/regenerate: drift check, determinism, atomic writes, adopting a new spec."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from regenerate import __main__ as regenerate
from regenerate import tree
from regenerate.descriptions import load_table
from regenerate.generate import generate
from regenerate.spec import dump

from tests.regen import small_specs
from tests.support.spec import ROOT

PACKAGE = Path("generated", "replicate_api")


@pytest.fixture
def small_repo(tmp_path: Path) -> Path:
    """A repository holding the small 'things' spec and the code generated from it."""
    (tmp_path / "openapi.json").write_text(dump(small_specs.before()), encoding="utf-8")
    assert regenerate.main([], root=tmp_path) == 0
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {"openapi.json": (root / "openapi.json").read_bytes()} | {
        f"generated/{name}": data for name, data in tree.files(root / "generated").items()
    }


def test_check_passes_on_the_committed_tree(repo_copy: Path) -> None:
    assert regenerate.main(["--check"], root=repo_copy) == 0


DRIFTS: list[tuple[Callable[[Path], object], str]] = [
    (
        lambda p: p.joinpath("models/prediction.py").write_text("# edited\n"),
        "changed   models/prediction.py",
    ),
    (
        lambda p: p.joinpath("api/account/account_get.py").unlink(),
        "missing   api/account/account_get.py",
    ),
    (
        lambda p: p.joinpath("models/extra.py").write_text("x = 1\n"),
        "unexpected models/extra.py",
    ),
]


@pytest.mark.parametrize(
    ("edit", "expected"),
    DRIFTS,
    ids=["hand-edit", "deleted-file", "stray-file"],
)
def test_check_fails_naming_each_drifted_file(
    repo_copy: Path,
    capsys: pytest.CaptureFixture[str],
    edit: Callable[[Path], object],
    expected: str,
) -> None:
    edit(repo_copy / PACKAGE)

    assert regenerate.main(["--check"], root=repo_copy) == 1
    err = capsys.readouterr().err
    assert expected in err
    assert "differs from what openapi.json produces (1 files)" in err


def test_generation_is_deterministic(tmp_path: Path) -> None:
    spec = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))

    table = load_table(ROOT)
    first = generate(spec, tmp_path / "one" / "replicate_api", table).package_dir
    second = generate(spec, tmp_path / "two" / "replicate_api", table).package_dir

    assert tree.files(first) == tree.files(second)
    assert tree.files(first) == tree.files(ROOT / PACKAGE)


def test_regenerating_reports_the_hand_written_operation(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(repo_copy)

    assert regenerate.main([], root=repo_copy) == 0

    out = capsys.readouterr().out
    assert "not generated: models.search (QUERY /models), implemented by hand in" in out
    assert _snapshot(repo_copy) == before


def test_an_operation_nobody_implemented_fails_the_run(
    small_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(small_repo)
    new_spec = small_repo / "incoming.json"
    new_spec.write_text(json.dumps(small_specs.with_query_method(small_specs.before())))

    assert regenerate.main(["--spec", str(new_spec)], root=small_repo) == 1

    captured = capsys.readouterr()
    assert "not generated: things.search (QUERY /things), implemented NOWHERE" in captured.out
    assert "is not implemented by hand" in captured.err
    assert _snapshot(small_repo) == before


def test_a_stale_manifest_entry_fails_the_run(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = repo_copy / "scripts/lib/regenerate/handwritten.toml"
    manifest.write_text(
        manifest.read_text() + '\n[operations."predictions.get"]\nmodule = "x.py"\nreason = "r"\n'
    )

    assert regenerate.main(["--check"], root=repo_copy) == 1
    assert "lists predictions.get, which is now generated" in capsys.readouterr().err


def test_adopting_a_new_spec_reports_changes_and_rewrites_both(
    small_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_spec = tmp_path / "things-v2.json"
    new_spec.write_text(json.dumps(small_specs.after()))
    capsys.readouterr()

    assert regenerate.main(["--spec", str(new_spec)], root=small_repo) == 0

    out = capsys.readouterr().out
    assert "API changes: 8 breaking, 4 additive" in out
    assert "BREAKING  operation removed        things.delete (DELETE /things/{thing_id})" in out
    assert (small_repo / "openapi.json").read_text() == dump(small_specs.after())
    api = small_repo / PACKAGE / "api" / "things"
    assert (api / "things_archive.py").is_file()
    assert not (api / "things_delete.py").exists()
    expected = generate(small_specs.after(), tmp_path / "expected" / "replicate_api")
    assert tree.files(small_repo / PACKAGE) == tree.files(expected.package_dir)
    assert regenerate.main(["--check"], root=small_repo) == 0


def test_adopting_a_yaml_spec_writes_openapi_json(
    small_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_spec = tmp_path / "things-v2.yaml"
    new_spec.write_text(yaml.safe_dump(small_specs.after(), sort_keys=False))
    capsys.readouterr()

    assert regenerate.main(["--spec", str(new_spec)], root=small_repo) == 0

    assert "API changes: 8 breaking, 4 additive" in capsys.readouterr().out
    assert (small_repo / "openapi.json").read_text() == dump(small_specs.after())
    assert regenerate.main(["--check"], root=small_repo) == 0


def test_an_invalid_spec_is_refused_before_anything_is_written(
    small_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = small_specs.after()
    del broken["paths"]["/things"]["get"]["operationId"]
    new_spec = tmp_path / "broken.json"
    new_spec.write_text(json.dumps(broken))
    before = _snapshot(small_repo)

    assert regenerate.main(["--spec", str(new_spec)], root=small_repo) == 1

    assert "GET /things has no operationId" in capsys.readouterr().err
    assert _snapshot(small_repo) == before


def test_a_generator_crash_leaves_generated_untouched(
    small_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash_halfway(patched: Any, config: Any, described: Any) -> None:
        config.output_path.mkdir(parents=True)
        (config.output_path / "__init__.py").write_text("# half written\n")
        raise RuntimeError("generator died")

    monkeypatch.setattr("regenerate.generate._build", crash_halfway)
    new_spec = tmp_path / "things-v2.json"
    new_spec.write_text(json.dumps(small_specs.after()))
    before = _snapshot(small_repo)

    with pytest.raises(RuntimeError, match="generator died"):
        regenerate.main(["--spec", str(new_spec)], root=small_repo)

    assert _snapshot(small_repo) == before
    assert [p.name for p in (small_repo / "generated").iterdir()] == ["replicate_api"]


def test_an_interrupted_swap_is_recovered(small_repo: Path) -> None:
    package = small_repo / PACKAGE
    before = tree.files(package)
    package.rename(package.with_name(".regen-old-replicate_api"))  # as if killed mid-swap

    assert regenerate.main(["--check"], root=small_repo) == 0
    assert tree.files(package) == before


def test_a_failing_swap_leaves_the_old_spec_and_tree(
    small_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real_replace = os.replace

    def fail_swapping_in(src: Any, dst: Any) -> None:
        if Path(src).parent.name.startswith(".regen-") and Path(dst).name == "replicate_api":
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr("regenerate.tree.os.replace", fail_swapping_in)
    new_spec = tmp_path / "things-v2.json"
    new_spec.write_text(json.dumps(small_specs.after()))
    before = _snapshot(small_repo)
    capsys.readouterr()

    assert regenerate.main(["--spec", str(new_spec)], root=small_repo) == 1

    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "could not swap in generated/replicate_api" in err
    assert "No space left on device" in err
    assert _snapshot(small_repo) == before
    assert sorted(p.name for p in small_repo.iterdir() if p.name.startswith(".regen")) == []
    assert [p.name for p in (small_repo / "generated").iterdir()] == ["replicate_api"]
    monkeypatch.undo()
    assert regenerate.main(["--check"], root=small_repo) == 0
