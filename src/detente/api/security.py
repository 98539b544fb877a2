"""The API's guards: request size limits, security headers, and the write token.

Read-only by default: the one writing endpoint answers 403 unless the server was started
with a token, and then 401 to any request that does not carry it. No CORS headers are ever
sent, so browsers keep other sites' pages from reading the API. Every response forbids
inline scripts (Content-Security-Policy), so even text that slipped through unescaped could
not run.
"""

from __future__ import annotations

import secrets

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


class RequestTooLarge(Exception):
    """A request body went over the limit while it was being read."""


class LimitsMiddleware:
    """Refuses over-long URLs (414) and bodies over `max_body` bytes (413), and adds
    the security headers to every response."""

    def __init__(self, app: ASGIApp, max_body: int, max_url: int = 4096) -> None:
        self.app = app
        self.max_body = max_body
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        url_length = len(scope.get("path", "")) + len(scope.get("query_string", b""))
        if url_length > self.max_url:
            await _plain(send_with_headers, 414, "URL too long")
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _plain(send_with_headers, 413, f"request body over {self.max_body} bytes")
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise RequestTooLarge
            return message

        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send_with_headers(message)

        try:
            await self.app(scope, counted, tracking)
        except RequestTooLarge:
            if not started:
                await _plain(send_with_headers, 413, f"request body over {self.max_body} bytes")


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def token_matches(expected: str | None, authorization: str | None) -> bool:
    """Whether an Authorization header carries the write token (compared in constant time)."""
    if not expected or not authorization or not authorization.startswith("Bearer "):
        return False
    return secrets.compare_digest(authorization[len("Bearer "):].encode(), expected.encode())
