"""One exception hierarchy. The CLI maps each class to an exit code and a one-line message."""


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """A document could not be read or decoded. Carries the path at fault."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class StoreError(KGError):
    """The embedded store cannot be opened, is busy, or refused a write."""


class BackendError(KGError):
    """A remote backend (Neo4j) is unreachable or refused us."""


class QueryError(KGError):
    """A named query is unknown or got bad parameters."""
