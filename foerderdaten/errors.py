"""Errors that the CLI turns into one line on stderr."""


class InputError(Exception):
    """A source file cannot be used. The message says why and what to do.

    The CLI prints it as ``error: <file name>: <message>`` and exits non-zero.
    """

    def __init__(self, file_name: str, reason: str):
        super().__init__(f"{file_name}: {reason}")
        self.file_name = file_name
        self.reason = reason


class ExtractionError(InputError):
    """A value in a recognised document cannot be read (names file, page, field)."""
