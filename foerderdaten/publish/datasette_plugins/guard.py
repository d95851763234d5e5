"""Datasette plugin loaded by ``foerderdaten serve`` (``--plugins-dir``).

* Every SQLite connection refuses values longer than ``MAX_VALUE_BYTES``
  (``SQLITE_LIMIT_LENGTH``): ``select zeroblob(200000000)`` took the server
  to 1 GB. The longest value in the dataset is about 4 KB (an FTS segment).
  Together with ``max_returned_rows`` (serve.py) this bounds one query's
  memory.
* Bound to a loopback address, requests must name a loopback Host
  (localhost, 127.0.0.1, [::1]): a web page elsewhere cannot reach the
  server through a DNS name rebound to 127.0.0.1.
* The database is immutable and read-only, so a server error (500) can
  only come from a path Datasette cannot resolve (an unknown sort column,
  a path below a row): it is answered 404, not found.
"""

from __future__ import annotations

import ipaddress
import sqlite3

from datasette import hookimpl

MAX_VALUE_BYTES = 100_000
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}


@hookimpl
def prepare_connection(conn):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)


@hookimpl
def asgi_wrapper(datasette):
    return guard


def guard(app):
    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        if _bound_to_loopback(scope) and _host(scope) not in LOOPBACK_HOSTS:
            return await _answer(send, 421, b"Misdirected request: this server answers only to localhost\n")
        response = _NotFoundForServerErrors(send)
        try:
            await app(scope, receive, response.send)
        except Exception:
            if response.started:
                raise
            await _answer(send, 404, b"Not found\n")

    return wrapped


def _bound_to_loopback(scope) -> bool:
    server = scope.get("server") or ("127.0.0.1", None)
    try:
        return ipaddress.ip_address(server[0]).is_loopback
    except ValueError:
        return server[0] == "localhost"


def _host(scope) -> str:
    """The Host header's name without port ("[::1]:8001" -> "::1")."""
    value = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class _NotFoundForServerErrors:
    """Passes a response on, except that a 500 becomes a plain 404."""

    def __init__(self, send):
        self._send = send
        self.started = False
        self._replaced = False

    async def send(self, message):
        if message["type"] == "http.response.start":
            self.started = True
            if message["status"] == 500:
                self._replaced = True
                await _answer(self._send, 404, b"Not found\n")
                return
        if not self._replaced:
            await self._send(message)


async def _answer(send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
