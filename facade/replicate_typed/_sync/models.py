"""Models: look up, list, search, create, update, delete; their versions, README and examples.

Written by scripts/unasync from _async/models.py: edit that file.
"""

from __future__ import annotations

from typing import Literal

import httpx
from replicate_api.api.models import (
    models_create,
    models_delete,
    models_examples_list,
    models_get,
    models_list,
    models_readme_get,
    models_update,
    models_versions_delete,
    models_versions_get,
    models_versions_list,
)
from replicate_api.models.model import Model
from replicate_api.models.model_create_request import ModelCreateRequest
from replicate_api.models.model_create_request_visibility import ModelCreateRequestVisibility
from replicate_api.models.model_page import ModelPage
from replicate_api.models.model_sort_by import ModelSortBy
from replicate_api.models.model_update_request import ModelUpdateRequest
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_example_page import PredictionExamplePage
from replicate_api.models.sort_direction import SortDirection
from replicate_api.models.version import Version
from replicate_api.models.version_page import VersionPage

from replicate_typed._effects import Send
from replicate_typed._kinds import check_id
from replicate_typed._options import unset_if_none
from replicate_typed._refs import owner_and_name
from replicate_typed._resource_checks import choice
from replicate_typed._sync.pager import Pager
from replicate_typed._sync.resource import Resource
from replicate_typed._sync.runner import Runner
from replicate_typed.lowlevel import models_search


class Models(Resource):
    """Models: look up, list, search, create, update, delete; their versions and examples."""

    def __init__(self, runner: Runner) -> None:
        super().__init__(runner)
        self.versions: ModelVersions = ModelVersions(runner)

    def get(self, model: str) -> Model:
        """A model by "owner/name", with its latest version."""
        request = Send("models.get", models_get.request_args(*owner_and_name(model, "model")))
        return self._fetch(request, Model)

    def list(
        self,
        *,
        sort_by: Literal["model_created_at", "latest_version_created_at"] | None = None,
        sort_direction: Literal["asc", "desc"] | None = None,
    ) -> Pager[Model]:
        """Every public model; by default those with the newest versions first."""
        kwargs = models_list.request_args(
            sort_by=ModelSortBy(sort_by) if sort_by else ModelSortBy.LATEST_VERSION_CREATED_AT,
            sort_direction=SortDirection(sort_direction) if sort_direction else SortDirection.DESC,
        )
        return self._pager(Send("models.list", kwargs), ModelPage)

    def search(self, query: str) -> Pager[Model]:
        """Public models matching ``query`` (the QUERY /models search)."""
        if not isinstance(query, str) or not query.strip():
            raise ValueError(f"query must be non-empty text, got {query!r}")
        return self._pager(Send("models.search", models_search.request_args(body=query)), ModelPage)

    def create(
        self,
        model: str,
        *,
        visibility: Literal["public", "private"],
        hardware: str,
        description: str | None = None,
        github_url: str | None = None,
        paper_url: str | None = None,
        license_url: str | None = None,
        cover_image_url: str | None = None,
    ) -> Model:
        """Create an empty model "owner/name" to push versions to.

        Never sent again once it may have arrived: the error then says ``may_exist``.
        """
        owner, name = owner_and_name(model, "model")
        body = ModelCreateRequest(
            owner=owner,
            name=name,
            visibility=ModelCreateRequestVisibility(
                choice(visibility, ("public", "private"), "visibility")
            ),
            hardware=hardware,
            description=unset_if_none(description),
            github_url=unset_if_none(github_url),
            paper_url=unset_if_none(paper_url),
            license_url=unset_if_none(license_url),
            cover_image_url=unset_if_none(cover_image_url),
        )
        request = Send("models.create", models_create.request_args(body=body))
        return self._create(request, Model)

    def update(
        self,
        model: str,
        *,
        description: str | None = None,
        readme: str | None = None,
        github_url: str | None = None,
        paper_url: str | None = None,
        license_url: str | None = None,
        weights_url: str | None = None,
    ) -> Model:
        """Change a model's metadata; fields left as None are not changed."""
        body = ModelUpdateRequest(
            description=unset_if_none(description),
            readme=unset_if_none(readme),
            github_url=unset_if_none(github_url),
            paper_url=unset_if_none(paper_url),
            license_url=unset_if_none(license_url),
            weights_url=unset_if_none(weights_url),
        )
        owner, name = owner_and_name(model, "model")
        request = Send("models.update", models_update.request_args(owner, name, body=body))
        return self._fetch(request, Model)

    def delete(self, model: str) -> None:
        """Delete a model (it must be private and have no versions)."""
        kwargs = models_delete.request_args(*owner_and_name(model, "model"))
        self._delete(Send("models.delete", kwargs))

    def readme(self, model: str) -> str:
        """A model's README, in Markdown."""
        kwargs = models_readme_get.request_args(*owner_and_name(model, "model"))
        core = self._runner.core
        request = Send("models.readme.get", kwargs)
        return self._runner.perform(core.fetch(request, _text))

    def examples(self, model: str) -> Pager[Prediction]:
        """The example predictions a model's author saved."""
        kwargs = models_examples_list.request_args(*owner_and_name(model, "model"))
        return self._pager(Send("models.examples.list", kwargs), PredictionExamplePage)


class ModelVersions(Resource):
    """The versions of a model."""

    def get(self, model: str, version_id: str) -> Version:
        """One version of "owner/name"."""
        owner, name = owner_and_name(model, "model")
        kwargs = models_versions_get.request_args(owner, name, check_id(version_id))
        return self._fetch(Send("models.versions.get", kwargs), Version)

    def list(self, model: str) -> Pager[Version]:
        """Every version of "owner/name", newest first."""
        kwargs = models_versions_list.request_args(*owner_and_name(model, "model"))
        return self._pager(Send("models.versions.list", kwargs), VersionPage)

    def delete(self, model: str, version_id: str) -> None:
        """Delete a version and its predictions (the API finishes this in the background)."""
        owner, name = owner_and_name(model, "model")
        kwargs = models_versions_delete.request_args(owner, name, check_id(version_id))
        self._delete(Send("models.versions.delete", kwargs))


def _text(response: httpx.Response) -> str:
    return response.text
