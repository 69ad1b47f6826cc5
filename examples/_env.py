"""What the example apps read from the environment."""

from __future__ import annotations

import os

__all__ = ["require"]


def require(name: str, meaning: str) -> str:
    """The value of the environment variable ``name``; when it is unset or empty, stop with one line that names it.

    :param meaning: what the value is, for the message (e.g. ``"the password of the registry user admin"``).
    """
    value = os.environ.get(name, "")
    if not value:
        raise SystemExit(f"{name} is not set: export {name}=... ({meaning}), then run the example again")
    return value
