"""templates/ is the installed generator's templates plus template_patches/, byte for byte."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from regenerate import retemplate, version

UPSTREAM = retemplate.upstream_templates()


def test_the_patches_were_made_against_the_installed_generator() -> None:
    assert retemplate.base_version() == version.installed_version()


def test_the_committed_templates_are_upstream_plus_the_patches() -> None:
    expected = retemplate.apply_all(UPSTREAM)

    assert sorted(expected) == sorted(
        str(path.relative_to(retemplate.TEMPLATES_PATH))
        for path in retemplate.TEMPLATES_PATH.rglob("*.jinja")
    )
    for name, text in expected.items():
        assert (retemplate.TEMPLATES_PATH / name).read_bytes() == text.encode("utf-8"), name
    assert retemplate.check(UPSTREAM) == []


def test_every_patch_changes_its_template() -> None:
    for patch in retemplate.template_patches():
        assert patch.path.read_text(encoding="utf-8").startswith(f"--- a/{patch.name}\n")
        assert (UPSTREAM / patch.name).read_bytes() != (
            retemplate.TEMPLATES_PATH / patch.name
        ).read_bytes()


def test_recording_the_patches_again_changes_nothing(tmp_path: Path) -> None:
    patches = tmp_path / "patches"

    retemplate.record(UPSTREAM, patches=patches)

    for patch in retemplate.template_patches():
        assert (patches / patch.path.relative_to(retemplate.PATCHES_PATH)).read_bytes() == (
            patch.path.read_bytes()
        )


@pytest.fixture
def upstream_copy(tmp_path: Path) -> Path:
    """A copy of the installed generator's templates, to play a new release."""
    copy = tmp_path / "upstream"
    shutil.copytree(UPSTREAM, copy)
    return copy


def test_a_patch_that_no_longer_applies_names_the_template_and_hunk(
    upstream_copy: Path, tmp_path: Path
) -> None:
    endpoint = upstream_copy / "endpoint_module.py.jinja"
    # A "new release" rewords a line the multipart hunk (the second) has as context.
    text = endpoint.read_text(encoding="utf-8")
    assert text.count("{% for body in endpoint.bodies %}") == 1
    endpoint.write_text(text.replace("{% for body in endpoint.bodies %}", "{% for b in bodies %}"))
    templates = tmp_path / "templates"
    shutil.copytree(retemplate.TEMPLATES_PATH, templates)
    before = {p: p.read_bytes() for p in templates.rglob("*") if p.is_file()}

    with pytest.raises(retemplate.TemplatePatchError) as caught:
        retemplate.write(upstream_copy, "9.9.9", templates=templates, patches=_patches(tmp_path))

    message = str(caught.value)
    assert "endpoint_module.py.jinja.patch does not apply to endpoint_module.py.jinja" in message
    assert "hunk #3 of 5" in message
    assert "rejected" in message
    assert "@@ -" in message  # the hunk's header, to find it in the patch
    assert "model.py.jinja" not in message  # the other patches applied
    # Nothing was written, not even the templates whose patches applied.
    assert {p: p.read_bytes() for p in templates.rglob("*") if p.is_file()} == before


def test_a_template_the_generator_dropped_is_named(upstream_copy: Path, tmp_path: Path) -> None:
    (upstream_copy / "str_enum.py.jinja").unlink()

    with pytest.raises(retemplate.TemplatePatchError, match=r"no template str_enum\.py\.jinja"):
        retemplate.apply_all(upstream_copy, _patches(tmp_path))


def test_patches_apply_to_a_release_that_moved_lines(upstream_copy: Path, tmp_path: Path) -> None:
    endpoint = upstream_copy / "endpoint_module.py.jinja"
    marker = "def _parse_response("
    new_lines = "{# new in this release #}\n{# and this #}\n"
    endpoint.write_text(endpoint.read_text(encoding="utf-8").replace(marker, new_lines + marker))
    templates = tmp_path / "templates"
    patches = _patches(tmp_path)

    written = retemplate.write(upstream_copy, "9.9.9", templates=templates, patches=patches)

    assert "endpoint_module.py.jinja" in written
    ours = (retemplate.TEMPLATES_PATH / "endpoint_module.py.jinja").read_text(encoding="utf-8")
    assert (templates / "endpoint_module.py.jinja").read_text(encoding="utf-8") == (
        ours.replace(marker, new_lines + marker)
    )
    assert retemplate.base_version(patches) == "9.9.9"


def test_retemplate_never_imports_the_generator() -> None:
    # It must run when the installed release no longer fits regenerate.internals.
    code = (
        "import sys; import regenerate.retemplate as r; r.upstream_templates(); "
        "r.installed_version(); "
        "assert not [m for m in sys.modules if m.startswith('openapi_python_client')]"
    )
    env = {**os.environ, "PYTHONPATH": str(retemplate.HERE.parent)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_check_names_a_hand_edited_template(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(retemplate.TEMPLATES_PATH, templates)
    with (templates / "str_enum.py.jinja").open("a", encoding="utf-8") as handle:
        handle.write("# edited by hand\n")

    assert retemplate.check(UPSTREAM, templates=templates) == [
        "str_enum.py.jinja: differs from upstream plus its patch"
    ]


def _patches(tmp_path: Path) -> Path:
    copy = tmp_path / "patches"
    shutil.copytree(retemplate.PATCHES_PATH, copy)
    return copy
