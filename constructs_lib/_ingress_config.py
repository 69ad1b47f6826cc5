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
from ._labels import WorkloadLabels
from ._manifests import Manifest, secret
from .access import USERS_KEY, AccessControl, AnonymousAccess
from .endpoints import RegistryEndpoint, registry_access

__all__ = ["IngressConfig", "IngressPlan", "IngressTls", "MiddlewarePlan", "RoutePlan", "RouteRule", "TlsVersion",
           "TraefikApiGroup", "plan_ingress", "plan_ui_route"]

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

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        if self.cert_resolver_name is not None and self.secret_name is not None:
            raise _validation.fail("secret_name", self.secret_name, "a certificate comes from a resolver or from a "
                                                                    "Secret, not both")
        if self.cert_resolver_name is not None and not _ENTRY_POINT.fullmatch(self.cert_resolver_name):
            raise _validation.fail("cert_resolver_name", self.cert_resolver_name,
                                   "a certificate resolver name has letters, digits, '-' or '_', starting with a "
                                   "letter or digit")
        if self.secret_name is not None:
            _validation.check_dns1123_subdomain("secret_name", self.secret_name)

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
        check_endpoint("registry", registry)
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
        if registry_access(registry) is not None and self.api_group is not TraefikApiGroup.TRAEFIK_IO:
            raise _validation.fail("api_group", self.api_group.name, "access control routes requests by header, "
                                                                     "method and path with Traefik 3's matchers: "
                                                                     "use TraefikApiGroup.TRAEFIK_IO and Traefik 3")
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


def check_ui_route(config: IngressConfig, *, host: str | None, tls: object | None) -> None:
    """The UI's certificate (``tls``) is its own only on its own ``host``, and a certificate from a Secret covers the
    registry's host only."""
    if tls is not None and not isinstance(tls, IngressTls):
        raise TypeError(f"tls: expected IngressTls | None, got {type(tls).__name__}")
    if host is None:
        if tls is not None:
            raise _validation.fail("tls", tls, "without host the UI is served under path_prefix on the registry's "
                                               "host, with the registry's certificate: give the UI its own host to "
                                               "give it its own certificate")
        return
    registry_tls = config.effective_tls
    if tls is None and registry_tls.secret_name is not None:
        raise _validation.fail("tls", tls, f"the registry's certificate comes from the Secret "
                                           f"{registry_tls.secret_name!r}, for {config.host}, and a Secret for one "
                                           f"host does not cover another: pass the UI's own for {host}, "
                                           "tls=IngressTls.secret('<its Secret>'), or the same Secret if its "
                                           "certificate covers both names")


def check_endpoint(parameter: str, endpoint: RegistryEndpoint) -> None:
    """The facts a registry endpoint of any origin gives, checked like the library's own."""
    _typecheck.check_type(f"{parameter}.service_name", endpoint.service_name, str)
    _validation.check_dns1035_label(f"{parameter}.service_name", endpoint.service_name)
    _validation.check_port(f"{parameter}.service_port", endpoint.service_port)
    _typecheck.check_type(f"{parameter}.namespace", endpoint.namespace, str | None)
    if endpoint.namespace is not None:
        _validation.check_dns1123_label(f"{parameter}.namespace", endpoint.namespace)
    _typecheck.check_type(f"{parameter}.cors_origin", endpoint.cors_origin, str | None)
    if endpoint.cors_origin is not None:
        _validation.check_origin(f"{parameter}.cors_origin", endpoint.cors_origin)
    _typecheck.check_type(f"{parameter}.auth_required", endpoint.auth_required, bool)
    _typecheck.check_type(f"{parameter}.delete_enabled", endpoint.delete_enabled, bool)


def check_entry_point(parameter: str, name: str) -> None:
    if not _ENTRY_POINT.fullmatch(name):
        raise _validation.fail(parameter, name, "an entry point name has letters, digits, '-' or '_', starting "
                                                "with a letter or digit")


# --- the plan: what the ingress emits, as data the construct renders into the Traefik bindings --------------------


@dataclasses.dataclass(frozen=True)
class MiddlewarePlan:
    """A Traefik Middleware: its construct id, name, and one middleware (``kind``, a field of the binding's
    ``MiddlewareSpec``, with the fields of its struct)."""

    id: str
    name: str
    kind: str
    fields: dict[str, object]


@dataclasses.dataclass(frozen=True)
class RouteRule:
    """One route of an IngressRoute: its match and the Middlewares by name, in order."""

    match: str
    middlewares: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class RoutePlan:
    """An IngressRoute: entry points, its rules (mutually exclusive, so their order and priorities never matter),
    one Service, and the TLS (None: plain HTTP) with the TLSOption's name."""

    id: str
    name: str
    entry_points: tuple[str, ...]
    rules: tuple[RouteRule, ...]
    service_name: str
    service_port: int
    tls: IngressTls | None
    tls_option: str | None

    @property
    def match(self) -> str:
        """The first rule's match."""
        return self.rules[0].match

    @property
    def middlewares(self) -> tuple[str, ...]:
        """The first rule's Middlewares."""
        return self.rules[0].middlewares


