from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.training import Training
from ...models.training_request import TrainingRequest
from ...types import UNSET, RequestArgs, Response, Unset

#: The HTTP method of this operation.
METHOD: Final = "post"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/models/{model_owner}/{model_name}/versions/{version_id}/trainings"


def request_args(
    model_owner: str,
    model_name: str,
    version_id: str,
    *,
    body: TrainingRequest | Unset = UNSET,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for POST /models/{model_owner}/{model_name}/versions/{version_id}/trainings.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """
    headers: dict[str, Any] = {}

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH.format(
            model_owner=quote(str(model_owner), safe=""),
            model_name=quote(str(model_name), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Training | None:
    if response.status_code == 201:
        response_201 = Training.from_dict(response.json())

        return response_201

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Training]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    model_owner: str,
    model_name: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TrainingRequest | Unset = UNSET,
) -> Response[Training]:
    """Train from a model version

     Start fine-tuning the given version; on success a new version is pushed to the destination model.
    Training usually takes minutes, so poll the training or supply a webhook.

    Args:
        model_owner (str):
        model_name (str):
        version_id (str):
        body (TrainingRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Training]
    """

    kwargs = request_args(
        model_owner=model_owner,
        model_name=model_name,
        version_id=version_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    model_owner: str,
    model_name: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TrainingRequest | Unset = UNSET,
) -> Training | None:
    """Train from a model version

     Start fine-tuning the given version; on success a new version is pushed to the destination model.
    Training usually takes minutes, so poll the training or supply a webhook.

    Args:
        model_owner (str):
        model_name (str):
        version_id (str):
        body (TrainingRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Training
    """

    return sync_detailed(
        model_owner=model_owner,
        model_name=model_name,
        version_id=version_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    model_owner: str,
    model_name: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TrainingRequest | Unset = UNSET,
) -> Response[Training]:
    """Train from a model version

     Start fine-tuning the given version; on success a new version is pushed to the destination model.
    Training usually takes minutes, so poll the training or supply a webhook.

    Args:
        model_owner (str):
        model_name (str):
        version_id (str):
        body (TrainingRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Training]
    """

    kwargs = request_args(
        model_owner=model_owner,
        model_name=model_name,
        version_id=version_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    model_owner: str,
    model_name: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TrainingRequest | Unset = UNSET,
) -> Training | None:
    """Train from a model version

     Start fine-tuning the given version; on success a new version is pushed to the destination model.
    Training usually takes minutes, so poll the training or supply a webhook.

    Args:
        model_owner (str):
        model_name (str):
        version_id (str):
        body (TrainingRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Training
    """

    return (
        await asyncio_detailed(
            model_owner=model_owner,
            model_name=model_name,
            version_id=version_id,
            client=client,
            body=body,
        )
    ).parsed
