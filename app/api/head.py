"""HEAD for every GET route (RFC 9110 §9.3.2: a server supporting GET supports HEAD).

FastAPI routes answer only the methods they declare, so `HEAD /events` was a 405.
Pure ASGI: the request reaches the app as a GET (in a copy of the scope: the server
must still see HEAD), and the response keeps its status and headers, Content-Length
included, without its body.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGetMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
