"""A reference to one key of a Kubernetes Secret, shared by the constructs that read secrets."""

from __future__ import annotations

import dataclasses

from . import _validation

__all__ = ["SecretKeyRef"]


@dataclasses.dataclass(frozen=True)
class SecretKeyRef:
    """One key of a Secret in the workload's namespace."""

    name: str
    key: str

    @classmethod
    def checked(cls, *, name: str, key: str, name_parameter: str, key_parameter: str) -> SecretKeyRef:
        _validation.check_dns1123_subdomain(name_parameter, name)
        check_secret_key(key_parameter, key)
        return cls(name=name, key=key)


def check_secret_key(parameter: str, key: str) -> str:
    # Secret data keys: alphanumerics, '-', '_' and '.' (Kubernetes IsConfigMapKey).
    if not key or len(key) > 253 or not all(c.isascii() and (c.isalnum() or c in "-_.") for c in key):
        raise _validation.fail(parameter, key, "a Secret key has 1 to 253 letters, digits, '-', '_' or '.'")
    return key
