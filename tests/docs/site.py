"""Find the documentation site's pages, and build the site for a test that reads it."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "scripts" / "lib" / "docs_site" / "pages"
GUIDES = PAGES / "guides"
#: A strict build made beforehand (scripts/test makes one), so pytest need not build again.
PREBUILT_ENV = "REPLICATE_TYPED_DOCS_SITE"

_FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.DOTALL | re.MULTILINE)


def code_blocks(page: Path) -> list[tuple[str, str]]:
    """The page's fenced code blocks as (language, code)."""
    return _FENCE.findall(page.read_text(encoding="utf-8"))


def built_site(tmp_dir: Path) -> Path:
    """The folder of a strict build: the prebuilt one if named, else one built into tmp_dir."""
    prebuilt = os.environ.get(PREBUILT_ENV)
    if prebuilt and (Path(prebuilt) / "index.html").is_file():
        return Path(prebuilt)
    site = tmp_dir / "site"
    build = subprocess.run(
        [str(ROOT / "scripts" / "docs"), "build", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return site
