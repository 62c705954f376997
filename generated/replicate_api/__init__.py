"""A client library for accessing Replicate HTTP API (replicate-typed)"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client


if (
    not TYPE_CHECKING
):  # hidden from type checkers, so a misspelt import is still an error

    def __getattr__(name: str) -> object:
        if name in ("AuthenticatedClient", "Client"):
            from . import client

            return getattr(client, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = (
    "AuthenticatedClient",
    "Client",
)
