# Sourced by scripts/bootstrap and scripts/demo, from the repository root: the
# pinned uv, installed with pip once, so both environments are synced from
# uv.lock by the same uv whatever is (or is not) on the machine.

# The one pin: pyproject.toml's [tool.uv] required-version, which uv itself
# enforces (and which the dev group's uv pin matches: tests/scripts checks it).
UV_VERSION=$(sed -n 's/^required-version = "==\(.*\)"$/\1/p' pyproject.toml)
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}

# Print the version number of VENV's uv ("uv 0.13.8 (x86_64-...)" gives 0.13.8),
# or nothing (not even a newline) when it has none.
uv_version_in() {
  "$1/bin/uv" --version 2>/dev/null | cut -d' ' -f2 || true
}

# Print the path of a uv at UV_VERSION: that of the first VENV that has one, or
# else of the last VENV after installing it there with pip (creating the venv
# with $PYTHON if it has no Python yet). Banners go to stderr: stdout is the path.
pinned_uv() {
  local venv
  for venv in "$@"; do
    if [ "$(uv_version_in "$venv")" = "$UV_VERSION" ]; then
      echo "$venv/bin/uv"
      return
    fi
  done
  if [ ! -x "$venv/bin/python" ]; then
    echo "==> Creating $venv with $("$PYTHON" --version)" >&2
    "$PYTHON" -m venv "$venv"
  fi
  echo "==> Installing uv $UV_VERSION into $venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2
  echo "$venv/bin/uv"
}
