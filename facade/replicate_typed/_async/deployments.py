"""Deployments: create, get, list, update, delete; run one with ``run(deployment=...)``."""

from __future__ import annotations

from replicate_api.api.deployments import (
    deployments_create,
    deployments_delete,
    deployments_get,
    deployments_list,
    deployments_update,
)
from replicate_api.models.deployment import Deployment
from replicate_api.models.deployment_create_request import DeploymentCreateRequest
from replicate_api.models.deployment_page import DeploymentPage
from replicate_api.models.deployment_update_request import DeploymentUpdateRequest
from replicate_api.types import UNSET

from replicate_typed._async.pager import AsyncPager
from replicate_typed._async.resource import AsyncResource
from replicate_typed._effects import Send
from replicate_typed._kinds import check_id
from replicate_typed._options import unset_if_none
from replicate_typed._refs import owner_and_name
from replicate_typed._resource_checks import check_instances


class AsyncDeployments(AsyncResource):
    """Deployments: a model version on dedicated, autoscaled hardware.

    Run one with ``run(deployment="owner/name", input=...)``.
    """

    async def get(self, deployment: str) -> Deployment:
        """A deployment by "owner/name", with its current release."""
        kwargs = deployments_get.request_args(*owner_and_name(deployment, "deployment"))
        return await self._fetch(Send("deployments.get", kwargs), Deployment)

    def list(self) -> AsyncPager[Deployment]:
        """Every deployment of your account."""
        return self._pager(
            Send("deployments.list", deployments_list.request_args()), DeploymentPage
        )

    async def create(
        self,
        name: str,
        *,
        model: str,
        version: str,
        hardware: str,
        min_instances: int,
        max_instances: int,
    ) -> Deployment:
        """Deploy ``version`` of ``model`` ("owner/name") as ``name`` on ``hardware``.

        Never sent again once it may have arrived (a deployment with
        ``min_instances`` of 1 or more bills): the error then says ``may_exist``.
        """
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
        request = Send("deployments.create", deployments_create.request_args(body=body))
        return await self._create(request, Deployment)

    async def update(
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
        request = Send(
            "deployments.update", deployments_update.request_args(owner, name, body=body)
        )
        return await self._fetch(request, Deployment)

    async def delete(self, deployment: str) -> None:
        """Delete a deployment (it must be offline, with no recent predictions)."""
        kwargs = deployments_delete.request_args(*owner_and_name(deployment, "deployment"))
        await self._delete(Send("deployments.delete", kwargs))