@dataclasses.dataclass(frozen=True)
class IngressPlan:
    """The TLSOption (name and lowest version, or None), then the Secrets, Middlewares and IngressRoutes in emission
    order."""

    tls_option: tuple[str, str] | None
    objects: tuple[Manifest | MiddlewarePlan | RoutePlan, ...]


def match(host: str, path_prefix: str | None) -> str:
    """The rule of a route. Backticks and one value per matcher: the syntax both Traefik v2 and v3 read. The prefix is
    matched as a whole path segment: PathPrefix(`/ui`) alone would also take /uix."""
    host_rule = f"Host(`{host}`)"
    if path_prefix is None:
        return host_rule
    return f"{host_rule} && (Path(`{path_prefix}`) || PathPrefix(`{path_prefix}/`))"


def tls_option_name(config: IngressConfig) -> str | None:
    return f"{config.registry.service_name}-tls" if config.min_tls_version is not None else None


def route(config: IngressConfig, *, id: str, name: str, path_prefix: str | None, service_name: str,
          service_port: int, middlewares: Sequence[str], host: str | None = None,
          tls: IngressTls | None = None) -> RoutePlan:
    """A route on the ingress's entry points, TLS option and (unless ``tls``) certificate."""
    return RoutePlan(id=id, name=name, entry_points=tuple(config.entry_points),
                     rules=(RouteRule(match(host or config.host, path_prefix), tuple(middlewares)),),
                     service_name=service_name, service_port=service_port,
                     tls=tls if tls is not None else config.effective_tls, tls_option=tls_option_name(config))


def plan_ingress(config: IngressConfig) -> IngressPlan:
    """The registry's route (and what it needs): a TLSOption, CORS preflights answered for the registry's one browser
    origin, and the HTTP route that redirects to HTTPS."""
    registry = config.registry
    base = registry.service_name
    objects: list[Manifest | MiddlewarePlan | RoutePlan] = []
    route_middlewares: list[str] = []
    if registry.cors_origin is not None:
        # Browsers send CORS preflights without credentials, which the registry answers 401 under auth: Traefik
        # answers them itself for this one origin.
        objects.append(MiddlewarePlan("Cors", f"{base}-cors", "headers", {
            "access_control_allow_origin_list": [registry.cors_origin],
            "access_control_allow_credentials": True,
            "access_control_allow_headers": ["Authorization", "Accept", "Cache-Control"],
            "access_control_allow_methods": ["HEAD", "GET", "OPTIONS", "DELETE"],
            "access_control_expose_headers": ["Docker-Content-Digest"],
            "access_control_max_age": 600,
        }))
        route_middlewares.append(f"{base}-cors")
    access = registry_access(registry)
    if access is None:
        objects.append(route(config, id="Resource", name=base, path_prefix=None, service_name=base,
                             service_port=registry.service_port, middlewares=route_middlewares))
    else:
        objects += _access_objects(config, access, route_middlewares)
    if config.redirect_http_to_https:
        objects.append(MiddlewarePlan("HttpsRedirect", f"{base}-https-redirect", "redirect_scheme",
                                      {"scheme": "https", "permanent": True}))
        # Traefik needs a service on every route; the redirect answers before it is reached.
        objects.append(RoutePlan(id="HttpRoute", name=f"{base}-http", entry_points=(config.effective_http_entry_point,),
                                 rules=(RouteRule(match(config.host, None), (f"{base}-https-redirect",)),),
                                 service_name=base, service_port=registry.service_port, tls=None, tls_option=None))
    option = tls_option_name(config)
    return IngressPlan(
        tls_option=(option, config.min_tls_version.value) if option is not None and config.min_tls_version else None,
        objects=tuple(objects))


# The rules of access control (Traefik v3 matchers). A request without credentials either has no Authorization header
# or, from containers/image clients (skopeo, podman) after a Basic challenge, the empty pair ":" ("Basic Og==").
_V2 = "PathPrefix(`/v2`)"
_WRITE = "(Method(`POST`) || Method(`PUT`) || Method(`PATCH`) || Method(`DELETE`))"
# Deleting a manifest or a blob; DELETE under /blobs/uploads/ cancels one's own upload, which writers may.
_DELETE = "(Method(`DELETE`) && !PathRegexp(`/blobs/uploads/`))"
_READ = "(Method(`GET`) || Method(`HEAD`))"
_ANONYMOUS = "(!HeaderRegexp(`Authorization`, `.`) || Header(`Authorization`, `Basic Og==`))"
# GET /v2/ is the clients' check of their credentials (docker login, podman login): answered with a challenge, not
# anonymously, so that logins are checked and clients send their credentials afterwards.
_NOT_PING = "!Path(`/v2/`) && !Path(`/v2`)"
_NOT_CATALOG = "!PathPrefix(`/v2/_catalog`)"


