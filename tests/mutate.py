"""Damaged copies of a PDF, as a download or a disk damages them (seeded).

Four kinds, each chosen at random positions by ``random.Random(seed)``:

* ``flip``: a few bytes anywhere XOR-ed with a random mask;
* ``truncate``: the file cut short, sometimes with a fake "%%EOF" appended;
* ``xref``: digits of the cross-reference table's offsets overwritten;
* ``length``: a stream's /Length changed to a wrong number.
"""

from __future__ import annotations

import random
import re

KINDS = ("flip", "truncate", "xref", "length")

_LENGTH = re.compile(rb"/Length (\d+)")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) n")


def mutate(data: bytes, kind: str, rng: random.Random) -> bytes:
    """A damaged copy of ``data`` (always different from it)."""
    damaged = _MUTATIONS[kind](bytearray(data), rng)
    return bytes(damaged) if bytes(damaged) != data else _flip(bytearray(data), rng)


def _flip(data: bytearray, rng: random.Random) -> bytearray:
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(len(data))] ^= rng.randint(1, 255)
    return data


def _truncate(data: bytearray, rng: random.Random) -> bytearray:
    cut = data[: rng.randrange(len(data) // 10, len(data) - 1)]
    return cut + b"\n%%EOF\n" if rng.random() < 0.5 else cut


def _xref(data: bytearray, rng: random.Random) -> bytearray:
    entries = list(_XREF_ENTRY.finditer(data))
    if not entries:
        return _flip(data, rng)
    for entry in rng.sample(entries, min(len(entries), rng.randint(1, 3))):
        start = entry.start(1) + rng.randrange(10)
        data[start] = ord(str(rng.randrange(10)))
    return data


def _length(data: bytearray, rng: random.Random) -> bytearray:
    """A wrong /Length: written in the stream's dictionary or, for
    "/Length 3 0 R", in the object it refers to."""
    lengths = [m for m in _LENGTH.finditer(data)]
    if not lengths:
        return _flip(data, rng)
    found = rng.choice(lengths)
    reference = re.compile(rb"\s+(\d+) 0 R").match(data, found.end(1) - len(found.group(1)) - 1)
    if reference:
        found = re.search(rb"(?<![0-9])%s 0 obj\s*(\d+)" % reference.group(1), data) or found
    value = int(found.group(1))
    wrong = max(0, value + rng.choice([-1, 1]) * rng.randint(1, max(2, value // 2)))
    return data[: found.start(1)] + str(wrong).encode() + data[found.end(1):]


_MUTATIONS = {"flip": _flip, "truncate": _truncate, "xref": _xref, "length": _length}
