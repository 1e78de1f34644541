"""Parse US diplomatic cables into structured data: the parser of Cable Viewer, for Python.

    >>> import cable_parser
    >>> cable = cable_parser.parse(open("09USUNNEWYORK78.txt").read())
    >>> cable["id"], cable["classification"], cable["tags"]
    ('09USUNNEWYORK78', 'CONFIDENTIAL', ['PREL', 'PGOV', 'UNSC', 'MX'])

Every dict has the fields and names of the JSON that `cable parse` writes (see the
project's `cable-viewer.d.ts` for the model), so code written against one reads the other.
"""

from __future__ import annotations

import os
import warnings
from typing import Any, Iterator, Literal

from ._native import _CsvRows, explain, parse, parse_many

__all__ = ["parse", "parse_many", "explain", "read_csv", "CsvRowWarning"]


class CsvRowWarning(UserWarning):
    """A row of a cables.csv that was skipped: broken quoting, too long, binary, no cable."""


def read_csv(
    path: str | os.PathLike[str],
    *,
    parse: bool = True,
    compact: bool = False,
    errors: Literal["warn", "raise", "ignore"] = "warn",
) -> Iterator[dict[str, Any]]:
    """Iterate over the rows of WikiLeaks' ``cables.csv``, streamed in bounded memory.

    With ``parse`` (the default) each row is parsed: the dict is ``parse(row)``, the row's own
    columns in its ``page``. Without, each row is a dict of its columns (``row``, ``date``,
    ``id``, ``origin``, ``classification``, ``references`` as a list, ``header``, ``body``).
    A row that cannot be read is skipped with a :class:`CsvRowWarning` naming it
    (``errors="warn"``), raises ``ValueError`` (``"raise"``) or is skipped silently.
    """
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError(f"errors is 'warn', 'raise' or 'ignore', not {errors!r}")
    for row, value, problem in _CsvRows(os.fspath(path), parse, compact):
        if problem is None:
            yield value
        elif errors == "raise":
            raise ValueError(f"{os.fspath(path)}: row {row}: {problem}")
        elif errors == "warn":
            warnings.warn(f"{os.fspath(path)}: row {row}: {problem}; skipped", CsvRowWarning, stacklevel=2)
