"""HTTP basic auth for the registry from an htpasswd file (bcrypt), kept in a Kubernetes Secret."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from collections.abc import Mapping

from . import _typecheck, _validation
from ._secrets import SecretKeyRef, SecretSource, check_secret_key, has_line_break_or_control

__all__ = ["DEFAULT_BCRYPT_COST", "HtpasswdAuth"]

#: bcrypt cost for passwords given as values. The registry checks the password on every request, so each step up
#: doubles the CPU of every pull; see the README's "Performance" section.
DEFAULT_BCRYPT_COST = 10
_MIN_COST, _MAX_COST = 4, 14
_BCRYPT_HASH = re.compile(r"^\$2[aby]\$(?P<cost>[0-9]{2})\$[./A-Za-z0-9]{53}$")
_STD_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_BCRYPT_B64 = b"./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_TO_BCRYPT_B64 = bytes.maketrans(_STD_B64, _BCRYPT_B64)
_SALT_DOMAIN = b"cdk8s-private-registry/htpasswd/v1"


@dataclasses.dataclass(frozen=True)
class HtpasswdAuth:
    """How the registry authenticates users: HTTP basic auth against an htpasswd file (bcrypt hashes only).

    Create it with a factory: :meth:`from_users` (passwords hashed at synth time), :meth:`from_htpasswd` (ready
    lines, e.g. from ``htpasswd -nB``) or :meth:`from_secret` (an existing Secret, so no hash sits in the YAML).
    """

    realm: str
    #: The htpasswd file: an existing Secret's key, or the file's content for a new Secret.
    source: SecretSource
    #: The Secret key that holds the file.
    key: str

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        _check_realm(self.realm)
        check_secret_key("key", self.key)

    @property
    def htpasswd(self) -> str | None:
        """The htpasswd file to put in a new Secret; None when an existing Secret is used."""
        return self.source.value

    @property
    def existing_secret(self) -> SecretKeyRef | None:
        """The existing Secret and key; None when a new Secret is created."""
        return self.source.ref

    @classmethod
    @_typecheck.typechecked
    def from_users(
        cls, users: Mapping[str, str], *, realm: str = "Registry Realm", cost: int = DEFAULT_BCRYPT_COST
    ) -> HtpasswdAuth:
        """Users and their passwords, hashed with bcrypt when the app is synthesized.

        The hash is deterministic (its salt is derived from the realm and the username), so the same inputs give the
        same file on every synth and a changed password gives a new hash. No password appears in the output.

        :param users: username to password. Usernames: not empty, no ``:`` or control characters. Passwords: not
            empty, at most 72 bytes in UTF-8 (bcrypt reads no further).
        :param realm: the basic-auth realm the registry announces. Default: ``"Registry Realm"``.
        :param cost: the bcrypt cost (log2 of the rounds), 4 to 14. Default: :data:`DEFAULT_BCRYPT_COST` (10).
        """
        _check_realm(realm)
        _validation.check_int_range(
            "cost", cost, _MIN_COST, _MAX_COST, " (the registry checks the password on every request: each step "
            "doubles the CPU of every pull)",
        )
        if not users:
            raise _validation.fail("users", dict(users), "give at least one user")
        lines = []
        for username, password in users.items():
            _check_username(username)
            _check_password(username, password)
            lines.append(f"{username}:{_hash(username, password, realm, cost)}")
        return cls(realm=realm, source=SecretSource.of_value("\n".join(lines) + "\n"), key="htpasswd")

    @classmethod
    @_typecheck.typechecked
    def from_htpasswd(cls, htpasswd: str, *, realm: str = "Registry Realm") -> HtpasswdAuth:
        """Ready htpasswd lines (``user:hash``, bcrypt only), such as ``htpasswd -nbB user password`` prints.

        :param htpasswd: the file's content; blank lines are ignored.
        :param realm: the basic-auth realm the registry announces. Default: ``"Registry Realm"``.
        """
        _check_realm(realm)
        seen: set[str] = set()
        lines = []
        for number, line in enumerate(htpasswd.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):  # the registry skips blank and comment lines too
                continue
            username, sep, hashed = line.partition(":")
            # Errors name the line and the username, never the rest of the line: it may be a plain-text password.
            where = f"line {number}"
            if not sep:
                raise _validation.fail("htpasswd", f"<{where}>", "each line is 'user:hash'")
            _check_username(username)
            if username in seen:
                raise _validation.fail("htpasswd", f"<{where}: {username}>", "each username may appear only once")
            seen.add(username)
            match = _BCRYPT_HASH.fullmatch(hashed)
            if not match:
                raise _validation.fail(
                    "htpasswd", f"<{where}: {username}>",
                    "the registry accepts bcrypt hashes only ($2y$, $2a$ or $2b$, as `htpasswd -B` makes)",
                )
            cost = int(match["cost"])
            if not _MIN_COST <= cost <= _MAX_COST:
                raise _validation.fail(
                    "htpasswd", f"<{where}: {username}, cost {cost}>",
                    f"the bcrypt cost must be {_MIN_COST} to {_MAX_COST}: the registry checks the password on every "
                    "request",
                )
            lines.append(f"{username}:{hashed}")
        if not lines:
            raise _validation.fail("htpasswd", "<no lines>", "give at least one 'user:hash' line")
        return cls(realm=realm, source=SecretSource.of_value("\n".join(lines) + "\n"), key="htpasswd")

    @classmethod
    @_typecheck.typechecked
    def from_secret(cls, name: str, *, key: str = "htpasswd", realm: str = "Registry Realm") -> HtpasswdAuth:
        """An existing Secret in the registry's namespace that holds the htpasswd file, e.g. made with
        ``kubectl create secret generic NAME --from-file=htpasswd``.

        :param name: the Secret's name.
        :param key: the key that holds the file. Default: ``"htpasswd"``.
        :param realm: the basic-auth realm the registry announces. Default: ``"Registry Realm"``.
        """
        _check_realm(realm)
        ref = SecretKeyRef.checked(name=name, key=key, name_parameter="name", key_parameter="key")
        return cls(realm=realm, source=SecretSource.existing(ref), key=key)

    def __repr__(self) -> str:  # the file holds hashes: keep them out of logs
        source = f"secret={self.existing_secret.name!r}" if self.existing_secret else "htpasswd=<hashes>"
        return f"HtpasswdAuth(realm={self.realm!r}, {source})"


def _hash(username: str, password: str, realm: str, cost: int) -> str:
    # A deterministic salt keeps synths byte-identical. It is derived from the realm and the username only, never
    # from the password: a salt derived from the password would let an attacker test guesses with a fast hash.
    digest = hashlib.sha256(b"\0".join([_SALT_DOMAIN, realm.encode(), username.encode()])).digest()[:16]
    salt_chars = base64.b64encode(digest).rstrip(b"=").translate(_TO_BCRYPT_B64)
    salt = b"$2b$%02d$" % cost + salt_chars
    import bcrypt  # only when passwords are hashed: most apps read their htpasswd from a Secret

    return bcrypt.hashpw(password.encode(), salt).decode()


def _check_username(username: str) -> None:
    _validation.check_non_empty("username", username)
    if username.startswith("#") or username != username.strip():
        # The registry strips each htpasswd line and skips lines that start with '#'.
        raise _validation.fail("username", username, "it must not start with '#' or start or end with whitespace: "
                                                     "the registry would skip or change that line")
    _validation.check_no_forbidden_chars(
        "username", username, ":", "htpasswd separates the username from the hash with ':', one user a line"
    )


def _check_password(username: str, password: str) -> None:
    if not isinstance(password, str):
        raise TypeError(f"users[{username!r}]: expected str, got {type(password).__name__}")
    if not password:
        raise _validation.fail(f"users[{username!r}]", "<password>", "the password must not be empty")
    if password != password.strip() or has_line_break_or_control(password):
        raise _validation.fail(f"users[{username!r}]", "<password>",
                               "the password must not start or end with whitespace or contain a line break (a "
                               "copied password's newline would become part of it, and the login then fails)")
    if len(password.encode()) > 72:
        raise _validation.fail(
            f"users[{username!r}]", f"<password of {len(password.encode())} bytes>",
            "bcrypt reads at most 72 bytes of a password (UTF-8): use a shorter one",
        )


def _check_realm(realm: str) -> None:
    _validation.check_non_empty("realm", realm)
    _validation.check_no_forbidden_chars("realm", realm, '"\\', "the realm is quoted in the WWW-Authenticate header")
