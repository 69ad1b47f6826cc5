"""Caches in front of the registry's storage or in front of another registry: Redis for blob descriptors shared by
several replicas, and a pull-through cache of an upstream registry."""

from __future__ import annotations

import dataclasses
import ipaddress
import urllib.parse

from . import _typecheck, _validation
from ._secrets import SecretKeyRef

__all__ = ["ProxyCache", "RedisCache"]


@dataclasses.dataclass(frozen=True)
class RedisCache:
    """Redis as the blob-descriptor cache, shared by every replica (``storage.cache.blobdescriptor: redis``).
    Create it with :meth:`of`."""

    address: str
    host: str
    port: int
    db: int
    password: SecretKeyRef | None

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        _validation.check_port("port", self.port)
        _validation.check_int_range("db", self.db, 0, 15)

    @classmethod
    @_typecheck.typechecked
    def of(cls, address: str, *, db: int = 0, password_secret: str | None = None,
           password_key: str = "password") -> RedisCache:
        """
        :param address: ``host:port`` of the Redis server, e.g. ``"redis.registry.svc:6379"``. Required.
        :param db: the database number, 0 to 15. Default: 0.
        :param password_secret: an existing Secret holding the password. Default: no password.
        :param password_key: the key of the password in that Secret. Default: ``"password"``.
        """
        host, port = _host_port("address", address, "a Redis address is host:port, like 'redis.registry.svc:6379'")
        _validation.check_int_range("db", db, 0, 15)
        if password_secret is None and password_key != "password":
            raise _validation.fail("password_key", password_key, "it has no effect without password_secret: leave it "
                                                                 "unset")
        password = None if password_secret is None else SecretKeyRef.checked(
            name=password_secret, key=password_key, name_parameter="password_secret", key_parameter="password_key")
        return cls(address=address, host=host, port=port, db=db, password=password)


