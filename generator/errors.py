"""Errors that name the file (and line) they are about, so a run can report them and go on."""

import unicodedata


class BriefingError(Exception):
    """A problem with one input file; the run reports it and carries on with the rest."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{printable(path)}:{line}" if line else printable(path)
        super().__init__(f"{where}: {problem}")


def printable(text: str) -> str:
    """A file name as it may be shown on a terminal or a page: control characters (an ANSI escape in a
    name could recolour or rewrite the terminal), bidi overrides and undecodable bytes as escapes."""
    return "".join(_shown(ch) for ch in str(text))


def _shown(ch: str) -> str:
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ch
