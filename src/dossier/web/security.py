"""Response headers and host checks for a server that shows untrusted text.

Every page is built from scraped articles, so the browser is told to run nothing and load nothing
that this server did not send: no inline script or style, no other origin, no framing.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse

CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                           "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                           "frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def host_allowed(server_host: str | None, host_header: str) -> bool:
    """On a loopback-bound server, only loopback Host names are served: a web page elsewhere cannot
    point a DNS name at 127.0.0.1 and read the dossier (DNS rebinding). A server bound beyond
    localhost (`--public`) answers any Host."""
    if server_host not in LOOPBACK:
        return True
    name = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
    return name.strip("[]") in LOOPBACK


def add_security(app: FastAPI) -> None:
    @app.middleware("http")
    async def secure(request: Request, call_next):
        server = request.scope.get("server") or (None, None)
        if not host_allowed(server[0], request.headers.get("host", "")):
            response = PlainTextResponse("unknown host; this dossier is served to localhost only", status_code=400)
        else:
            response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