@dataclasses.dataclass(frozen=True)
class ProxyCache:
    """Pull-through cache mode: the registry serves images of an upstream registry, fetching what it lacks
    (pushes are refused). Create it with :meth:`of`.

    The registry (2.8 and 3.x) asks the upstream for ``GET /v2/`` once at start and panics when that fails (DNS,
    connection refused, or a 30 s connect timeout), so a pod started during an upstream outage would restart-loop on
    a panic. An init container ``wait-for-upstream`` therefore waits for the upstream first, logging each failed
    attempt, for at most ``upstream_wait_seconds`` (see :meth:`of`).
    """

    remote_url: str
    port: int
    username: SecretKeyRef | None
    password: SecretKeyRef | None
    ttl_hours: int | None
    upstream_wait_seconds: int = 300
    upstream_retry_seconds: int = 5

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        _validation.check_port("port", self.port)
        if (self.username is None) != (self.password is None):
            raise _validation.fail("password", self.password, "a username and a password go together")
        if self.ttl_hours is not None:
            _validation.check_int_range("ttl_hours", self.ttl_hours, 1, 24 * 365)
        if self.upstream_wait_seconds != 0:
            _validation.check_int_range("upstream_wait_seconds", self.upstream_wait_seconds, 10, 3600,
                                        " (or 0: no wait)")
        _validation.check_int_range("upstream_retry_seconds", self.upstream_retry_seconds, 1, 60)

    @classmethod
    @_typecheck.typechecked
    def of(
        cls,
        remote_url: str = "https://registry-1.docker.io",
        *,
        credentials_secret: str | None = None,
        username_key: str = "username",
        password_key: str = "password",
        ttl_hours: int | None = None,
        upstream_wait_seconds: int = 300,
        upstream_retry_seconds: int = 5,
    ) -> ProxyCache:
        """
        :param remote_url: the upstream registry's URL. Default: Docker Hub (``https://registry-1.docker.io``).
        :param credentials_secret: an existing Secret with the upstream username and password (Docker Hub's pull
            limits are higher for accounts). Default: anonymous.
        :param username_key: the key of the username. Default: ``"username"``.
        :param password_key: the key of the password. Default: ``"password"``.
        :param ttl_hours: how long cached content is kept before it is fetched again (registry 3 only). Default:
            the registry's (7 days).
        :param upstream_wait_seconds: how long the init container ``wait-for-upstream`` waits, at each pod start,
            for the upstream to answer any HTTP response to ``GET /v2/`` (the request the registry makes at start and
            panics on when it fails), 10 to 3600. It logs ``waiting for upstream URL/v2/ (...)`` at every failed
            attempt; past the limit it exits 1 with ``upstream ... unreachable``, and Kubernetes restarts it with its
            back-off (``Init:CrashLoopBackOff``), so the registry never starts into the panic. ``0``: no init
            container (a pod started during an upstream outage restart-loops on the registry's panic). Default: 300.
        :param upstream_retry_seconds: the pause between two attempts, 1 to 60 and at most
            ``upstream_wait_seconds``; each attempt also gives up after 10 s without an answer. Default: 5.
        """
        parts = urllib.parse.urlsplit(remote_url)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            port = 0
        if (parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password
                or parts.path not in ("", "/") or parts.query or parts.fragment or not 0 < port < 65536):
            raise _validation.fail("remote_url", _validation.without_credentials(remote_url),
                                   "the upstream is an http:// or https:// URL with a host and an optional port, and "
                                   "no credentials (give them in credentials_secret) or path")
        username = password = None
        if credentials_secret is None:
            for parameter, value, default in (("username_key", username_key, "username"),
                                              ("password_key", password_key, "password")):
                if value != default:
                    raise _validation.fail(parameter, value, "it has no effect without credentials_secret: leave it "
                                                             "unset")
        if credentials_secret is not None:
            if username_key == password_key:
                raise _validation.fail("password_key", password_key, "it must differ from username_key: the two "
                                                                     "are read from two keys of the Secret")
            username = SecretKeyRef.checked(name=credentials_secret, key=username_key,
                                            name_parameter="credentials_secret", key_parameter="username_key")
            password = SecretKeyRef.checked(name=credentials_secret, key=password_key,
                                            name_parameter="credentials_secret", key_parameter="password_key")
        if ttl_hours is not None:
            _validation.check_int_range("ttl_hours", ttl_hours, 1, 24 * 365)
        if not (type(upstream_wait_seconds) is int and upstream_wait_seconds == 0):
            _validation.check_int_range("upstream_wait_seconds", upstream_wait_seconds, 10, 3600, " (or 0: no wait)")
        _validation.check_int_range("upstream_retry_seconds", upstream_retry_seconds, 1, 60)
        if upstream_wait_seconds == 0 and upstream_retry_seconds != 5:
            raise _validation.fail("upstream_retry_seconds", upstream_retry_seconds,
                                   "it has no effect with upstream_wait_seconds=0 (no wait, no retries): leave it "
                                   "unset")
        if upstream_wait_seconds and upstream_retry_seconds > upstream_wait_seconds:
            raise _validation.fail("upstream_retry_seconds", upstream_retry_seconds,
                                   f"it must not exceed upstream_wait_seconds ({upstream_wait_seconds})")
        return cls(remote_url=remote_url.rstrip("/"), port=port, username=username, password=password,
                   ttl_hours=ttl_hours, upstream_wait_seconds=upstream_wait_seconds,
                   upstream_retry_seconds=upstream_retry_seconds)

    def _wait_script(self) -> str:
        """The POSIX sh script of the ``wait-for-upstream`` init container (busybox ``wget`` and ``timeout``, which
        the registry images carry; Debian's busybox lacks ``wget -T``, hence ``timeout``)."""
        return _WAIT_SCRIPT.replace("@WAIT@", str(self.upstream_wait_seconds)).replace(
            "@RETRY@", str(self.upstream_retry_seconds)).replace("@ATTEMPT@", str(_ATTEMPT_SECONDS))


# Each attempt: any HTTP answer to GET /v2/ (401 from a registry with auth included) means the upstream is up, as
# it is for the registry's own start-up request. The certificate is not checked here: the registry checks it with
# its own trust store, and a certificate error is then its own clear panic, not an endless wait.
_ATTEMPT_SECONDS = 10
_WAIT_SCRIPT = r"""set -u
url="${UPSTREAM_URL}/v2/"
deadline=$(( $(date +%s) + @WAIT@ ))
attempt=1
while :; do
  if reason=$(busybox timeout @ATTEMPT@ busybox wget -q --no-check-certificate -O /dev/null "$url" 2>&1); then
    break
  fi
  case "$reason" in
    *'server returned error'*) break ;;
    '') reason="no answer within @ATTEMPT@ s" ;;
  esac
  reason=$(printf '%s' "$reason" | tr '\n' ' ')
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "upstream $url unreachable for @WAIT@ s (last attempt: $reason): giving up, Kubernetes retries with back-off"
    exit 1
  fi
  echo "waiting for upstream $url (attempt $attempt: $reason); next attempt in @RETRY@ s"
  attempt=$((attempt + 1))
  sleep @RETRY@
done
echo "upstream $url answers: starting the registry"
"""


def _host_port(parameter: str, value: str, rule: str) -> tuple[str, int]:
    host, sep, port_text = value.rpartition(":")
    if not sep or not port_text.isdigit():
        raise _validation.fail(parameter, _validation.without_credentials(value), rule)
    port = int(port_text)
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        try:
            _validation.check_hostname(parameter, host)
        except ValueError:
            raise _validation.fail(parameter, _validation.without_credentials(value), rule) from None
    if not 0 < port < 65536:
        raise _validation.fail(parameter, _validation.without_credentials(value), rule)
    return host, port
