"""The facade's fate after regenerating: type-checked and imported against the new tree.

Each test builds a tiny hand-written layer over the small 'things' API, so
mypy checks a few files, not the real facade.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from regenerate import __main__ as regenerate
from regenerate import facade_impact, tree
from regenerate.spec import dump

from tests.regen import small_specs

PACKAGE = Path("generated", "replicate_api")

#: A facade using what small_specs.after() removes: Thing.name and things.delete.
TINY_LAYER = {
    "facade/replicate_typed/__init__.py": '''
        """A tiny facade over the things API."""

        from replicate_api.models.thing import Thing

        from replicate_typed.remover import remove


        class Things:
            """A resource."""

            def name_of(self, thing: Thing) -> object:
                return thing.name

            def size_of(self, thing: Thing) -> object:
                return thing.size


        __all__ = ["Things", "remove"]
    ''',
    "facade/replicate_typed/remover.py": '''
        """Deleting things."""

        from replicate_api.api.things import things_delete


        def remove(thing_id: str) -> object:
            return things_delete.__name__ + thing_id
    ''',
    "facade/replicate_typed/testing/__init__.py": '"""The fake."""\n',
    "facade/replicate_typed/_pytest_plugin.py": '"""The plugin."""\n',
    "tests/__init__.py": "",
    "tests/test_things.py": """
        from replicate_api.models.thing import Thing
        from replicate_api.models.thing_status_type_0 import ThingStatusType0


        def test_name() -> None:
            thing = Thing(id="t", status=ThingStatusType0.ACTIVE, name="n")
            assert thing.id == "t"
    """,
}


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


@pytest.fixture
def small_repo(tmp_path: Path) -> Path:
    """The small 'things' spec and the code generated from it, without a facade."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / "openapi.json").write_text(dump(small_specs.before()), encoding="utf-8")
    assert regenerate.main([], root=root) == 0
    return root


@pytest.fixture
def tiny_repo(small_repo: Path) -> Path:
    """``small_repo`` with a tiny hand-written layer over its generated code."""
    _write(small_repo, TINY_LAYER)
    return small_repo


def _snapshot(root: Path) -> dict[str, bytes]:
    return {"openapi.json": (root / "openapi.json").read_bytes()} | {
        f"generated/{name}": data for name, data in tree.files(root / "generated").items()
    }


