from http import HTTPStatus
from io import BytesIO
from typing import Any, Final
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.file_download_not_found_problem import FileDownloadNotFoundProblem
from ...types import UNSET, File, RequestArgs, Response

#: The HTTP method of this operation.
METHOD: Final = "get"
#: The path of this operation, as the spec writes it (path parameters in braces).
PATH: Final = "/files/{file_id}/download"


def request_args(
    file_id: str,
    *,
    owner: str,
    expiry: int,
    signature: str,
) -> RequestArgs:
    """The keyword arguments of ``httpx.Client.request`` for GET /files/{file_id}/download.

    ``url`` is relative to the client's base URL; path parameters are quoted.
    ``sync_detailed`` and the other functions here send exactly this request.
    """

    params: dict[str, Any] = {}

    params["owner"] = owner

    params["expiry"] = expiry

    params["signature"] = signature

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: RequestArgs = {
        "method": METHOD,
        "url": PATH.format(
            file_id=quote(str(file_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | FileDownloadNotFoundProblem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 404:
        response_404 = FileDownloadNotFoundProblem.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[File | FileDownloadNotFoundProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    owner: str,
    expiry: int,
    signature: str,
) -> Response[File | FileDownloadNotFoundProblem]:
    """Download file content

     Fetch a file's bytes through a signed link. The owner, expiry and signature query values must all be
    valid.

    Args:
        file_id (str):
        owner (str):
        expiry (int):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | FileDownloadNotFoundProblem]
    """

    kwargs = request_args(
        file_id=file_id,
        owner=owner,
        expiry=expiry,
        signature=signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    owner: str,
    expiry: int,
    signature: str,
) -> File | FileDownloadNotFoundProblem | None:
    """Download file content

     Fetch a file's bytes through a signed link. The owner, expiry and signature query values must all be
    valid.

    Args:
        file_id (str):
        owner (str):
        expiry (int):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | FileDownloadNotFoundProblem
    """

    return sync_detailed(
        file_id=file_id,
        client=client,
        owner=owner,
        expiry=expiry,
        signature=signature,
    ).parsed


async def asyncio_detailed(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    owner: str,
    expiry: int,
    signature: str,
) -> Response[File | FileDownloadNotFoundProblem]:
    """Download file content

     Fetch a file's bytes through a signed link. The owner, expiry and signature query values must all be
    valid.

    Args:
        file_id (str):
        owner (str):
        expiry (int):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | FileDownloadNotFoundProblem]
    """

    kwargs = request_args(
        file_id=file_id,
        owner=owner,
        expiry=expiry,
        signature=signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    owner: str,
    expiry: int,
    signature: str,
) -> File | FileDownloadNotFoundProblem | None:
    """Download file content

     Fetch a file's bytes through a signed link. The owner, expiry and signature query values must all be
    valid.

    Args:
        file_id (str):
        owner (str):
        expiry (int):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | FileDownloadNotFoundProblem
    """

    return (
        await asyncio_detailed(
            file_id=file_id,
            client=client,
            owner=owner,
            expiry=expiry,
            signature=signature,
        )
    ).parsed
