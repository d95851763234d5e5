"""One polite HTTP client (httpx) for fetching pages and PDFs.

* a descriptive User-Agent, so the sites know who asks;
* timeouts on connecting and on every read;
* a few retries with exponential backoff, only where a retry can help:
  a 5xx answer or a connection problem (refused, reset, timed out, closed
  before the whole body arrived); a 4xx answer or a redirect loop is final;
* redirects followed up to a limit; downloads above a size limit refused;
* conditional requests: the ETag and Last-Modified of the last download go
  along as If-None-Match / If-Modified-Since, and a 304 answer means the
  file is unchanged and is not downloaded again;
* a download is written to the given file and checked while it streams: no
  more than the size limit, exactly the announced Content-Length, and it
  must start like a PDF (an HTML error page served with 200 is refused).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx

from foerderdaten import __version__
from foerderdaten.fetch.sources import Settings

USER_AGENT = f"foerderdaten/{__version__} (open-data refresh of Saxon funding documents; httpx)"
PDF_MAGIC = b"%PDF-"
# The PDF standard lets readers accept a header within the first 1024 bytes.
PDF_HEADER_WITHIN = 1024
CHUNK = 64 * 1024

T = TypeVar("T")


class FetchError(Exception):
    """A final failure; the message says what went wrong, for one line."""


class _Transient(Exception):
    """A failure that a retry may cure (5xx, connection problems)."""


@dataclass(frozen=True)
class Download:
    """What one conditional GET of a file gave."""

    url: str  # the address asked for (redirects are followed, not recorded)
    modified: bool  # False: 304 Not Modified, nothing written
    size: int = 0
    sha256: str = ""
    etag: str | None = None
    last_modified: str | None = None


class Client:
    """httpx with the rules of the module docstring. Use as a context manager."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep):
        self.settings = settings
        self._sleep = sleep
        self._http = httpx.Client(
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=True,
            max_redirects=settings.max_redirects,
            # bodies unencoded, so Content-Length counts the bytes we store
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_exc) -> None:
        self._http.close()

    # ------------------------------------------------------------------

    def page(self, url: str) -> tuple[str, str]:
        """(final address, text) of an HTML page."""
        def attempt() -> tuple[str, str]:
            with self._http.stream("GET", url) as response:
                _check_status(response)
                body = b"".join(self._body(response))
                return str(response.url), body.decode(response.encoding or "utf-8", errors="replace")
        return self._retrying(attempt)

    def download(self, url: str, dest: Path, etag: str | None = None, last_modified: str | None = None) -> Download:
        """GET ``url`` into ``dest`` unless unchanged since ``etag`` / ``last_modified``."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        def attempt() -> Download:
            with self._http.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Download(url, modified=False, etag=etag, last_modified=last_modified)
                _check_status(response)
                digest, size, head = hashlib.sha256(), 0, b""
                with dest.open("wb") as fh:
                    for chunk in self._body(response):
                        if len(head) < PDF_HEADER_WITHIN:
                            head += chunk[: PDF_HEADER_WITHIN - len(head)]
                            if len(head) == PDF_HEADER_WITHIN:
                                _check_pdf(head, response)
                        digest.update(chunk)
                        size += len(chunk)
                        fh.write(chunk)
                _check_pdf(head, response)  # a file shorter than the header window
                return Download(url, modified=True, size=size, sha256=digest.hexdigest(),
                                etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
        return self._retrying(attempt)

    # ------------------------------------------------------------------

    def _body(self, response: httpx.Response):
        """The body in chunks, within the size limit and complete."""
        limit = self.settings.max_bytes
        announced = _content_length(response)
        if announced is not None and announced > limit:
            raise FetchError(f"file of {announced} bytes is larger than the limit ({self.settings.max_megabytes:g} MB)")
        received = 0
        try:
            for chunk in response.iter_raw(CHUNK):
                received += len(chunk)
                if received > limit:
                    raise FetchError(f"download exceeds the size limit ({self.settings.max_megabytes:g} MB)")
                yield chunk
        except httpx.RemoteProtocolError as exc:
            expected = f" of {announced}" if announced is not None else ""
            raise _Transient(f"download incomplete: connection closed after {received}{expected} bytes") from exc
        if announced is not None and received != announced:
            raise _Transient(f"download incomplete: {received} of {announced} bytes")

    def _retrying(self, attempt: Callable[[], T]) -> T:
        """Run ``attempt``, retrying transient failures with exponential backoff."""
        tries = self.settings.retries + 1
        for number in range(tries):
            try:
                return attempt()
            except (_Transient, httpx.TransportError) as exc:
                reason = _reason(exc, self.settings)
                if number + 1 == tries:
                    raise FetchError(f"{reason} (tried {tries} times)") from exc
                self._sleep(self.settings.backoff * 2**number)
            except httpx.TooManyRedirects as exc:
                raise FetchError(f"more than {self.settings.max_redirects} redirects (a redirect loop?)") from exc
        raise AssertionError("unreachable")


def _check_pdf(head: bytes, response: httpx.Response) -> None:
    if PDF_MAGIC not in head:
        kind = response.headers.get("content-type", "no content type")
        raise FetchError(f"not a PDF (served as {kind}); the address may now lead to an error page")


def _content_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None


def _check_status(response: httpx.Response) -> None:
    if response.status_code >= 500:
        raise _Transient(f"server error HTTP {response.status_code}")
    if response.status_code >= 400:
        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())


def _reason(exc: Exception, settings: Settings) -> str:
    if isinstance(exc, _Transient):
        return str(exc)
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {settings.timeout:g} s (timeout)"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({exc})"
    return f"connection failed ({type(exc).__name__}: {exc})"
