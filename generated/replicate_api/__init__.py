"""A client library for accessing Replicate HTTP API (replicate-typed)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
