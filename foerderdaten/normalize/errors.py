"""The error raised when a raw value cannot be read at all."""

from __future__ import annotations


class NormalizeError(ValueError):
    """A value of a row cannot be normalised (e.g. the date "31.13.2023").

    Raw records carry no file name; the pipeline catches this error and wraps
    it in :class:`foerderdaten.errors.ExtractionError` together with the file.
    The message names the page and the field so a reader can find the value.
    """

    def __init__(self, field: str, page: int | None, value: str, reason: str, seq: int | None = None):
        where = f"page {page}" if page is not None else "unknown page"
        if seq is not None:
            where += f", row {seq}"
        super().__init__(f"{where}, field {field}: cannot read {value!r}: {reason}")
        self.field = field
        self.page = page
        self.value = value
        self.reason = reason
        self.seq = seq
