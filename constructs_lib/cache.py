"""Caches in front of the registry's storage or in front of another registry: Redis for blob descriptors shared by
several replicas, and a pull-through cache of an upstream registry."""

from __future__ import annotations

import dataclasses
import ipaddress
import urllib.parse

from . import _validation
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

    @classmethod
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
        password = None if password_secret is None else SecretKeyRef.checked(
            name=password_secret, key=password_key, name_parameter="password_secret", key_parameter="password_key")
        return cls(address=address, host=host, port=port, db=db, password=password)


@dataclasses.dataclass(frozen=True)
class ProxyCache:
    """Pull-through cache mode: the registry serves images of an upstream registry, fetching what it lacks
    (pushes are refused). Create it with :meth:`of`."""

    remote_url: str
    port: int
    username: SecretKeyRef | None
    password: SecretKeyRef | None
    ttl_hours: int | None

    @classmethod
    def of(
        cls,
        remote_url: str = "https://registry-1.docker.io",
        *,
        credentials_secret: str | None = None,
        username_key: str = "username",
        password_key: str = "password",
        ttl_hours: int | None = None,
    ) -> ProxyCache:
        """
        :param remote_url: the upstream registry's URL. Default: Docker Hub (``https://registry-1.docker.io``).
        :param credentials_secret: an existing Secret with the upstream username and password (Docker Hub's pull
            limits are higher for accounts). Default: anonymous.
        :param username_key: the key of the username. Default: ``"username"``.
        :param password_key: the key of the password. Default: ``"password"``.
        :param ttl_hours: how long cached content is kept before it is fetched again (registry 3 only). Default:
            the registry's (7 days).
        """
        parts = urllib.parse.urlsplit(remote_url)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            port = 0
        if (parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password
                or parts.path not in ("", "/") or parts.query or parts.fragment or not 0 < port < 65536):
            raise _validation.fail("remote_url", remote_url, "the upstream is an http:// or https:// URL with a host "
                                                             "and an optional port, and no credentials or path")
        username = password = None
        if credentials_secret is not None:
            username = SecretKeyRef.checked(name=credentials_secret, key=username_key,
                                            name_parameter="credentials_secret", key_parameter="username_key")
            password = SecretKeyRef.checked(name=credentials_secret, key=password_key,
                                            name_parameter="credentials_secret", key_parameter="password_key")
        if ttl_hours is not None:
            _validation.check_int_range("ttl_hours", ttl_hours, 1, 24 * 365)
        return cls(remote_url=remote_url.rstrip("/"), port=port, username=username, password=password,
                   ttl_hours=ttl_hours)


def _host_port(parameter: str, value: str, rule: str) -> tuple[str, int]:
    host, sep, port_text = value.rpartition(":")
    if not sep or not port_text.isdigit():
        raise _validation.fail(parameter, value, rule)
    port = int(port_text)
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        try:
            _validation.check_hostname(parameter, host)
        except ValueError:
            raise _validation.fail(parameter, value, rule) from None
    if not 0 < port < 65536:
        raise _validation.fail(parameter, value, rule)
    return host, port
