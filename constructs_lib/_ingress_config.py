"""The Traefik ingress's configuration as frozen values that check themselves: where the certificate comes from, the
lowest TLS version, the CRDs' API group, and :class:`IngressConfig`, every argument of
:class:`~constructs_lib.ingress.TraefikIngress` checked at creation. Pure Python: no cdk8s, no jsii."""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Sequence
from types import ModuleType

from . import _traefik, _typecheck, _validation
from .endpoints import RegistryEndpoint

__all__ = ["IngressConfig", "IngressTls", "TlsVersion", "TraefikApiGroup"]

_ENTRY_POINT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class TraefikApiGroup(enum.Enum):
    """The API group of the Traefik CRDs installed in the cluster."""

    #: ``traefik.io/v1alpha1``: Traefik 2.10 and later, and 3.x (k3s ships it).
    TRAEFIK_IO = "traefik.io/v1alpha1"
    #: ``traefik.containo.us/v1alpha1``: Traefik 2.x before 2.10 (Traefik 3 ignores it).
    TRAEFIK_CONTAINO_US = "traefik.containo.us/v1alpha1"

    @property
    def bindings(self) -> ModuleType:
        """The generated bindings of this group; both groups share the class names used here."""
        module: ModuleType = (_traefik.traefik_io if self is TraefikApiGroup.TRAEFIK_IO
                              else _traefik.traefik_containo_us)
        return module


class TlsVersion(enum.Enum):
    """The lowest TLS version clients may use (a Traefik ``TLSOption``)."""

    TLS12 = "VersionTLS12"
    TLS13 = "VersionTLS13"


@dataclasses.dataclass(frozen=True)
class IngressTls:
    """Where the route's TLS certificate comes from. Use a factory: :meth:`cert_resolver`, :meth:`secret` or
    :meth:`default_certificate`."""

    cert_resolver_name: str | None
    secret_name: str | None

    @classmethod
    @_typecheck.typechecked
    def cert_resolver(cls, name: str = "letsencrypt") -> IngressTls:
        """A certificate from a Traefik certificate resolver (ACME, e.g. Let's Encrypt), which must be configured in
        Traefik's static configuration.

        :param name: the resolver's name. Default: ``"letsencrypt"``.
        """
        if not _ENTRY_POINT.fullmatch(name):
            raise _validation.fail("name", name, "a certificate resolver name has letters, digits, '-' or '_', "
                                                 "starting with a letter or digit")
        return cls(cert_resolver_name=name, secret_name=None)

    @classmethod
    @_typecheck.typechecked
    def secret(cls, name: str) -> IngressTls:
        """An existing ``kubernetes.io/tls`` Secret in the namespace (for example from cert-manager).

        :param name: the Secret's name.
        """
        _validation.check_dns1123_subdomain("name", name)
        return cls(cert_resolver_name=None, secret_name=name)

    @classmethod
    @_typecheck.typechecked
    def default_certificate(cls) -> IngressTls:
        """Traefik's default certificate (its default TLSStore), e.g. a wildcard certificate set up once."""
        return cls(cert_resolver_name=None, secret_name=None)

    def _spec(self, bindings: ModuleType, options: str | None) -> object:
        return bindings.IngressRouteSpecTls(
            cert_resolver=self.cert_resolver_name, secret_name=self.secret_name,
            options=bindings.IngressRouteSpecTlsOptions(name=options) if options else None)


@dataclasses.dataclass(frozen=True, kw_only=True)
class IngressConfig:
    """Everything :class:`~constructs_lib.ingress.TraefikIngress` takes, checked at creation (the meaning and default
    of each field is that of its argument; ``None`` means that default), with the namespace of the ingress's chart."""

    registry: RegistryEndpoint
    host: str
    namespace: str | None = None
    tls: IngressTls | None = None
    entry_points: Sequence[str] = ("websecure",)
    api_group: TraefikApiGroup = TraefikApiGroup.TRAEFIK_IO
    redirect_http_to_https: bool = False
    http_entry_point: str | None = None
    min_tls_version: TlsVersion | None = TlsVersion.TLS12

    def __post_init__(self) -> None:
        if isinstance(self.entry_points, str):
            raise _validation.fail("entry_points", self.entry_points, "give a list of one or more entry point names")
        _typecheck.check_fields(self)
        registry = self.registry
        _validation.check_hostname("host", self.host)
        if not self.entry_points:
            raise _validation.fail("entry_points", self.entry_points, "give a list of one or more entry point names")
        for entry_point in self.entry_points:
            check_entry_point("entry_points", entry_point)
        object.__setattr__(self, "entry_points", tuple(self.entry_points))
        if self.http_entry_point is not None and not self.redirect_http_to_https:
            raise _validation.fail("http_entry_point", self.http_entry_point, "it has no effect without "
                                                                              "redirect_http_to_https=True: leave it "
                                                                              "unset")
        check_entry_point("http_entry_point", self.effective_http_entry_point)
        if self.redirect_http_to_https and self.effective_http_entry_point in self.entry_points:
            raise _validation.fail("http_entry_point", self.effective_http_entry_point,
                                   "the HTTP entry point of the redirect cannot also serve the registry")
        if registry.namespace is not None and self.namespace is not None and registry.namespace != self.namespace:
            raise _validation.fail("registry", registry.service_name,
                                   f"its Service is in the namespace {registry.namespace!r} and this ingress in "
                                   f"{self.namespace!r}: Traefik refuses services of another namespace by default; "
                                   "create the ingress in the registry's chart")

    @property
    def effective_tls(self) -> IngressTls:
        return self.tls if self.tls is not None else IngressTls.cert_resolver()

    @property
    def effective_http_entry_point(self) -> str:
        return self.http_entry_point if self.http_entry_point is not None else "web"


def check_entry_point(parameter: str, name: str) -> None:
    if not _ENTRY_POINT.fullmatch(name):
        raise _validation.fail(parameter, name, "an entry point name has letters, digits, '-' or '_', starting "
                                                "with a letter or digit")