def test_a_spec_that_breaks_the_facade_is_refused_naming_what_broke(
    tiny_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(tiny_repo)
    incoming = tmp_path / "v2.json"
    incoming.write_text(json.dumps(small_specs.after()), encoding="utf-8")

    assert regenerate.main(["--spec", str(incoming)], root=tiny_repo) == 1

    captured = capsys.readouterr()
    section = captured.out[captured.out.index("Facade impact:") :]
    assert section.startswith("Facade impact: BROKEN")
    assert "replicate_typed.Things.name_of\n" in section
    assert "replicate_typed.Things.size_of" not in section
    assert "replicate_typed.remover (module level)" in section
    assert "what it imports is used by: replicate_typed.remover.remove\n" in section
    assert "tests/test_things.py::test_name" in section
    assert "replicate_typed: ImportError: cannot import name " in section
    assert "--accept-broken-facade" in captured.err
    assert _snapshot(tiny_repo) == before
    assert [p.name for p in (tiny_repo / "generated").iterdir()] == ["replicate_api"]


def _broken(root: Path, staged: Path) -> facade_impact.Impact:
    diagnostic = facade_impact.Diagnostic("facade/replicate_typed/__init__.py", 9, "gone")
    return facade_impact.Impact(facade={"replicate_typed.Things.name_of": [diagnostic]})


def test_accepting_a_broken_facade_adopts_the_spec_and_still_reports(
    small_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incoming = tmp_path / "v2.json"
    incoming.write_text(json.dumps(small_specs.after()), encoding="utf-8")
    argv = ["--spec", str(incoming), "--accept-broken-facade"]

    assert regenerate.main(argv, root=small_repo, check_facade=_broken) == 0

    out = capsys.readouterr().out
    assert "Facade impact: BROKEN" in out
    assert "replicate_typed.Things.name_of" in out
    assert (small_repo / "openapi.json").read_text() == dump(small_specs.after())
    assert not (small_repo / PACKAGE / "api/things/things_delete.py").exists()


def test_the_check_uses_the_staged_tree_not_the_installed_one(tiny_repo: Path) -> None:
    # The repository's own generated/ is on sys.path through the editable install;
    # a module only it has must not be found when checking the small tree.
    _write(
        tiny_repo,
        {
            "facade/replicate_typed/remover.py": """
                from replicate_api.models.account import Account


                def remove(thing_id: str) -> Account:
                    raise NotImplementedError(thing_id)
            """
        },
    )

    impact = facade_impact.check(tiny_repo, tiny_repo / PACKAGE)

    assert impact is not None
    assert "replicate_typed.remover (module level)" in impact.facade
    assert impact.import_failures["replicate_typed"].startswith("ModuleNotFoundError: ")
    assert list(impact.tests) == []


def test_the_check_runs_on_adopting_a_spec_and_on_a_changed_tree_only(small_repo: Path) -> None:
    seen: list[Path] = []

    def unbroken(root: Path, staged: Path) -> facade_impact.Impact:
        seen.append(staged)
        return facade_impact.Impact()

    assert regenerate.main([], root=small_repo, check_facade=unbroken) == 0
    assert seen == []
    spec = small_repo / "openapi.json"
    assert regenerate.main(["--spec", str(spec)], root=small_repo, check_facade=unbroken) == 0
    assert [p.name for p in seen] == ["replicate_api"]
    (small_repo / PACKAGE / "models/thing.py").write_text("# edited\n")
    assert regenerate.main([], root=small_repo, check_facade=unbroken) == 0
    assert len(seen) == 2


MYPY_OUTPUT = """\
facade/replicate_typed/_async/things.py:9: error: "Thing" has no attribute "name"  [attr-defined]
facade/replicate_typed/_async/things.py:9: note: See https://mypy.readthedocs.io
facade/replicate_typed/_async/things.py:1: error: Module has no attribute "Gone"  [attr-defined]
facade/replicate_typed/_sync/things.py:9: error: "Thing" has no attribute "name"  [attr-defined]
tests/conftest.py:3: error: Module "replicate_api.models" has no attribute "Gone"  [attr-defined]
tests/test_x.py:7: error: Unexpected keyword argument "name"  [call-arg]
/tmp/.regen-abc/replicate_api/api/things/things_get.py:8: error: Name "Thing" is not defined
Found 6 errors in 5 files (checked 9 source files)
"""


def test_each_error_is_mapped_to_its_function_and_class(tmp_path: Path) -> None:
    method = "from x import Gone\n\nclass AsyncThings:\n    @property\n    def x(self) -> int:\n"
    method += "        return 1\n\n    async def name(self) -> str:\n        return ''\n"
    files = {
        "facade/replicate_typed/_async/things.py": method,
        "facade/replicate_typed/_sync/things.py": method.replace("async ", "").replace(
            "AsyncThings", "Things"
        ),
        "tests/conftest.py": "\n\nimport x\n\n\ndef fixture() -> None:\n    x.y()\n",
        "tests/test_x.py": "\n\nclass TestX:\n    def test_y(self) -> None:\n\n\n        f()\n",
    }
    for name, text in files.items():  # as written: line numbers matter
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")

    impact = facade_impact.assess(facade_impact.parse(MYPY_OUTPUT), tmp_path)

    assert list(impact.facade) == [
        "replicate_typed._async.things.AsyncThings.name",
        "replicate_typed._async.things (module level)",
        "replicate_typed._sync.things.Things.name",
    ]
    assert list(impact.tests) == [
        "tests/conftest.py (module level)",
        "tests/test_x.py::TestX.test_y",
    ]
    assert list(impact.generated) == ["replicate_api.api.things.things_get"]
    assert impact.users["tests/conftest.py (module level)"] == ["tests/conftest.py::fixture"]
    section = facade_impact.report(impact)
    assert section.startswith("Facade impact: BROKEN (6 type errors, 0 failed imports")
    assert "replicate_typed._sync.things.Things.name" not in section
    assert "replicate_typed._sync: 1 more errors mirroring the _async/ ones" in section
    assert "what it imports is used by: tests/conftest.py::fixture\n" in section


def test_a_repository_without_a_facade_is_not_checked(tmp_path: Path) -> None:
    assert facade_impact.check(tmp_path, tmp_path / PACKAGE) is None
    assert facade_impact.report(None).startswith("Facade impact: not checked")
