"""webhooks.default.secret.get: the secret the fake signs its webhooks with.

Sending the webhooks themselves is ``_webhook_sender``'s job.
"""

from __future__ import annotations

from replicate_typed.testing._handlers._common import Call, Handler
from replicate_typed.testing._http import FakeResponse, json_response


def webhooks_default_secret_get(call: Call) -> FakeResponse:
    return json_response(200, {"key": call.fake.webhook_secret})


HANDLERS: dict[str, Handler] = {"webhooks.default.secret.get": webhooks_default_secret_get}
