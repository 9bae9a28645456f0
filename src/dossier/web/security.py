"""Response headers and host checks for a server that shows untrusted text.

Every page is built from scraped articles, so the browser is told to run nothing and load nothing
that this server did not send: no inline script or style, no other origin, no framing. The app only
reads, so requests with a body, other methods and absurdly long addresses are refused up front.
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
# The app only reads: no request needs a body, and no page's address (ids, a search, filters) comes
# near 8 KB, the URL limit most servers and proxies apply (nginx's default large_client_header_buffers).
MAX_URL_BYTES = 8192
READ_METHODS = {"GET", "HEAD", "OPTIONS"}


def request_problem(method: str, url_bytes: int, headers) -> tuple[int, str] | None:
    """(status, message) for a request this read-only app refuses before routing, else None."""
    if url_bytes > MAX_URL_BYTES:
        return 414, f"address too long (over {MAX_URL_BYTES} bytes)"
    if method not in READ_METHODS:
        return 405, "this dossier is read-only: only GET requests are served"
    if headers.get("transfer-encoding") or (headers.get("content-length") or "0").strip() not in ("", "0"):
        return 413, "requests to this dossier carry no body"
    return None


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
        url_bytes = len(request.scope.get("raw_path") or b"") + len(request.scope.get("query_string") or b"")
        problem = request_problem(request.method, url_bytes, request.headers)
        if not host_allowed(server[0], request.headers.get("host", "")):
            response = PlainTextResponse("unknown host; this dossier is served to localhost only", status_code=400)
        elif problem:
            response = PlainTextResponse(problem[1], status_code=problem[0])
        else:
            response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
