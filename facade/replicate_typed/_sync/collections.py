"""Collections: Replicate's curated lists of models.

Written by scripts/unasync from _async/collections.py: edit that file.
"""

from __future__ import annotations

from replicate_api.api.collections import collections_get, collections_list
from replicate_api.models.collection import Collection
from replicate_api.models.collection_page import CollectionPage
from replicate_api.models.collection_summary import CollectionSummary

from replicate_typed._effects import Send
from replicate_typed._kinds import check_id
from replicate_typed._sync.pager import Pager
from replicate_typed._sync.resource import Resource


class Collections(Resource):
    """Curated collections of models."""

    def list(self) -> Pager[CollectionSummary]:
        """Every collection (name, slug, description)."""
        return self._pager(
            Send("collections.list", collections_list.request_args()), CollectionPage
        )

    def get(self, slug: str) -> Collection:
        """A collection with its models, e.g. "text-to-image"."""
        request = Send("collections.get", collections_get.request_args(check_id(slug)))
        return self._fetch(request, Collection)
