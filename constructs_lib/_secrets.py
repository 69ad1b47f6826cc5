"""The one type for a secret input: an existing Secret's key, or a value that becomes a key of a new Secret."""

from __future__ import annotations

import dataclasses
import hashlib

from . import _validation

__all__ = ["SecretKeyRef", "SecretSource", "check_secret_key", "check_secret_value", "has_line_break_or_control",
           "slow_digest"]


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


@dataclasses.dataclass(frozen=True, repr=False)
class SecretSource:
    """Where one secret comes from: ``ref`` (an existing Secret's key) or ``value`` (put in a new Secret by the
    construct that reads it). Exactly one is set; the value never appears in a repr."""

    ref: SecretKeyRef | None
    value: str | None

    @classmethod
    def existing(cls, ref: SecretKeyRef) -> SecretSource:
        return cls(ref=ref, value=None)

    @classmethod
    def of_value(cls, value: str) -> SecretSource:
        return cls(ref=None, value=value)

    def key_ref(self, created: SecretKeyRef) -> SecretKeyRef:
        """The key to read: the existing one, or ``created`` (the new Secret's) for a value."""
        return self.ref if self.ref is not None else created

    def __repr__(self) -> str:
        if self.ref is not None:
            return f"SecretSource(secret={self.ref.name!r}, key={self.ref.key!r})"
        return "SecretSource(value=<hidden>)"


def check_secret_key(parameter: str, key: str) -> str:
    # Secret data keys: alphanumerics, '-', '_' and '.' (Kubernetes IsConfigMapKey).
    if not key or len(key) > 253 or not all(c.isascii() and (c.isalnum() or c in "-_.") for c in key):
        raise _validation.fail(parameter, key, "a Secret key has 1 to 253 letters, digits, '-', '_' or '.'")
    return key


def check_secret_value(parameter: str, value: str, what: str) -> str:
    """A secret value that becomes a Secret key the init container reads as one line: no leading or trailing
    whitespace (a pasted value with its newline fails at login, far from its cause), no line breaks."""
    if not value:
        raise _validation.fail(parameter, "<hidden>", f"the {what} must not be empty")
    if value != value.strip() or has_line_break_or_control(value):
        raise _validation.fail(parameter, "<hidden>", f"the {what} must not start or end with whitespace or contain "
                                                      "a line break (a copied value's newline would become part of it)")
    return value


def has_line_break_or_control(value: str) -> bool:
    """Any line break Python knows (\\u2028, \\x85... too) or control character (NUL, \\v...)."""
    return len(value.splitlines()) > 1 or value.endswith(("\n", "\r")) or any(
        ord(char) < 32 or 127 <= ord(char) < 160 or char in "\u2028\u2029" for char in value)


def slow_digest(secret_material: str) -> str:
    """The checksum annotation must change when a secret value changes, without offering a fast hash to guess at."""
    return hashlib.pbkdf2_hmac("sha256", secret_material.encode(), b"cdk8s-private-registry/checksum", 100_000).hex()
