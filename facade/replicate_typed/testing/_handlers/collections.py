"""collections.*: list and get the collections in ``FakeReplicate.collections``.

A collection is slug -> (name, description, member "owner/name"s); members
the fake does not know are left out.
"""

from __future__ import annotations

from replicate_typed.testing import _shapes
from replicate_typed.testing._handlers._common import Call, Handler, not_found, page
from replicate_typed.testing._http import FakeResponse, json_response


def collections_list(call: Call) -> FakeResponse:
    summaries = [
        {"name": name, "slug": slug, "description": description}
        for slug, (name, description, _) in call.fake.collections.items()
    ]
    return page(call, summaries)


def collections_get(call: Call) -> FakeResponse:
    found = call.fake.collections.get(call.params["collection_slug"])
    if found is None:
        return not_found("collection")
    name, description, members = found
    models = [
        _shapes.model(call.fake.models[m], call.fake.clock)
        for m in members
        if m in call.fake.models
    ]
    return json_response(
        200,
        {
            "name": name,
            "slug": call.params["collection_slug"],
            "description": description,
            "full_description": None,
            "models": models,
        },
    )


HANDLERS: dict[str, Handler] = {
    "collections.list": collections_list,
    "collections.get": collections_get,
}
