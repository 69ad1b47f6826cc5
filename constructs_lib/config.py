"""The registry's configuration as one frozen value that checks itself: every field and cross-field rule runs when it
is created, before any construct exists. Pure Python: no cdk8s, no jsii.

:class:`~constructs_lib.registry.Registry` builds a :class:`RegistryConfig` from its arguments; ``_plan`` turns it
into the objects to emit.
"""

from __future__ import annotations

import dataclasses
import enum
import re

from . import _typecheck, _validation
from ._secrets import SecretKeyRef, SecretSource, check_secret_value
from .access import AccessControl
from .auth import HtpasswdAuth
from .cache import ProxyCache, RedisCache
from .maintenance import GarbageCollection, UploadPurging
from .network import PodPeer
from .pod import PodOptions
from .storage import FilesystemStorage, Storage, VolumeAccessMode

__all__ = ["DEFAULT_METRICS_PROXY_IMAGE", "DEFAULT_REGISTRY_IMAGE", "HttpSecret", "LogLevel", "RegistryConfig",
           "RegistryVersion"]

#: The registry image, pinned to an exact version.
DEFAULT_REGISTRY_IMAGE = "registry:2.8.3"
#: The metrics proxy (nginx, unprivileged build) in front of the registry's debug listener, pinned to an exact
#: version.
DEFAULT_METRICS_PROXY_IMAGE = "nginxinc/nginx-unprivileged:1.29.4-alpine"
DEFAULT_PORT = 5000
DEFAULT_METRICS_PORT = 5001
DEFAULT_DEBUG_PORT = 5002
# Settings the init container renders from Secrets into files: a variable would override them, in plain text.
_SECRET_SETTINGS = frozenset({"REGISTRY_HTTP_SECRET", "REGISTRY_REDIS_PASSWORD", "REGISTRY_PROXY_USERNAME",
                              "REGISTRY_PROXY_PASSWORD", "REGISTRY_STORAGE_S3_ACCESSKEY",
                              "REGISTRY_STORAGE_S3_SECRETKEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"})
#: The longest base name: the derived names (``-http-secret``, ``-metrics-proxy``...) stay within 63 characters.
MAX_NAME_LENGTH = 40


class LogLevel(enum.Enum):
    """The registry's log level (``log.level``)."""

    ERROR = "error"
    WARN = "warn"
    INFO = "info"
    DEBUG = "debug"


@dataclasses.dataclass(frozen=True, repr=False)
class HttpSecret:
    """The secret the registry signs upload state with (``http.secret``). Every replica must share it.

    Create it with :meth:`from_secret` (recommended) or :meth:`from_value`.
    """

    #: An existing Secret's key, or a value for a new Secret.
    source: SecretSource

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        if self.source.value is not None:
            check_secret_value("value", self.source.value, "http secret")
            if len(self.source.value) < 16:
                raise _validation.fail("value", "<hidden>", "an http secret has at least 16 characters (got "
                                                            f"{len(self.source.value)})")

    @classmethod
    def from_secret(cls, name: str, *, key: str = "http-secret") -> HttpSecret:
        """An existing Secret, e.g. ``kubectl create secret generic NAME --from-literal=http-secret=$(openssl rand
        -hex 32)``.

        :param name: the Secret's name.
        :param key: the key that holds the value. Default: ``"http-secret"``.
        """
        _typecheck.check_type("name", name, str)
        _typecheck.check_type("key", key, str)
        return cls(SecretSource.existing(SecretKeyRef.checked(name=name, key=key, name_parameter="name",
                                                              key_parameter="key")))

    @classmethod
    def from_value(cls, value: str) -> HttpSecret:
        """A value, put in a new Secret. Use a long random string kept outside source code.

        :param value: at least 16 characters, no leading or trailing whitespace or line breaks.
        """
        _typecheck.check_type("value", value, str)
        check_secret_value("value", value, "http secret")
        if len(value) < 16:
            raise _validation.fail("value", "<hidden>", f"an http secret has at least 16 characters (got {len(value)})")
        return cls(SecretSource.of_value(value))

    @property
    def existing_secret(self) -> SecretKeyRef | None:
        """The existing Secret's key; None for a value."""
        return self.source.ref

    @property
    def value(self) -> str | None:
        """The value for a new Secret; None for an existing Secret."""
        return self.source.value

    def __repr__(self) -> str:
        return f"HttpSecret.from_secret({self.source.ref.name!r})" if self.source.ref else \
            "HttpSecret.from_value(<hidden>)"


