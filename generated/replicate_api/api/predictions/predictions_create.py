from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.prediction import Prediction
from ...models.version_prediction_request import VersionPredictionRequest
from ...types import UNSET, RequestArgs, Response, Unset

#: The HTTP method of this operation.
METHOD: Final = "post"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/predictions"


def request_args(
    *,
    body: VersionPredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for POST /predictions.

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
        "url": PATH,
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
    *,
    client: AuthenticatedClient | Client,
    body: VersionPredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> Response[Prediction]:
    """Create a prediction from a version

     Run a model version, named in the body, on the inputs you send. Add Prefer: wait=N to hold the
    request open until the result is ready, and Cancel-After to give it a deadline. If the wait runs out
    first, the prediction is returned unfinished.

    Args:
        prefer (str | Unset):  Example: wait=10.
        cancel_after (str | Unset):  Example: 90s.
        body (VersionPredictionRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prediction]
    """

    kwargs = request_args(
        body=body,
        prefer=prefer,
        cancel_after=cancel_after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: VersionPredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> Prediction | None:
    """Create a prediction from a version

     Run a model version, named in the body, on the inputs you send. Add Prefer: wait=N to hold the
    request open until the result is ready, and Cancel-After to give it a deadline. If the wait runs out
    first, the prediction is returned unfinished.

    Args:
        prefer (str | Unset):  Example: wait=10.
        cancel_after (str | Unset):  Example: 90s.
        body (VersionPredictionRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prediction
    """

    return sync_detailed(
        client=client,
        body=body,
        prefer=prefer,
        cancel_after=cancel_after,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VersionPredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> Response[Prediction]:
    """Create a prediction from a version

     Run a model version, named in the body, on the inputs you send. Add Prefer: wait=N to hold the
    request open until the result is ready, and Cancel-After to give it a deadline. If the wait runs out
    first, the prediction is returned unfinished.

    Args:
        prefer (str | Unset):  Example: wait=10.
        cancel_after (str | Unset):  Example: 90s.
        body (VersionPredictionRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prediction]
    """

    kwargs = request_args(
        body=body,
        prefer=prefer,
        cancel_after=cancel_after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: VersionPredictionRequest | Unset = UNSET,
    prefer: str | Unset = UNSET,
    cancel_after: str | Unset = UNSET,
) -> Prediction | None:
    """Create a prediction from a version

     Run a model version, named in the body, on the inputs you send. Add Prefer: wait=N to hold the
    request open until the result is ready, and Cancel-After to give it a deadline. If the wait runs out
    first, the prediction is returned unfinished.

    Args:
        prefer (str | Unset):  Example: wait=10.
        cancel_after (str | Unset):  Example: 90s.
        body (VersionPredictionRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prediction
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            prefer=prefer,
            cancel_after=cancel_after,
        )
    ).parsed
