"""One distribution, two typed import packages, each from its own folder."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import replicate_api
import replicate_typed
from hatchling.builders.wheel import WheelBuilder

from tests.support.spec import ROOT


@pytest.mark.parametrize(
    ("package", "folder"),
    [(replicate_api, ROOT / "generated"), (replicate_typed, ROOT / "facade")],
)
def test_package_is_imported_from_its_folder_and_typed(package: object, folder: Path) -> None:
    location = Path(str(getattr(package, "__file__", "")))
    assert location.parent.parent == folder
    assert (location.parent / "py.typed").is_file()


def test_the_wheel_holds_exactly_the_two_packages(tmp_path: Path) -> None:
    (built,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    wheel = Path(built)

    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    top = {
        name.split("/", 1)[0] for name in names if not name.split("/", 1)[0].endswith(".dist-info")
    }
    assert top == {"replicate_api", "replicate_typed"}
    assert {"replicate_api/py.typed", "replicate_typed/py.typed"} <= set(names)
    assert "replicate_typed/lowlevel/models_search.py" in names
    for folder in ("generated", "facade"):
        assert not (ROOT / folder / "__init__.py").exists()
