"""One distribution, two typed import packages, each from its own folder."""

from __future__ import annotations

import tarfile
import zipfile
from pathlib import Path

import pytest
import replicate_api
import replicate_typed
from hatchling.builders.sdist import SdistBuilder
from hatchling.builders.wheel import WheelBuilder
from package_check import archives

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


def test_the_wheel_passes_the_package_checks(tmp_path: Path) -> None:
    """What scripts/check-package asks of the wheel, on one built here from the work tree."""
    (built,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    version = replicate_typed.__version__
    info = archives.dist_info("replicate-typed", version)

    with zipfile.ZipFile(built) as archive:
        names = [entry.filename for entry in archive.infolist() if not entry.is_dir()]
        metadata = archive.read(f"{info}/METADATA").decode()
        shipped_license = archive.read(f"{info}/licenses/{archives.LICENSE}")

    assert archives.wheel_problems(names, "replicate-typed", version) == []
    assert archives.metadata_problems(metadata) == []
    assert shipped_license == (ROOT / archives.LICENSE).read_bytes()


def test_the_sdist_passes_the_package_checks(tmp_path: Path) -> None:
    (built,) = SdistBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    version = replicate_typed.__version__

    with tarfile.open(built) as archive:
        names = [entry.name for entry in archive.getmembers() if entry.isfile()]

    assert archives.sdist_problems(names, "replicate-typed", version) == []
