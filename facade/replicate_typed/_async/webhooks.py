"""Webhooks: the default signing secret."""

from __future__ import annotations

from replicate_api.api.webhooks import webhooks_default_secret_get
from replicate_api.models.webhook_secret import WebhookSecret

from replicate_typed._async.resource import AsyncResource
from replicate_typed._effects import Send
from replicate_typed._errors import InvalidResponseError


class AsyncWebhooks(AsyncResource):
    """Webhook settings; see ``verify_webhook`` to check incoming requests."""

    async def default_secret(self) -> str:
        """The signing secret ("whsec_...") of your account's webhooks."""
        request = Send("webhooks.default.secret.get", webhooks_default_secret_get.request_args())
        secret = await self._fetch(request, WebhookSecret)
        if not isinstance(secret.key, str) or not secret.key:
            raise InvalidResponseError(
                "webhooks.default.secret.get returned no key",
                status=200,
                operation=request.operation,
            )
        return secret.key