@dataclasses.dataclass(frozen=True)
class RegistryVersion:
    """The registry's version as its image tag names it: it picks the configuration dialect."""

    major: int
    #: None for a tag like ``registry:3``.
    minor: int | None

    @classmethod
    @_typecheck.typechecked
    def of_image(cls, image: str) -> RegistryVersion:
        """The version an image's tag names.

        :param image: an image reference with a version tag, like ``registry:2.8.3``.
        """
        tag = re.search(r":v?([0-9]+)(?:\.([0-9]+))?(\.[0-9A-Za-z._-]*)?(@|$)", image.rsplit("/", 1)[-1])
        if tag is None:
            raise _validation.fail("image", image, "the tag must name the version, like 'registry:2.8.3' or "
                                                   "'registry:3.1.1@sha256:...': it picks the configuration dialect")
        major = int(tag.group(1))
        if major not in (2, 3):
            raise _validation.fail("image", image, "registry 2.x and 3.x are supported")
        return cls(major=major, minor=int(tag.group(2)) if tag.group(2) is not None else None)


@dataclasses.dataclass(frozen=True, kw_only=True)
class RegistryConfig:
    """Everything :class:`~constructs_lib.registry.Registry` takes, checked at creation. The meaning and default of
    each field is that of the argument of the same name of ``Registry``; ``None`` means that default. ``name`` is
    the resolved base name and ``namespace`` the chart's (or None)."""

    name: str
    namespace: str | None
    auth: HtpasswdAuth | AccessControl | None
    storage: Storage
    image: str = DEFAULT_REGISTRY_IMAGE
    replicas: int = 1
    http_secret: HttpSecret | None = None
    delete_enabled: bool = False
    log_level: LogLevel = LogLevel.INFO
    port: int = DEFAULT_PORT
    network_policy: bool = True
    ingress_controller: PodPeer | None = None
    redis: RedisCache | None = None
    proxy: ProxyCache | None = None
    metrics: bool = True
    metrics_port: int | None = None
    metrics_scraper: PodPeer | None = None
    metrics_proxy_image: str | None = None
    debug_port: int | None = None
    upload_purging: UploadPurging | None = None
    garbage_collection: GarbageCollection | None = None
    cors_origin: str | None = None
    opentelemetry: bool = False
    pod: PodOptions = dataclasses.field(default_factory=PodOptions)

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        _validation.check_dns1035_label("name", self.name, max_length=MAX_NAME_LENGTH)
        if self.namespace is not None:
            _validation.check_dns1123_label("namespace", self.namespace)
        _validation.check_image("image", self.image)
        version = RegistryVersion.of_image(self.image)
        _validation.check_int_range("replicas", self.replicas, 1, 100)
        _validation.check_port("port", self.port)
        self._check_metrics()
        self._check_network_policy()
        if isinstance(self.auth, AccessControl):
            self._check_access(self.auth)
        if self.redis is not None and version.major == 3 and version.minor == 0:
            raise _validation.fail("redis", self.redis, f"registry 3.0.x ({self.image}) ignores REGISTRY_REDIS_ADDRS "
                                                        "and REGISTRY_REDIS_DB and panics at start ('redis "
                                                        "configuration required'); 3.1.0 fixed it and 3.1.x has "
                                                        "security fixes 3.0.x lacks: use registry:3.1.1 or later")
        if self.replicas > 1 and not self.storage.shared:
            raise _validation.fail("replicas", self.replicas, "several replicas need shared storage: S3, or a "
                                                              "filesystem claim with "
                                                              "access_mode=VolumeAccessMode.READ_WRITE_MANY")
        if self.replicas > 1 and self.http_secret is None:
            raise _validation.fail("replicas", self.replicas, "several replicas must share an http_secret, or "
                                                              "uploads fail with 'blob upload unknown': set "
                                                              "http_secret")
        if self.proxy is not None and self.proxy.ttl_hours is not None and version.major < 3:
            raise _validation.fail("proxy", f"ttl_hours={self.proxy.ttl_hours}",
                                   "registry 2.x has no proxy TTL: use a registry 3 image or leave ttl_hours unset")
        if self.opentelemetry and version.major < 3:
            raise _validation.fail("opentelemetry", self.opentelemetry,
                                   f"registry 2.x ({self.image}) has no OpenTelemetry tracing: use a registry 3 "
                                   "image or leave opentelemetry off")
        if self.cors_origin is not None:
            _validation.check_origin("cors_origin", self.cors_origin)
        if self.garbage_collection is not None:
            self._check_garbage_collection(version)
        clashes = sorted(set(self.registry_env_names) & set(self.pod.env))
        if clashes:
            raise _validation.fail("pod.env", clashes, "the registry construct sets these itself: use its options")
        secret_settings = sorted(set(self.pod.env) & _SECRET_SETTINGS)
        if secret_settings:
            raise _validation.fail("pod.env", secret_settings,
                                   "secrets never go into variables: use http_secret, redis, proxy or the storage's "
                                   "credentials (their Secrets are rendered into files), which these would override")

    def _check_metrics(self) -> None:
        given = {"metrics_port": self.metrics_port, "metrics_scraper": self.metrics_scraper,
                 "metrics_proxy_image": self.metrics_proxy_image, "debug_port": self.debug_port}
        if not self.metrics:
            for parameter, value in given.items():
                if value is not None:
                    raise _validation.fail(parameter, value, "it has no effect with metrics=False (no debug "
                                                             "listener, no metrics sidecar): leave it unset")
            return
        _validation.check_port("metrics_port", self.effective_metrics_port)
        if self.effective_metrics_port == self.port:
            raise _validation.fail("metrics_port", self.effective_metrics_port, "it must differ from port")
        _validation.check_image("metrics_proxy_image", self.effective_metrics_proxy_image)
        _validation.check_port("debug_port", self.effective_debug_port)
        if self.effective_debug_port in (self.port, self.effective_metrics_port):
            raise _validation.fail("debug_port", self.effective_debug_port,
                                   f"it must differ from port ({self.port}) and metrics_port "
                                   f"({self.effective_metrics_port})")

    def _check_network_policy(self) -> None:
        if self.network_policy:
            return
        for parameter, value in (("ingress_controller", self.ingress_controller),
                                 ("metrics_scraper", self.metrics_scraper)):
            if value is not None:
                raise _validation.fail(parameter, value, "it only names a NetworkPolicy peer, and "
                                                         "network_policy=False makes none: leave it unset")

    def _check_access(self, access: AccessControl) -> None:
        if not self.network_policy:
            raise _validation.fail("network_policy", self.network_policy,
                                   "with AccessControl the registry has no auth of its own and Traefik checks every "
                                   "request: only the NetworkPolicy keeps other pods from going around Traefik")
        if access.delete is not None and not self.delete_enabled:
            raise _validation.fail("delete_enabled", self.delete_enabled, "the access control names users who may "
                                                                          "delete: set delete_enabled=True")
        if access.delete is None and self.delete_enabled:
            raise _validation.fail("delete_enabled", self.delete_enabled, "the access control names nobody who may "
                                                                          "delete: name admins, or leave deletes off")

    @property
    def access(self) -> AccessControl | None:
        """The access control Traefik enforces, or None."""
        return self.auth if isinstance(self.auth, AccessControl) else None

    @property
    def auth_required(self) -> bool:
        """Whether browsing the registry needs credentials: with access control, unless anonymous browsing is
        allowed."""
        return self.auth.auth_required if isinstance(self.auth, AccessControl) else self.auth is not None

    def _check_garbage_collection(self, version: RegistryVersion) -> None:
        gc = self.garbage_collection
        assert gc is not None
        if isinstance(self.storage, FilesystemStorage) and \
                self.storage.access_mode is VolumeAccessMode.READ_WRITE_ONCE_POD:
            raise _validation.fail("garbage_collection", gc,
                                   "a ReadWriteOncePod claim cannot be mounted by the collection's pod while the "
                                   "registry holds it: use ReadWriteOnce (the collection then runs on the registry's "
                                   "node) or S3")
        if gc.delete_untagged and version.major < 3:
            raise _validation.fail("garbage_collection", gc,
                                   "delete_untagged needs registry 3: registry 2.x deletes the per-platform manifests "
                                   "of multi-architecture images with it (use a registry 3 image, or leave "
                                   "delete_untagged off)")
        if self.redis is not None:
            raise _validation.fail("garbage_collection", gc,
                                   "the collection cannot empty the Redis blob-descriptor cache, which would keep "
                                   "describing deleted blobs as present (pushes then skip them and pulls fail): leave "
                                   "redis unset with garbage collection (each pod's in-memory cache is emptied by the "
                                   "window's restarts)")
        if not self.namespace:
            raise _validation.fail("garbage_collection", gc,
                                   "it needs the chart's namespace: the RoleBinding must name the namespace of its "
                                   "ServiceAccount (set namespace= on the Chart)")

    @property
    def version(self) -> RegistryVersion:
        """The registry's version, from the image tag."""
        return RegistryVersion.of_image(self.image)

    @property
    def effective_metrics_port(self) -> int:
        return self.metrics_port if self.metrics_port is not None else DEFAULT_METRICS_PORT

    @property
    def effective_debug_port(self) -> int:
        return self.debug_port if self.debug_port is not None else DEFAULT_DEBUG_PORT

    @property
    def effective_metrics_proxy_image(self) -> str:
        return self.metrics_proxy_image if self.metrics_proxy_image is not None else DEFAULT_METRICS_PROXY_IMAGE

    @property
    def registry_env_names(self) -> frozenset[str]:
        """Every variable the registry container gets from this configuration (``pod.env`` may not set them)."""
        from . import _plan  # the plan reads this configuration; imported here to keep one direction at load

        return frozenset(name for name, _ in _plan.registry_env(self))
