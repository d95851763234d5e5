"""Fetch the source PDFs from the web: ``foerderdaten fetch`` and ``refresh``.

    sources.py   the sources file (sources.toml): what to fetch and how
    http.py      one polite HTTP client: timeouts, retries, limits, conditional requests
    listing.py   the PDF links of an HTML page that match a source's pattern
    manifest.py  data/raw/manifest.json: one entry per file, editions never overwritten
    run.py       fetch every source into a staging folder, check, then commit all or nothing;
                 refresh = fetch, build, commit

A source that fails (unreachable, HTTP error, truncated, not a PDF, wrong
kind, a listing without a matching link) fails the whole fetch: nothing is
written, and each failed source is named on one line.
"""

from foerderdaten.fetch.run import FetchFailed, fetch, refresh

__all__ = ["FetchFailed", "fetch", "refresh"]
