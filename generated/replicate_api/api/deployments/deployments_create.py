from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deployment import Deployment
from ...models.deployment_create_request import DeploymentCreateRequest
from ...types import RequestArgs, Response

#: The HTTP method of this operation.
METHOD: Final = "post"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/deployments"


def request_args(
    *,
    body: DeploymentCreateRequest,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for POST /deployments.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """
    headers: dict[str, Any] = {}

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH,
    }

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
    *,
    client: AuthenticatedClient | Client,
    body: DeploymentCreateRequest,
) -> Response[Deployment]:
    """Create a deployment

     Set up a deployment that serves a chosen model version on fixed hardware with autoscaling bounds.
    The reply describes its first release.

    Args:
        body (DeploymentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment]
    """

    kwargs = request_args(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: DeploymentCreateRequest,
) -> Deployment | None:
    """Create a deployment

     Set up a deployment that serves a chosen model version on fixed hardware with autoscaling bounds.
    The reply describes its first release.

    Args:
        body (DeploymentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deployment
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeploymentCreateRequest,
) -> Response[Deployment]:
    """Create a deployment

     Set up a deployment that serves a chosen model version on fixed hardware with autoscaling bounds.
    The reply describes its first release.

    Args:
        body (DeploymentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment]
    """

    kwargs = request_args(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DeploymentCreateRequest,
) -> Deployment | None:
    """Create a deployment

     Set up a deployment that serves a chosen model version on fixed hardware with autoscaling bounds.
    The reply describes its first release.

    Args:
        body (DeploymentCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deployment
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
