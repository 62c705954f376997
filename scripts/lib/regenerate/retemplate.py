"""Our templates as patches against the installed generator's own (scripts/retemplate).

``templates/`` holds copies of openapi-python-client templates with our
changes; ``template_patches/`` holds each change as a unified diff against the
upstream template of the release named in ``template_patches/BASE_VERSION``
(the README there says why each change is made). So a generator bump is:

    scripts/retemplate           apply the patches to the installed generator's
                                 templates and write templates/; fails, naming
                                 the template and hunk, if a patch no longer applies
    scripts/retemplate --record  after editing a template: rewrite its patch
                                 (the installed generator must be BASE_VERSION)
    scripts/retemplate --check   fail unless templates/ is upstream plus the patches

Patches are applied with ``git apply`` (no fuzz: context must match exactly;
offsets are allowed), which names every rejected hunk. It reads only the
generator's package metadata and template files, never imports the generator,
so it runs even when the new release no longer fits ``regenerate.internals``.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from regenerate.errors import GenerationError
from regenerate.version import installed_version

HERE = Path(__file__).parent
TEMPLATES_PATH = HERE / "templates"
PATCHES_PATH = HERE / "template_patches"
PATCH_SUFFIX = ".patch"
BASE_VERSION_FILE = "BASE_VERSION"


class TemplatePatchError(GenerationError):
    """A template patch does not apply, or templates/ is not upstream plus the patches."""


def base_version(patches: Path = PATCHES_PATH) -> str:
    """The generator release whose templates the patches were made against."""
    return (patches / BASE_VERSION_FILE).read_text(encoding="utf-8").strip()


def upstream_templates() -> Path:
    """The installed generator's templates (the directory it documents copying from)."""
    # find_spec locates the package without running it (nor anything it imports).
    spec = importlib.util.find_spec("openapi_python_client")
    if spec is None or not spec.submodule_search_locations:
        raise TemplatePatchError("openapi-python-client is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


@dataclass(frozen=True)
class TemplatePatch:
    """The patch of one template: ``name`` is its path under templates/."""

    name: str
    path: Path


def template_patches(patches: Path = PATCHES_PATH) -> list[TemplatePatch]:
    """Every patch in ``patches``, sorted by template name."""
    return [
        TemplatePatch(str(path.relative_to(patches))[: -len(PATCH_SUFFIX)], path)
        for path in sorted(patches.rglob(f"*{PATCH_SUFFIX}"))
    ]


def diff(name: str, upstream: str, ours: str) -> str:
    """A unified diff that turns ``upstream`` into ``ours``, for template ``name``."""
    for label, text in (("upstream", upstream), ("ours", ours)):
        if text and not text.endswith("\n"):
            raise TemplatePatchError(f"{label} {name} does not end with a newline")
    lines = difflib.unified_diff(
        upstream.splitlines(keepends=True),
        ours.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
        n=3,
    )
    return "".join(lines)


def apply_all(upstream: Path, patches: Path = PATCHES_PATH) -> dict[str, str]:
    """Each patched template's text: upstream's template plus its patch.

    Raises TemplatePatchError naming the template and every rejected hunk.
    """
    result: dict[str, str] = {}
    failures: list[str] = []
    for patch in template_patches(patches):
        try:
            result[patch.name] = apply_one(upstream, patch)
        except TemplatePatchError as exc:
            failures.append(str(exc))
    if failures:
        raise TemplatePatchError("\n".join(failures))
    return result


def apply_one(upstream: Path, patch: TemplatePatch) -> str:
    """Apply one patch to a copy of its upstream template; the patched text."""
    source = upstream / patch.name
    if not source.is_file():
        raise TemplatePatchError(
            f"{patch.path.name}: the generator has no template {patch.name} any more"
        )
    with tempfile.TemporaryDirectory(prefix="retemplate-") as tmp:
        work = Path(tmp)
        (work / patch.name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, work / patch.name)
        run = subprocess.run(
            ["git", "apply", "--reject", "--verbose", "-p1", str(patch.path.resolve())],
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            raise TemplatePatchError(_rejects(patch, run.stdout + run.stderr))
        return (work / patch.name).read_text(encoding="utf-8")


def _rejects(patch: TemplatePatch, output: str) -> str:
    hunks = re.findall(r"^@@ .* @@.*$", patch.path.read_text(encoding="utf-8"), re.MULTILINE)
    rejected = [int(n) for n in re.findall(r"Rejected hunk #(\d+)", output)]
    lines = [f"template patch {patch.path.name} does not apply to {patch.name}:"]
    for number in rejected:
        header = hunks[number - 1] if number <= len(hunks) else "?"
        lines.append(f"  hunk #{number} of {len(hunks)} ({header}) rejected")
    if not rejected:
        lines.append("  " + output.strip().replace("\n", "\n  "))
    return "\n".join(lines)


def check(
    upstream: Path, templates: Path = TEMPLATES_PATH, patches: Path = PATCHES_PATH
) -> list[str]:
    """How ``templates`` differs from upstream plus the patches (empty: it does not)."""
    expected = apply_all(upstream, patches)
    found = {
        str(path.relative_to(templates))
        for path in templates.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    problems = [f"{name}: no patch for it" for name in sorted(found - set(expected))]
    for name, text in sorted(expected.items()):
        path = templates / name
        if not path.is_file():
            problems.append(f"{name}: missing from templates/")
        elif path.read_bytes() != text.encode("utf-8"):
            problems.append(f"{name}: differs from upstream plus its patch")
    return problems


def write(
    upstream: Path, version: str, templates: Path = TEMPLATES_PATH, patches: Path = PATCHES_PATH
) -> list[str]:
    """Write templates/ as upstream plus the patches; record ``version``. Nothing on failure."""
    patched = apply_all(upstream, patches)
    for name, text in patched.items():
        (templates / name).parent.mkdir(parents=True, exist_ok=True)
        (templates / name).write_text(text, encoding="utf-8")
    (patches / BASE_VERSION_FILE).write_text(f"{version}\n", encoding="utf-8")
    return sorted(patched)


def record(
    upstream: Path, templates: Path = TEMPLATES_PATH, patches: Path = PATCHES_PATH
) -> list[str]:
    """Rewrite every template's patch from templates/ against upstream."""
    names = sorted(
        str(path.relative_to(templates)) for path in templates.rglob("*.jinja") if path.is_file()
    )
    written: list[str] = []
    for name in names:
        source = upstream / name
        upstream_text = source.read_text(encoding="utf-8") if source.is_file() else ""
        text = diff(name, upstream_text, (templates / name).read_text(encoding="utf-8"))
        target = patches / f"{name}{PATCH_SUFFIX}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(name)
    return written


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = argparse.ArgumentParser(
        prog="scripts/retemplate", description=(__doc__ or "").split("\n")[0]
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="verify templates/ is upstream + patches"
    )
    mode.add_argument("--record", action="store_true", help="rewrite the patches from templates/")
    args = parser.parse_args(argv)
    installed = installed_version()
    upstream = upstream_templates()
    try:
        if args.record:
            if installed != base_version():
                raise TemplatePatchError(
                    f"the patches are against {base_version()} but {installed} is installed: "
                    "run scripts/retemplate first"
                )
            for name in record(upstream):
                print(f"recorded template_patches/{name}{PATCH_SUFFIX}")
            return 0
        if args.check:
            problems = check(upstream)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
            if problems:
                print(
                    "templates/ is not upstream plus the patches: run scripts/retemplate",
                    file=sys.stderr,
                )
                return 1
            print(f"templates/ is openapi-python-client {installed}'s plus the patches")
            return 0
        for name in write(upstream, installed):
            print(f"patched {name}")
        print(f"templates/ written from openapi-python-client {installed}")
        return 0
    except TemplatePatchError as exc:
        print(f"retemplate: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