def _access_objects(config: IngressConfig, access: AccessControl,
                    route_middlewares: Sequence[str]) -> list[Manifest | MiddlewarePlan | RoutePlan]:
    """The users' Secrets (for lists given as values), one basicAuth Middleware per list, and the registry's
    IngressRoute with one rule per kind of request: deletes, writes, anonymous reads, reads with credentials."""
    registry = config.registry
    base = registry.service_name
    labels = WorkloadLabels(name="registry", instance=base, component="access-control", part_of=base)
    objects: list[Manifest | MiddlewarePlan | RoutePlan] = []
    auth: dict[str, str] = {}
    for action, source in (("pull", access.pull), ("push", access.push), ("delete", access.delete)):
        if source is None:
            continue
        title = action.title()
        secret_name = f"{base}-{action}-users"
        if source.value is not None:
            objects.append(secret(id=f"{title}Users", name=secret_name, labels=labels,
                                  data={USERS_KEY: source.value}))
        else:
            assert source.ref is not None
            secret_name = source.ref.name
        auth[action] = f"{base}-{action}-auth"
        # removeHeader: the registry never sees a password.
        objects.append(MiddlewarePlan(f"{title}Auth", auth[action], "basic_auth", {
            "secret": secret_name, "realm": access.realm, "remove_header": True}))
    host = f"Host(`{config.host}`) && {_V2}"
    rules: list[RouteRule] = []
    writes = _WRITE
    if "delete" in auth:
        rules.append(RouteRule(f"{host} && {_DELETE}", (*route_middlewares, auth["delete"])))
        writes = f"{_WRITE} && !{_DELETE}"
    if "push" in auth:  # with nobody allowed to push, writes find no route (404)
        rules.append(RouteRule(f"{host} && {writes}", (*route_middlewares, auth["push"])))
    reads = f"!{_WRITE}"
    if access.anonymous is not AnonymousAccess.NONE:
        paths = [] if "pull" not in auth else [_NOT_PING]  # with no user at all, nobody is challenged
        if access.anonymous is AnonymousAccess.PULL:
            paths.append(_NOT_CATALOG)
        anonymous = " && ".join([_READ, _ANONYMOUS, *paths])
        rules.append(RouteRule(f"{host} && {anonymous}", tuple(route_middlewares)))
        reads = f"!{_WRITE} && !({anonymous})"
    if "pull" in auth:
        rules.append(RouteRule(f"{host} && {reads}", (*route_middlewares, auth["pull"])))
    objects.append(RoutePlan(id="Resource", name=base, entry_points=tuple(config.entry_points), rules=tuple(rules),
                             service_name=base, service_port=registry.service_port, tls=config.effective_tls,
                             tls_option=tls_option_name(config)))
    return objects


def plan_ui_route(config: IngressConfig, *, name: str, service_name: str, service_port: int,
                  path_prefix: str | None, host: str | None, tls: IngressTls | None,
                  security_headers: bool) -> tuple[MiddlewarePlan | RoutePlan, ...]:
    """The UI's Middlewares and route: security headers; under a path, the bare path redirected to itself with a
    slash (the UI's assets are relative) and the prefix stripped."""
    objects: list[MiddlewarePlan | RoutePlan] = []
    if security_headers:
        objects.append(MiddlewarePlan("SecurityHeaders", f"{name}-security-headers", "headers", {
            "sts_seconds": 31_536_000, "sts_include_subdomains": True, "content_type_nosniff": True,
            "frame_deny": True, "referrer_policy": "same-origin"}))
    if host is None:
        assert path_prefix is not None
        objects.append(MiddlewarePlan("SlashRedirect", f"{name}-slash-redirect", "redirect_regex", {
            # Only the bare prefix (with or without a query).
            "regex": f"^(https?://[^/]+{re.escape(path_prefix)})(\\?.*)?$", "replacement": "${1}/${2}",
            "permanent": True}))
        objects.append(MiddlewarePlan("StripPrefix", f"{name}-strip-prefix", "strip_prefix",
                                      {"prefixes": [path_prefix]}))
    objects.append(route(config, id="Route", name=name, path_prefix=None if host else path_prefix, host=host,
                         service_name=service_name, service_port=service_port,
                         middlewares=[m.name for m in objects if isinstance(m, MiddlewarePlan)], tls=tls))
    return tuple(objects)
