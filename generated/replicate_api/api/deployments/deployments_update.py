from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deployment import Deployment
from ...models.deployment_update_request import DeploymentUpdateRequest
from ...types import UNSET, RequestArgs, Response, Unset

#: The HTTP method of this operation.
METHOD: Final = "patch"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/deployments/{deployment_owner}/{deployment_name}"


def request_args(
    deployment_owner: str,
    deployment_name: str,
    *,
    body: DeploymentUpdateRequest | Unset = UNSET,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for PATCH /deployments/{deployment_owner}/{deployment_name}.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """
    headers: dict[str, Any] = {}

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH.format(
            deployment_owner=quote(str(deployment_owner), safe=""),
            deployment_name=quote(str(deployment_name), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Deployment | None:
    if response.status_code == 200:
        response_200 = Deployment.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Deployment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    deployment_owner: str,
    deployment_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: DeploymentUpdateRequest | Unset = UNSET,
) -> Response[Deployment]:
    """Change a deployment

     Adjust a deployment's hardware, instance limits or model version; send only the fields to change.
    Each change creates a new release with a higher number.

    Args:
        deployment_owner (str):
        deployment_name (str):
        body (DeploymentUpdateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment]
    """

    kwargs = request_args(
        deployment_owner=deployment_owner,
        deployment_name=deployment_name,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    deployment_owner: str,
    deployment_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: DeploymentUpdateRequest | Unset = UNSET,
) -> Deployment | None:
    """Change a deployment

     Adjust a deployment's hardware, instance limits or model version; send only the fields to change.
    Each change creates a new release with a higher number.

    Args:
        deployment_owner (str):
        deployment_name (str):
        body (DeploymentUpdateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deployment
    """

    return sync_detailed(
        deployment_owner=deployment_owner,
        deployment_name=deployment_name,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    deployment_owner: str,
    deployment_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: DeploymentUpdateRequest | Unset = UNSET,
) -> Response[Deployment]:
    """Change a deployment

     Adjust a deployment's hardware, instance limits or model version; send only the fields to change.
    Each change creates a new release with a higher number.

    Args:
        deployment_owner (str):
        deployment_name (str):
        body (DeploymentUpdateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment]
    """

    kwargs = request_args(
        deployment_owner=deployment_owner,
        deployment_name=deployment_name,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    deployment_owner: str,
    deployment_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: DeploymentUpdateRequest | Unset = UNSET,
) -> Deployment | None:
    """Change a deployment

     Adjust a deployment's hardware, instance limits or model version; send only the fields to change.
    Each change creates a new release with a higher number.

    Args:
        deployment_owner (str):
        deployment_name (str):
        body (DeploymentUpdateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deployment
    """

    return (
        await asyncio_detailed(
            deployment_owner=deployment_owner,
            deployment_name=deployment_name,
            client=client,
            body=body,
        )
    ).parsed
