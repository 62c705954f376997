"""What the fake keeps about models, deployments and uploaded files.

``FakeReplicate.models``, ``.deployments`` and ``.files`` hold these records,
keyed by "owner/name" (or file id). Tests read them, and may change them; the
handlers in ``_handlers/`` read and change them as the API is called, and
``_shapes`` turns them into the JSON the API sends.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from replicate_typed.testing._behavior import Behavior


@dataclass
class ModelEntry:
    """A model the fake knows: what ``FakeReplicate.add_model`` returns.

    It starts with one version, ``version_id``; a training into it adds more.
    """

    owner: str
    """The account that owns it: "acme" in "acme/echo"."""
    name: str
    """Its name: "echo" in "acme/echo"."""
    behavior: Behavior
    """What its predictions do."""
    official: bool = True
    """Whether it runs by name (an official model); any model runs by version id."""
    description: str = ""
    """Its description, also searched by ``models.search`` and ``search``."""
    visibility: str = "public"
    """ "public" or "private"; lists and ``models.search`` show public ones only."""
    readme: str = ""
    """Its README (Markdown); by default a title and the description."""
    version_id: str = ""
    """Its first version's id: 64 hex digits, by default derived from the name."""
    run_count: int = 0
    """How many predictions have been created for it."""
    extra_versions: list[str] = field(default_factory=list[str])
    """Versions added later (by trainings), oldest first."""
    openapi_schema: dict[str, Any] | None = None
    """Every version's ``openapi_schema``; None for a minimal Cog schema with no interface."""

    def __post_init__(self) -> None:
        if not self.version_id:
            self.version_id = version_id_for(f"{self.owner}/{self.name}")
        if not self.readme:
            self.readme = f"# {self.name}\n\n{self.description}\n"

    @property
    def full_name(self) -> str:
        """ "owner/name"."""
        return f"{self.owner}/{self.name}"

    @property
    def versions(self) -> list[str]:
        """Every version id, newest first."""
        return [*reversed(self.extra_versions), self.version_id]


@dataclass
class DeploymentEntry:
    """A deployment: a model version on fixed hardware; what ``add_deployment`` returns."""

    owner: str
    """The account that owns it."""
    name: str
    """Its name; predictions run on it as "owner/name"."""
    model: str
    """The model it runs, "owner/name"."""
    version: str
    """The version of ``model`` it runs."""
    hardware: str
    """The hardware SKU, e.g. "gpu-t4"."""
    min_instances: int
    """The fewest instances it scales down to."""
    max_instances: int
    """The most instances it scales up to."""
    created: float
    """When it was created, in seconds on the fake's clock."""
    release: int = 1
    """Its current release number; each update adds one."""

    @property
    def full_name(self) -> str:
        """ "owner/name"."""
        return f"{self.owner}/{self.name}"


@dataclass
class StoredFile:
    """A file uploaded through the Files API, as ``FakeReplicate.files`` keeps it."""

    id: str
    """Its id, as ``files.create`` returned it."""
    name: str
    """Its file name."""
    content_type: str
    """Its media type."""
    content: bytes
    """What was uploaded."""
    metadata: dict[str, Any]
    """The metadata sent with it (JSON)."""
    created: float
    """When it was uploaded, in seconds on the fake's clock."""


def version_id_for(text: str) -> str:
    """A stable 64-hex version id derived from ``text``."""
    return hashlib.sha256(text.encode()).hexdigest()
