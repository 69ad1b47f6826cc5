"""Who may pull, push and delete: users in roles, and anonymous pulls, checked by Traefik in front of the registry.

The registry's own htpasswd auth lets every user do everything. :class:`AccessControl` instead gives each action its
list of users, and :class:`~constructs_lib.ingress.TraefikIngress` enforces it: its routes on the registry's host are
split by method and path, each behind a Traefik ``basicAuth`` Middleware that reads one of those lists from a Secret.
The registry then runs without auth of its own, reachable only through Traefik (its NetworkPolicy). The trade-offs
are in docs/security.md ("Access control").
"""

from __future__ import annotations

import dataclasses
import enum

from . import _typecheck, _validation
from ._secrets import SecretKeyRef, SecretSource
from .auth import HtpasswdAuth, _check_realm

__all__ = ["AccessControl", "AnonymousAccess"]

# The key our Secrets hold the lines under. Traefik reads a Secret's only key, whatever its name.
USERS_KEY = "users"


class AnonymousAccess(enum.Enum):
    """What a client without credentials may do."""

    #: Nothing: every request needs a user.
    NONE = "none"
    #: Pull: manifests, blobs and a repository's tag list. The catalog (every repository's name) still needs a user.
    PULL = "pull"
    #: Pull and list the catalog, so the web UI works without signing in.
    BROWSE = "browse"


@dataclasses.dataclass(frozen=True)
class AccessControl:
    """Who may pull, push and delete. Create it with :meth:`by_role` (users in roles) or :meth:`from_secrets`
    (existing Secrets, one per action).

    Each action has one list of users, the one Traefik checks for it; ``None``: no user may (pulls may still be
    anonymous).
    """

    realm: str
    anonymous: AnonymousAccess
    #: Everyone who may pull (readers, writers and admins): every request with credentials is checked against it.
    pull: SecretSource | None
    #: Everyone who may push.
    push: SecretSource | None
    #: Everyone who may delete manifests and blobs.
    delete: SecretSource | None

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        _check_realm(self.realm)
        if self.pull is None and self.push is None and self.delete is None and \
                self.anonymous is AnonymousAccess.NONE:
            raise _validation.fail("anonymous", self.anonymous.name, "with no user and no anonymous access nobody "
                                                                     "could use the registry: name users, or allow "
                                                                     "anonymous pulls")
        if self.pull is None and (self.push is not None or self.delete is not None):
            raise _validation.fail("pull", None, "every request with credentials is checked against the users who "
                                                 "may pull: give that list, writers and admins included")

    @classmethod
    @_typecheck.typechecked
    def by_role(cls, *, readers: HtpasswdAuth | None = None, writers: HtpasswdAuth | None = None,
                admins: HtpasswdAuth | None = None,
                anonymous: AnonymousAccess = AnonymousAccess.NONE) -> AccessControl:
        """Users in three roles: readers pull; writers pull and push; admins pull, push and delete (the registry
        needs ``delete_enabled=True`` for admins). Each role is an :class:`~constructs_lib.auth.HtpasswdAuth` from any
        of its factories.

        Roles given as values (``from_users``, ``from_htpasswd``) are merged at synth into one list per action. A
        role from an existing Secret (``from_secret``) can only be an action's whole list: Traefik reads one Secret
        per Middleware, so it cannot be merged with another role (use :meth:`from_secrets` then).

        :param readers: users who may pull. Default: none.
        :param writers: users who may pull and push. Default: none.
        :param admins: users who may pull, push and delete. Default: none.
        :param anonymous: what clients without credentials may do. Default: ``AnonymousAccess.NONE``.
        """
        roles = {"readers": readers, "writers": writers, "admins": admins}
        given = {role: auth for role, auth in roles.items() if auth is not None}
        realms = sorted({auth.realm for auth in given.values()})
        if len(realms) > 1:
            raise _validation.fail("realm", realms, "the roles must share one basic-auth realm (browsers keep one "
                                                    "login per realm): give every role the same realm")
        seen: dict[str, str] = {}
        for role, auth in given.items():
            for username in _usernames(auth):
                if username in seen:
                    raise _validation.fail(role, f"<{username}>", f"{username!r} is also in {seen[username]}: give "
                                                                  "each user one role (writers pull too, admins push "
                                                                  "and delete too)")
                seen[username] = role
        return cls(
            realm=realms[0] if realms else "Registry Realm", anonymous=anonymous,
            pull=_merged("pull", [(role, given[role]) for role in ("readers", "writers", "admins") if role in given]),
            push=_merged("push", [(role, given[role]) for role in ("writers", "admins") if role in given]),
            delete=_merged("delete", [("admins", given["admins"])] if "admins" in given else []))

    @classmethod
    @_typecheck.typechecked
    def from_secrets(cls, *, pull: str | None = None, push: str | None = None, delete: str | None = None,
                     anonymous: AnonymousAccess = AnonymousAccess.NONE,
                     realm: str = "Registry Realm") -> AccessControl:
        """Existing Secrets in the registry's namespace, one per action, each holding the htpasswd lines (bcrypt) of
        everyone who may do it as its only key (Traefik reads that key, whatever its name), e.g.
        ``kubectl create secret generic registry-pull --from-file=users=pull.htpasswd``.

        :param pull: the Secret of everyone who may pull, writers and admins included: every request with
            credentials is checked against it. Default: none (only anonymous pulls).
        :param push: the Secret of everyone who may push. Default: none.
        :param delete: the Secret of everyone who may delete. Default: none.
        :param anonymous: what clients without credentials may do. Default: ``AnonymousAccess.NONE``.
        :param realm: the basic-auth realm. Default: ``"Registry Realm"``.
        """
        sources = {}
        for parameter, name in (("pull", pull), ("push", push), ("delete", delete)):
            sources[parameter] = None if name is None else SecretSource.existing(SecretKeyRef.checked(
                name=name, key=USERS_KEY, name_parameter=parameter, key_parameter=parameter))
        return cls(realm=realm, anonymous=anonymous, **sources)

    @property
    def auth_required(self) -> bool:
        """Whether browsing (the catalog) needs a user."""
        return self.anonymous is not AnonymousAccess.BROWSE

    def __repr__(self) -> str:  # the lists hold hashes: keep them out of logs
        def shown(source: SecretSource | None) -> str:
            return "None" if source is None else repr(source.ref.name) if source.ref else "<hashes>"
        return (f"AccessControl(anonymous={self.anonymous.name}, pull={shown(self.pull)}, push={shown(self.push)}, "
                f"delete={shown(self.delete)})")


def _usernames(auth: HtpasswdAuth) -> list[str]:
    return [] if auth.htpasswd is None else [line.partition(":")[0] for line in auth.htpasswd.splitlines() if line]


def _merged(action: str, roles: list[tuple[str, HtpasswdAuth]]) -> SecretSource | None:
    """One action's list: the one role's source as it is, or the lines of several roles given as values."""
    if not roles:
        return None
    if len(roles) == 1:
        return roles[0][1].source
    from_secret = [(role, auth) for role, auth in roles if auth.existing_secret is not None]
    if from_secret:
        role, auth = from_secret[0]
        assert auth.existing_secret is not None
        raise _validation.fail(role, f"secret={auth.existing_secret.name!r}", (
            f"the users who may {action} are {' and '.join(r for r, _ in roles)}, and Traefik reads one Secret per "
            "Middleware: give these roles as values (HtpasswdAuth.from_users or from_htpasswd) to merge them, or "
            "one Secret per action with AccessControl.from_secrets"))
    return SecretSource.of_value("".join(auth.htpasswd or "" for _, auth in roles))

