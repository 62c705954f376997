"""Models, deployments and more.

Written by scripts/unasync from _async_catalog.py: edit that file, not this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, cast

import httpx
from replicate_api.api.account import account_get
from replicate_api.api.collections import collections_get, collections_list
from replicate_api.api.deployments import (
    deployments_create,
    deployments_delete,
    deployments_get,
    deployments_list,
    deployments_update,
)
from replicate_api.api.hardware import hardware_list
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
from replicate_api.api.webhooks import webhooks_default_secret_get
from replicate_api.models.account import Account
from replicate_api.models.collection import Collection
from replicate_api.models.collection_page import CollectionPage
from replicate_api.models.collection_summary import CollectionSummary
from replicate_api.models.deployment import Deployment
from replicate_api.models.deployment_create_request import DeploymentCreateRequest
from replicate_api.models.deployment_page import DeploymentPage
from replicate_api.models.deployment_update_request import DeploymentUpdateRequest
from replicate_api.models.hardware import Hardware
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
from replicate_api.models.webhook_secret import WebhookSecret
from replicate_api.types import UNSET

from replicate_typed._catalog_rules import check_instances, choice
from replicate_typed._effects import Send
from replicate_typed._errors import InvalidResponseError
from replicate_typed._jobs import check_id
from replicate_typed._options import unset_if_none
from replicate_typed._pager import Pager
from replicate_typed._refs import owner_and_name
from replicate_typed._resource import Resource
from replicate_typed._responses import parse_json
from replicate_typed.lowlevel import models_search

if TYPE_CHECKING:
    from replicate_typed._client import Replicate


class Models(Resource):
    """Models: look up, list, search, create, update, delete; their versions and examples."""

    def __init__(self, client: Replicate) -> None:
        super().__init__(client)
        self.versions: ModelVersions = ModelVersions(client)

    def get(self, model: str) -> Model:
        """A model by "owner/name", with its latest version."""
        send = Send("models.get", models_get._get_kwargs(*owner_and_name(model, "model")))
        return self._fetch(send, Model)

    def list(
        self,
        *,
        sort_by: Literal["model_created_at", "latest_version_created_at"] | None = None,
        sort_direction: Literal["asc", "desc"] | None = None,
    ) -> Pager[Model]:
        """Every public model; by default those with the newest versions first."""
        kwargs = models_list._get_kwargs(
            sort_by=ModelSortBy(sort_by) if sort_by else ModelSortBy.LATEST_VERSION_CREATED_AT,
            sort_direction=SortDirection(sort_direction) if sort_direction else SortDirection.DESC,
        )
        return self._pager(Send("models.list", kwargs), ModelPage)

    def search(self, query: str) -> Pager[Model]:
        """Public models matching ``query`` (the QUERY /models search)."""
        if not isinstance(query, str) or not query.strip():
            raise ValueError(f"query must be non-empty text, got {query!r}")
        return self._pager(Send("models.search", models_search._get_kwargs(body=query)), ModelPage)

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
        """Create an empty model "owner/name" to push versions to."""
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
        send = Send("models.create", models_create._get_kwargs(body=body))
        return self._fetch(send, Model, repeatable=False)

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
        send = Send("models.update", models_update._get_kwargs(owner, name, body=body))
        return self._fetch(send, Model)

    def delete(self, model: str) -> None:
        """Delete a model (it must be private and have no versions)."""
        kwargs = models_delete._get_kwargs(*owner_and_name(model, "model"))
        self._send(Send("models.delete", kwargs))

    def readme(self, model: str) -> str:
        """A model's README, in Markdown."""
        kwargs = models_readme_get._get_kwargs(*owner_and_name(model, "model"))
        core = self._client._core
        send = Send("models.readme.get", kwargs)
        return self._client._perform(core.call(send, _text))

    def examples(self, model: str) -> Pager[Prediction]:
        """The example predictions a model's author saved."""
        kwargs = models_examples_list._get_kwargs(*owner_and_name(model, "model"))
        return self._pager(Send("models.examples.list", kwargs), PredictionExamplePage)


class ModelVersions(Resource):
    """The versions of a model."""

    def get(self, model: str, version_id: str) -> Version:
        """One version of "owner/name"."""
        owner, name = owner_and_name(model, "model")
        kwargs = models_versions_get._get_kwargs(owner, name, check_id(version_id))
        return self._fetch(Send("models.versions.get", kwargs), Version)

    def list(self, model: str) -> Pager[Version]:
        """Every version of "owner/name", newest first."""
        kwargs = models_versions_list._get_kwargs(*owner_and_name(model, "model"))
        return self._pager(Send("models.versions.list", kwargs), VersionPage)

    def delete(self, model: str, version_id: str) -> None:
        """Delete a version and its predictions (the API finishes this in the background)."""
        owner, name = owner_and_name(model, "model")
        kwargs = models_versions_delete._get_kwargs(owner, name, check_id(version_id))
        self._send(Send("models.versions.delete", kwargs))


