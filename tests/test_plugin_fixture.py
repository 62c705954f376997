"""Testing your own code against the fake, the way a user of replicate-typed would.

Nothing here imports the fake's internals: the ``fake_replicate`` fixture comes
from the pytest plugin the package registers (entry point ``pytest11``).
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from replicate_typed import ModelError, Replicate
from replicate_typed.testing import FakeModelError, FakeReplicate

#: What the fixture tells a user to run when the extra is missing.
INSTALL = "pip install 'replicate-typed[testing]'"

#: Runs pytest (arguments after the first) with the modules named in the first
#: argument unimportable, as in an environment installed without the extra.
WITHOUT_THE_EXTRA = """
import importlib.abc, sys

blocked = frozenset(sys.argv[1].split(","))
assert not blocked & sys.modules.keys(), "imported before the blocker"


class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NotInstalled())
import pytest

sys.exit(pytest.main(sys.argv[2:]))
"""

USERS_TESTS = """
def test_unrelated():
    assert 1 + 1 == 2


def test_with_the_fake(fake_replicate):
    fake_replicate.add_model("acme/echo", lambda input: input)
"""


def describe_photo(replicate: Replicate, photo: Path) -> str:
    """The code under test: caption a photo, or say why not."""
    try:
        caption = replicate.run("acme/captioner", {"image": photo})
    except ModelError as failure:
        return f"no caption: {failure.error}"
    return f"Caption: {caption}"


def test_the_plugin_is_registered(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.pluginmanager.has_plugin("replicate_typed")


def test_my_code_with_a_fake_model(fake_replicate: FakeReplicate, tmp_path: Path) -> None:
    photo = tmp_path / "dog.jpg"
    photo.write_bytes(b"\xff\xd8 jpeg bytes")
    fake_replicate.add_model(
        "acme/captioner", lambda input: f"a dog ({input['image'].rsplit('/', 1)[-1]})", run_time=4
    )

    with fake_replicate.client() as replicate:
        result = describe_photo(replicate, photo)

    (uploaded,) = fake_replicate.files.values()
    assert result == f"Caption: a dog ({uploaded.id})"
    assert uploaded.name == "dog.jpg"


def test_my_code_when_the_model_fails(fake_replicate: FakeReplicate, tmp_path: Path) -> None:
    def broken(input: dict[str, object]) -> str:
        raise FakeModelError("out of memory")

    fake_replicate.add_model("acme/captioner", broken)
    photo = tmp_path / "cat.jpg"
    photo.write_bytes(b"jpeg")

    with fake_replicate.client() as replicate:
        assert describe_photo(replicate, photo) == "no caption: out of memory"


def test_without_the_testing_extra_pytest_runs_and_only_the_fixture_says_what_to_install(
    tmp_path: Path,
) -> None:
    (tmp_path / "pytest.ini").write_text("")
    (tmp_path / "test_users.py").write_text(USERS_TESTS)
    report = tmp_path / "report.xml"
    blocked = ",".join(sorted(modules_only_the_extra_installs("testing")))
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}

    pytest_options = ["-p", "no:cacheprovider", f"--junitxml={report}", "test_users.py"]

    ran = subprocess.run(
        [sys.executable, "-c", WITHOUT_THE_EXTRA, blocked, *pytest_options],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert ran.returncode == pytest.ExitCode.TESTS_FAILED, ran.stdout + ran.stderr
    cases = {case.get("name"): case for case in ElementTree.parse(report).iter("testcase")}
    assert list(cases["test_unrelated"]) == []
    (error,) = cases["test_with_the_fake"]
    assert error.tag == "error"
    assert INSTALL in (error.get("message") or "")


def modules_only_the_extra_installs(extra: str) -> set[str]:
    """The top-level modules of the distributions the extra adds to a plain install."""
    plain = _closure(_requirements("replicate-typed", ""))
    added = _closure(_requirements("replicate-typed", extra) - _requirements("replicate-typed", ""))
    added -= plain
    modules = {
        module
        for module, distributions in importlib.metadata.packages_distributions().items()
        if any(canonicalize_name(name) in added for name in distributions)
    }
    assert "jsonschema" in modules
    return modules


def _requirements(distribution: str, extra: str) -> set[str]:
    """The distributions ``distribution`` requires here, with ``extra`` (or "" for none)."""
    required: set[str] = set()
    for line in importlib.metadata.requires(distribution) or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": extra}):
            required.add(canonicalize_name(requirement.name))
    return required


def _closure(names: set[str]) -> set[str]:
    """``names`` and everything they require, transitively (as installed here)."""
    seen: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending.extend(_requirements(name, "") - seen)
    return seen
