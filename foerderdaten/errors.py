"""Errors that the CLI turns into one line on stderr."""

# An error line must fit a terminal line or two; engine messages can quote
# whole streams (one was 5,639 characters), so reasons are cut to this length.
MAX_REASON_CHARS = 240


class InputError(Exception):
    """A source file cannot be used. The message says why and what to do.

    The CLI prints it as ``error: <file name>: <message>`` and exits non-zero.
    """

    def __init__(self, file_name: str, reason: str):
        super().__init__(f"{file_name}: {reason}")
        self.file_name = file_name
        self.reason = reason

    def __reduce__(self):
        # raised in reader processes and re-raised in the build: pickle both fields
        return (type(self), (self.file_name, self.reason))


class ExtractionError(InputError):
    """A value in a recognised document cannot be read (names file, page, field)."""


def one_line(text: str, limit: int = MAX_REASON_CHARS) -> str:
    """``text`` as a single line of at most ``limit`` characters, printable in UTF-8.

    Blanks and line breaks collapse to one blank; a longer text is cut with
    "…"; characters UTF-8 cannot encode (lone surrogates from a file name
    that is not UTF-8) become "?".
    """
    flat = " ".join(str(text).split())
    flat = flat.encode("utf-8", "replace").decode("utf-8")
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def short_exception(exc: BaseException, limit: int = 80) -> str:
    """"TypeName: first words of the message", short enough to quote in an error line."""
    message = one_line(str(exc), limit)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
