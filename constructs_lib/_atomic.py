"""A construct that refuses its input leaves nothing behind.

The checks of each construct run before its first child exists, but the construct's own node is created first (its
default names derive from its path). :func:`atomic` takes that node out again when the constructor raises, so the
scope is as it was and the same id can be used again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from constructs import Construct

__all__ = ["atomic"]

_Init = TypeVar("_Init", bound=Callable[..., None])


def atomic(init: _Init) -> _Init:
    """Decorate a construct's ``__init__(self, scope, id, ...)``."""

    @functools.wraps(init)
    def wrapper(self: Construct, scope: Construct, id: str, *args: Any, **kwargs: Any) -> None:
        # Named errors before anything else (jsii's own would name neither).
        if not isinstance(scope, Construct):
            raise TypeError(f"scope: expected Construct, got {type(scope).__name__}")
        if not isinstance(id, str):
            raise TypeError(f"id: expected str, got {type(id).__name__}")
        try:
            init(self, scope, id, *args, **kwargs)
        except BaseException:
            # Only our own node: when the id was taken already, construction failed before it existed.
            if scope.node.try_find_child(id) is self:
                scope.node.try_remove_child(id)
            raise

    return wrapper  # type: ignore[return-value]
