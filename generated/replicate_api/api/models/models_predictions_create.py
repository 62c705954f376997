from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.prediction import Prediction
from ...models.prediction_request import PredictionRequest
from ...types import UNSET, RequestArgs, Response, Unset

#: The HTTP method of this operation.
METHOD: Final = "post"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/models/{model_owner}/{model_name}/predictions"


def request_args(
    model_owner: str,
    model_name: str,
    *,
    body: PredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for POST /models/{model_owner}/{model_name}/predictions.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = prefer

    if not isinstance(cancel_after, Unset):
        headers["Cancel-After"] = cancel_after

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH.format(
            model_owner=quote(str(model_owner), safe=""),
            model_name=quote(str(model_name), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Prediction | None:
    if response.status_code == 201:
        response_201 = Prediction.from_dict(response.json())

        return response_201

    if response.status_code == 202:
        response_202 = Prediction.from_dict(response.json())

        return response_202

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Prediction]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    model_owner: str,
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: PredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> Response[Prediction]:
    """Run an official model

     Start a prediction on an official model, addressed by owner and name with no version. Add Prefer:
    wait=N to hold the request open until the result is ready, and Cancel-After to give it a deadline.
    Other models need a version and go through the predictions endpoint.

    Args:
        model_owner (str):
        model_name (str):
        prefer (str | Unset):  Example: wait=10.
        cancel_after (str | Unset):  Example: 90s.
        body (PredictionRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prediction]
    """

    kwargs = request_args(
        model_owner=model_owner,
        model_name=model_name,
        body=body,
        prefer=prefer,
        cancel_after=cancel_after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    model_owner: str,
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: PredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> Prediction | None:
    """Run an official model

     Start a prediction on an official model, addressed by owner and name with no version. Add Prefer:
    wait=N to hold the request open until the result is ready, and Cancel-After to give it a deadline.
    Other models need a version and go through the predictions endpoint.

    Args:
        model_owner (str):
        model_name (str):
        prefer (str | Unset):  Example: wait=10.
        cancel_after (str | Unset):  Example: 90s.
        body (PredictionRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prediction
    """

    return sync_detailed(
        model_owner=model_owner,
        model_name=model_name,
        client=client,
        body=body,
        prefer=prefer,
        cancel_after=cancel_after,
    ).parsed


async def asyncio_detailed(
    model_owner: str,
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: PredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> Response[Prediction]:
    """Run an official model

     Start a prediction on an official model, addressed by owner and name with no version. Add Prefer:
    wait=N to hold the request open until the result is ready, and Cancel-After to give it a deadline.
    Other models need a version and go through the predictions endpoint.

    Args:
        model_owner (str):
        model_name (str):
        prefer (str | Unset):  Example: wait=10.
        cancel_after (str | Unset):  Example: 90s.
        body (PredictionRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prediction]
    """

    kwargs = request_args(
        model_owner=model_owner,
        model_name=model_name,
        body=body,
        prefer=prefer,
        cancel_after=cancel_after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    model_owner: str,
    model_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: PredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> Prediction | None:
    """Run an official model

     Start a prediction on an official model, addressed by owner and name with no version. Add Prefer:
    wait=N to hold the request open until the result is ready, and Cancel-After to give it a deadline.
    Other models need a version and go through the predictions endpoint.

    Args:
        model_owner (str):
        model_name (str):
        prefer (str | Unset):  Example: wait=10.
        cancel_after (str | Unset):  Example: 90s.
        body (PredictionRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prediction
    """

    return (
        await asyncio_detailed(
            model_owner=model_owner,
            model_name=model_name,
            client=client,
            body=body,
            prefer=prefer,
            cancel_after=cancel_after,
        )
    ).parsed
