"""Two small OpenAPI documents, before and after an API change, for regeneration tests."""

from __future__ import annotations

import copy
from typing import Any

Spec = dict[str, Any]


def _thing_schema() -> Spec:
    return {
        "type": "object",
        "required": ["id", "status"],
        "properties": {
            "id": {"type": "string", "description": "Identifier."},
            "name": {"type": "string", "description": "Display name."},
            "size": {"type": "integer", "description": "Size in bytes."},
            "status": {
                "type": "string",
                "enum": ["active", "archived"],
                "description": "Lifecycle state.",
            },
        },
    }


def _ok(ref: str = "#/components/schemas/Thing") -> Spec:
    return {
        "description": "The thing.",
        "content": {"application/json": {"schema": {"$ref": ref}}},
    }


def before() -> Spec:
    """Version 1 of a tiny things API."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1.0.0"},
        "servers": [{"url": "https://things.example/v1"}],
        "paths": {
            "/things": {
                "get": {
                    "operationId": "things.list",
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {
                        "200": {
                            "description": "A page.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "results": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Thing"},
                                            }
                                        },
                                    }
                                }
                            },
                        }
                    },
                },
                "post": {
                    "operationId": "things.create",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["name"],
                                    "properties": {
                                        "name": {"type": "string"},
                                        "color": {"type": "string", "enum": ["red", "green"]},
                                    },
                                }
                            }
                        },
                    },
                    "responses": {"201": _ok()},
                },
            },
            "/things/{thing_id}": {
                "parameters": [],
                "get": {
                    "operationId": "things.get",
                    "parameters": [
                        {
                            "name": "thing_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": _ok()},
                },
                "delete": {
                    "operationId": "things.delete",
                    "parameters": [
                        {
                            "name": "thing_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"204": {"description": "Deleted."}},
                },
            },
        },
        "components": {"schemas": {"Thing": _thing_schema()}},
    }


def after() -> Spec:
    """Version 2: one operation gone, one added, fields and enums changed."""
    spec = copy.deepcopy(before())
    paths = spec["paths"]
    del paths["/things/{thing_id}"]["delete"]
    paths["/things/{thing_id}/archive"] = {
        "post": {
            "operationId": "things.archive",
            "parameters": [
                {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"200": _ok()},
        }
    }
    listing = paths["/things"]["get"]
    listing["parameters"][0]["schema"] = {"type": "string"}
    listing["parameters"].append(
        {"name": "owner", "in": "query", "required": True, "schema": {"type": "string"}}
    )
    create_body = paths["/things"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    del create_body["properties"]["color"]
    create_body["properties"]["owner"] = {"type": "string"}
    create_body["required"] = ["name", "owner"]
    thing = spec["components"]["schemas"]["Thing"]
    thing["properties"]["status"]["enum"] = ["active", "deleted"]
    thing["properties"]["size"]["type"] = "number"
    thing["properties"]["tags"] = {"type": "array", "items": {"type": "string"}}
    del thing["properties"]["name"]
    paths["/things/{thing_id}"]["get"]["responses"]["404"] = {"description": "No such thing."}
    return spec


def with_query_method(spec: Spec) -> Spec:
    """Add a QUERY operation, which the generator cannot produce."""
    changed = copy.deepcopy(spec)
    changed["paths"]["/things"]["query"] = {
        "operationId": "things.search",
        "requestBody": {"content": {"text/plain": {"schema": {"type": "string"}}}},
        "responses": {"200": _ok()},
    }
    return changed


def one_operation(
    *, request: Spec | None = None, response: Spec | None = None, schemas: Spec | None = None
) -> Spec:
    """A spec of one operation, ``things.put``, sending ``request`` and reading ``response``.

    Either body may be left out; ``schemas`` become its component schemas.
    """
    ok: Spec = {"description": "Done."}
    if response is not None:
        ok["content"] = {"application/json": {"schema": copy.deepcopy(response)}}
    operation: Spec = {"operationId": "things.put", "responses": {"200": ok}}
    if request is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": copy.deepcopy(request)}},
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1.0.0"},
        "paths": {"/things": {"put": operation}},
        "components": {"schemas": copy.deepcopy(schemas or {})},
    }


def deployment() -> Spec:
    """A deployments-like object: a nested object, a list of objects, a nullable-to-be field."""
    return {
        "type": "object",
        "required": ["owner", "results"],
        "properties": {
            "owner": {"type": "string", "description": "The owner."},
            "description": {"type": "string"},
            "created_by": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": ["organization", "user"]},
                    "username": {"type": "string"},
                },
            },
            "results": {
                "type": "array",
                "items": {"type": "object", "properties": {"name": {"type": "string"}}},
            },
        },
    }
