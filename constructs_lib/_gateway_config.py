"""Routing through a Kubernetes Gateway (Gateway API v1.5.1): which Gateway the routes attach to, checked at creation,
and the plan of the HTTPRoutes (and the Gateway, when the library creates it). Pure Python: no cdk8s, no jsii."""

from __future__ import annotations

import dataclasses

from . import _typecheck, _validation
from ._ingress_config import check_endpoint
from .endpoints import RegistryEndpoint, registry_access

__all__ = ["DEFAULT_GATEWAY_CLASS", "GatewayAttachment", "GatewayConfig", "GatewayPlan", "HttpRoutePlan",
           "RulePlan", "check_ui", "plan_gateway", "plan_ui_routes"]

#: The GatewayClass of Traefik's Gateway provider (the Traefik Helm chart's default class).
DEFAULT_GATEWAY_CLASS = "traefik"
# The Traefik Helm chart's entry points, inside the pod (k3s's too): a Gateway listener's port names the entry point.
_TRAEFIK_WEBSECURE_PORT = 8443
_TRAEFIK_WEB_PORT = 8000
_SECURITY_HEADERS = (
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GatewayAttachment:
    """The Gateway the registry's routes attach to: an existing one (:meth:`existing`), or one the library creates
    with an HTTPS listener from a certificate Secret (:meth:`create`)."""

    name: str | None
    namespace: str | None
    https_listener: str | None
    http_listener: str | None
    gateway_class: str | None
    tls_secret: str | None
    https_port: int | None
    http_port: int | None

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        created = self.tls_secret is not None
        for parameter, value in (("name", self.name), ("namespace", self.namespace),
                                 ("tls_secret", self.tls_secret), ("gateway_class", self.gateway_class)):
            if value is not None:
                _validation.check_dns1123_subdomain(parameter, value)
        for parameter, value in (("https_listener", self.https_listener), ("http_listener", self.http_listener)):
            if value is not None:
                _validation.check_dns1123_subdomain(parameter, value)
        for parameter, port in (("https_port", self.https_port), ("http_port", self.http_port)):
            if port is not None:
                _validation.check_port(parameter, port)
        if created and self.name is not None:
            raise _validation.fail("name", self.name, "a created Gateway is named after the registry")
        if not created and self.name is None:
            raise _validation.fail("name", self.name, "name the existing Gateway, or create one with a tls_secret")

    @classmethod
    @_typecheck.typechecked
    def existing(cls, name: str, *, namespace: str | None = None, https_listener: str | None = None,
                 http_listener: str | None = None) -> GatewayAttachment:
        """An existing Gateway (for example the cluster's shared one). Its listeners must allow routes from the
        registry's namespace (``allowedRoutes``) and cover the registry's host, and its HTTPS listener must have
        a certificate for it (cert-manager: the annotation ``cert-manager.io/cluster-issuer`` on the Gateway).

        :param name: the Gateway's name.
        :param namespace: its namespace. Default: the registry's.
        :param https_listener: the listener (``sectionName``) of the registry's routes. Default: every listener
            of the Gateway that matches.
        :param http_listener: the plain-HTTP listener the redirect to HTTPS attaches to (only with
            ``redirect_http_to_https``). Default: every listener that matches.
        """
        return cls(name=name, namespace=namespace, https_listener=https_listener, http_listener=http_listener,
                   gateway_class=None, tls_secret=None, https_port=None, http_port=None)

    @classmethod
    @_typecheck.typechecked
    def create(cls, *, tls_secret: str, gateway_class: str = DEFAULT_GATEWAY_CLASS,
               https_port: int = _TRAEFIK_WEBSECURE_PORT, http_port: int = _TRAEFIK_WEB_PORT) -> GatewayAttachment:
        """A Gateway of the registry's own, ``<name>-gateway`` in its namespace, with an HTTPS listener ``https``
        for the registry's host that terminates TLS with ``tls_secret``, and (with ``redirect_http_to_https``) an
        HTTP listener ``http``. A certificate from cert-manager: annotate the Gateway through the escape hatch
        (``cdk8s.ApiObject.of(ingress.gateway).metadata.add_annotation("cert-manager.io/cluster-issuer", ...)``):
        cert-manager then writes ``tls_secret``.

        :param tls_secret: the ``kubernetes.io/tls`` Secret of the registry's host, in its namespace.
        :param gateway_class: the GatewayClass. Default: :data:`DEFAULT_GATEWAY_CLASS` (Traefik's).
        :param https_port: the HTTPS listener's port; with Traefik it names the entry point (``websecure``).
            Default: 8443, the Traefik Helm chart's (and k3s's) ``websecure`` inside the pod.
        :param http_port: the HTTP listener's port (``web``). Default: 8000.
        """
        return cls(name=None, namespace=None, https_listener="https", http_listener="http",
                   gateway_class=gateway_class, tls_secret=tls_secret, https_port=https_port, http_port=http_port)

    @property
    def created(self) -> bool:
        """Whether the library creates the Gateway."""
        return self.tls_secret is not None


@dataclasses.dataclass(frozen=True, kw_only=True)
class GatewayConfig:
    """Everything :class:`~constructs_lib.gateway.GatewayIngress` takes, checked at creation."""

    registry: RegistryEndpoint
    host: str
    gateway: GatewayAttachment
    namespace: str | None = None
    redirect_http_to_https: bool = False

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        check_endpoint("registry", self.registry)
        if registry_access(self.registry) is not None:
            raise _validation.fail("registry", self.registry.service_name,
                                   "its AccessControl is enforced by Traefik's basicAuth Middlewares, which Gateway "
                                   "API routes cannot carry: serve it with a TraefikIngress")
        _validation.check_hostname("host", self.host)
        if self.registry.namespace is not None and self.namespace is not None and \
                self.registry.namespace != self.namespace:
            raise _validation.fail("registry", self.registry.service_name,
                                   f"its Service is in the namespace {self.registry.namespace!r} and the routes in "
                                   f"{self.namespace!r}: an HTTPRoute's backend in another namespace needs a "
                                   "ReferenceGrant there; create the routes in the registry's chart")
        if self.registry.cors_origin is not None:
            raise _validation.fail("registry", self.registry.service_name,
                                   "its CORS origin (a UI on its own host, without proxy_registry) needs its "
                                   "preflights answered before auth, which the Gateway routes do not do: serve the UI "
                                   "under a path, or with proxy_registry=True")
        if not self.redirect_http_to_https and self.gateway.http_listener is not None and not self.gateway.created:
            raise _validation.fail("http_listener", self.gateway.http_listener, "it has no effect without "
                                                                                 "redirect_http_to_https=True")

    @property
    def gateway_name(self) -> str:
        return self.gateway.name if self.gateway.name is not None else f"{self.registry.service_name}-gateway"


@dataclasses.dataclass(frozen=True)
class RulePlan:
    """One HTTPRoute rule: path matches (type, value), filters (in the binding's snake_case), and the backend."""

    matches: tuple[tuple[str, str], ...]
    filters: tuple[dict[str, object], ...]
    backend: tuple[str, int] | None


@dataclasses.dataclass(frozen=True)
class HttpRoutePlan:
    id: str
    name: str
    hostnames: tuple[str, ...]
    #: (Gateway name, namespace or None, listener or None)
    parent: tuple[str, str | None, str | None]
    rules: tuple[RulePlan, ...]


@dataclasses.dataclass(frozen=True)
class GatewayPlan:
    """The created Gateway (or None), then the HTTPRoutes in emission order."""

    gateway: tuple[str, str, tuple[tuple[str, int, str, str, str | None], ...]] | None
    routes: tuple[HttpRoutePlan, ...]


def _parent(config: GatewayConfig, listener: str | None) -> tuple[str, str | None, str | None]:
    namespace = None if config.gateway.created else config.gateway.namespace
    return config.gateway_name, namespace, listener


def plan_gateway(config: GatewayConfig) -> GatewayPlan:
    """The registry's HTTPRoute on the HTTPS listener (the whole host), the redirect's on the HTTP listener, and the
    Gateway when the library creates it."""
    registry = config.registry
    base = registry.service_name
    gateway = None
    if config.gateway.created:
        assert config.gateway.https_port is not None and config.gateway.http_port is not None
        assert config.gateway.gateway_class is not None
        listeners: list[tuple[str, int, str, str, str | None]] = [
            ("https", config.gateway.https_port, "HTTPS", config.host, config.gateway.tls_secret)]
        if config.redirect_http_to_https:
            listeners.append(("http", config.gateway.http_port, "HTTP", config.host, None))
        gateway = (config.gateway_name, config.gateway.gateway_class, tuple(listeners))
    routes = [HttpRoutePlan("Resource", base, (config.host,), _parent(config, config.gateway.https_listener), (
        RulePlan((("PathPrefix", "/"),), (), (base, registry.service_port)),))]
    if config.redirect_http_to_https:
        routes.append(HttpRoutePlan("HttpRoute", f"{base}-http", (config.host,),
                                    _parent(config, config.gateway.http_listener), (
            RulePlan((("PathPrefix", "/"),), ({"type": "RequestRedirect", "scheme": "https",
                                              "status_code": 301},), None),)))
    return GatewayPlan(gateway=gateway, routes=tuple(routes))


def plan_ui_routes(config: GatewayConfig, *, name: str, service_name: str, service_port: int, path_prefix: str,
                   security_headers: bool) -> tuple[HttpRoutePlan, ...]:
    """The UI under ``path_prefix`` of the registry's host: the bare prefix redirected to itself with a slash (the
    UI's assets are relative), the prefix replaced by ``/`` before the UI, and the security headers added."""
    headers: tuple[dict[str, object], ...] = ({"type": "ResponseHeaderModifier", "set": _SECURITY_HEADERS},) \
        if security_headers else ()
    return (HttpRoutePlan("Route", name, (config.host,), _parent(config, config.gateway.https_listener), (
        RulePlan((("Exact", path_prefix),), ({"type": "RequestRedirect", "path": f"{path_prefix}/",
                                              "status_code": 301},), None),
        RulePlan((("PathPrefix", path_prefix),), (*headers, {"type": "URLRewrite", "replace_prefix_match": "/"}),
                 (service_name, service_port)),
    )),)


def check_ui(config: GatewayConfig, *, host: str | None, tls: object | None) -> None:
    """The UI is served under a path of the registry's host, on its Gateway listener and certificate."""
    if host is not None:
        raise _validation.fail("host", host, "through a Gateway the UI is served under path_prefix on the "
                               "registry's host (a host of its own needs a listener and a certificate of its own): "
                               "leave host unset")
    if tls is not None:
        raise _validation.fail("tls", tls, "under a path the UI has the registry's certificate: leave tls unset")
