"""Errors that name the file (and line) they are about, so a run can report them and go on."""


class BriefingError(Exception):
    """A problem with one input file; the run reports it and carries on with the rest."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")