class Deployments(Resource):
    """Deployments: a model version on dedicated, autoscaled hardware.

    Run one with ``run(deployment="owner/name", input=...)``.
    """

    def get(self, deployment: str) -> Deployment:
        """A deployment by "owner/name", with its current release."""
        kwargs = deployments_get._get_kwargs(*owner_and_name(deployment, "deployment"))
        return self._fetch(Send("deployments.get", kwargs), Deployment)

    def list(self) -> Pager[Deployment]:
        """Every deployment of your account."""
        return self._pager(Send("deployments.list", deployments_list._get_kwargs()), DeploymentPage)

    def create(
        self,
        name: str,
        *,
        model: str,
        version: str,
        hardware: str,
        min_instances: int,
        max_instances: int,
    ) -> Deployment:
        """Deploy ``version`` of ``model`` ("owner/name") as ``name`` on ``hardware``."""
        owner_and_name(model, "model")
        check_instances(min_instances, max_instances)
        body = DeploymentCreateRequest(
            name=name,
            model=model,
            version=check_id(version),
            hardware=hardware,
            min_instances=min_instances,
            max_instances=max_instances,
        )
        send = Send("deployments.create", deployments_create._get_kwargs(body=body))
        return self._fetch(send, Deployment, repeatable=False)

    def update(
        self,
        deployment: str,
        *,
        version: str | None = None,
        hardware: str | None = None,
        min_instances: int | None = None,
        max_instances: int | None = None,
    ) -> Deployment:
        """Change a deployment, creating a new release; None leaves a setting as it is."""
        check_instances(min_instances, max_instances)
        body = DeploymentUpdateRequest(
            version=unset_if_none(version),
            hardware=unset_if_none(hardware),
            min_instances=UNSET if min_instances is None else min_instances,
            max_instances=UNSET if max_instances is None else max_instances,
        )
        owner, name = owner_and_name(deployment, "deployment")
        send = Send("deployments.update", deployments_update._get_kwargs(owner, name, body=body))
        return self._fetch(send, Deployment)

    def delete(self, deployment: str) -> None:
        """Delete a deployment (it must be offline, with no recent predictions)."""
        kwargs = deployments_delete._get_kwargs(*owner_and_name(deployment, "deployment"))
        self._send(Send("deployments.delete", kwargs))


class Collections(Resource):
    """Curated collections of models."""

    def list(self) -> Pager[CollectionSummary]:
        """Every collection (name, slug, description)."""
        return self._pager(Send("collections.list", collections_list._get_kwargs()), CollectionPage)

    def get(self, slug: str) -> Collection:
        """A collection with its models, e.g. "text-to-image"."""
        send = Send("collections.get", collections_get._get_kwargs(check_id(slug)))
        return self._fetch(send, Collection)


class HardwareOptions(Resource):
    """The hardware models and deployments can run on."""

    def list(self) -> list[Hardware]:
        """Every hardware option, with the SKU to pass as ``hardware``."""
        core = self._client._core
        send = Send("hardware.list", hardware_list._get_kwargs())
        return self._client._perform(core.call(send, _hardware))


class AccountInfo(Resource):
    """The account the API token belongs to."""

    def get(self) -> Account:
        """Who the token belongs to: a user or an organization."""
        return self._fetch(Send("account.get", account_get._get_kwargs()), Account)


class Webhooks(Resource):
    """Webhook settings; see ``verify_webhook`` to check incoming requests."""

    def default_secret(self) -> str:
        """The signing secret ("whsec_...") of your account's webhooks."""
        send = Send("webhooks.default.secret.get", webhooks_default_secret_get._get_kwargs())
        secret = self._fetch(send, WebhookSecret)
        if not isinstance(secret.key, str) or not secret.key:
            raise InvalidResponseError(
                "webhooks.default.secret.get returned no key",
                status=200,
                operation=send.operation,
            )
        return secret.key


def _text(response: httpx.Response) -> str:
    return response.text


def _hardware(response: httpx.Response) -> list[Hardware]:
    data = parse_json(response, "hardware.list")
    if not isinstance(data, list):
        raise InvalidResponseError(
            "hardware.list did not return a list",
            status=response.status_code,
            operation="hardware.list",
            body=response.text,
        )
    return [Hardware.from_dict(item) for item in cast(list[dict[str, Any]], data)]
