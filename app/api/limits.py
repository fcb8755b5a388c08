"""Request body size limit as pure ASGI middleware (BaseHTTPMiddleware would buffer
and break streaming). Checks Content-Length up front and counts streamed bytes, so
chunked uploads cannot slip past."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import PayloadTooLargeError, problem_response


class BodySizeLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._reject(scope, receive, send)
            return

        received = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # An HTTPException subclass: FastAPI re-raises it while reading the
                    # body, and the app's handler turns it into a problem document.
                    raise PayloadTooLargeError(self._detail())
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except PayloadTooLargeError:
            # Raised outside any handler (e.g. a route that reads the body itself).
            if response_started:
                raise
            await self._reject(scope, receive, send)

    def _detail(self) -> str:
        return f"The request body exceeds {self.max_bytes} bytes."

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            413,
            slug=PayloadTooLargeError.slug,
            title=PayloadTooLargeError.title,
            detail=self._detail(),
            instance=scope.get("path"),
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
