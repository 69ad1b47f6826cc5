"""Traefik ingress for the registry: an IngressRoute on the registry's host, with TLS."""

from __future__ import annotations

from collections.abc import Sequence

import cdk8s
from constructs import Construct

from . import _atomic, _collisions, _emit, _ingress_config, _typecheck, _validation
from ._ingress_config import (
    IngressConfig,
    IngressPlan,
    IngressTls,
    MiddlewarePlan,
    RoutePlan,
    TlsVersion,
    TraefikApiGroup,
    plan_ingress,
    plan_ui_route,
)
from ._manifests import Manifest
from .endpoints import RegistryEndpoint, registry_access
from .registry import Registry

__all__ = ["IngressConfig", "IngressTls", "TlsVersion", "TraefikApiGroup", "TraefikIngress"]

# The binding's struct of each middleware a plan names (a field of MiddlewareSpec).
_MIDDLEWARE_STRUCTS = {"basic_auth": "MiddlewareSpecBasicAuth",
                       "headers": "MiddlewareSpecHeaders", "redirect_regex": "MiddlewareSpecRedirectRegex",
                       "redirect_scheme": "MiddlewareSpecRedirectScheme", "strip_prefix": "MiddlewareSpecStripPrefix"}


class TraefikIngress(Construct):
    """A Traefik ``IngressRoute`` that serves the registry on its own host over TLS, and optionally redirects HTTP
    to HTTPS. It is a :class:`~constructs_lib.endpoints.UiRoute`: a :class:`~constructs_lib.ui.RegistryUi` is
    published through it.

    Children: ``Resource`` (the IngressRoute, :attr:`ingress_route`), ``TlsOption`` (the minimum TLS version) and,
    with ``redirect_http_to_https``, ``HttpsRedirect`` (a Middleware) and ``HttpRoute`` (an IngressRoute on the HTTP
    entry point). When the registry has :class:`~constructs_lib.access.AccessControl`, the IngressRoute has one route
    per kind of request (deletes, writes, anonymous reads, reads with credentials), and for each list of users a
    ``basicAuth`` Middleware (``PullAuth``, ``PushAuth``, ``DeleteAuth``) with, for lists given as values, its Secret
    (``PullUsers``, ``PushUsers``, ``DeleteUsers``).
    """

    @_atomic.atomic
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        registry: RegistryEndpoint,
        host: str,
        tls: IngressTls | None = None,
        entry_points: Sequence[str] = ("websecure",),
        api_group: TraefikApiGroup = TraefikApiGroup.TRAEFIK_IO,
        redirect_http_to_https: bool = False,
        http_entry_point: str | None = None,
        min_tls_version: TlsVersion | None = TlsVersion.TLS12,
    ) -> None:
        """
        :param registry: the registry to serve: a :class:`~constructs_lib.registry.Registry`, or any
            :class:`~constructs_lib.endpoints.RegistryEndpoint` (its Service's name and port).
        :param host: the public hostname, e.g. ``"registry.example.com"`` (no scheme, port or path).
        :param tls: the certificate. Default: ``IngressTls.cert_resolver("letsencrypt")``.
        :param entry_points: the Traefik entry points to serve on. Default: ``("websecure",)``.
        :param api_group: the API group of the Traefik CRDs in the cluster. Default: ``TraefikApiGroup.TRAEFIK_IO``.
        :param redirect_http_to_https: also route the host on ``http_entry_point`` to a permanent redirect to HTTPS.
            Default: ``False``.
        :param http_entry_point: the plain-HTTP entry point for the redirect (only with ``redirect_http_to_https``).
            Default: ``"web"``.
        :param min_tls_version: the lowest TLS version, through a ``TLSOption`` every route of this ingress uses;
            ``None`` leaves Traefik's default. Default: ``TlsVersion.TLS12``.
        """
        _typecheck.check_type("id", id, str)
        if isinstance(entry_points, str):
            raise _validation.fail("entry_points", entry_points, "give a list of one or more entry point names")
        _typecheck.check_arguments(TraefikIngress.__init__, {
            "registry": registry, "host": host, "tls": tls, "entry_points": entry_points, "api_group": api_group,
            "redirect_http_to_https": redirect_http_to_https, "http_entry_point": http_entry_point,
            "min_tls_version": min_tls_version})
        # Every check runs here, in the configuration, before the first child exists.
        self._config = IngressConfig(
            registry=registry, host=host, namespace=cdk8s.Chart.of(scope).namespace, tls=tls,
            entry_points=entry_points, api_group=api_group, redirect_http_to_https=redirect_http_to_https,
            http_entry_point=http_entry_point, min_tls_version=min_tls_version)
        self._plan = plan_ingress(self._config)
        super().__init__(scope, id)
        _collisions.register(self)
        self._host = host
        self._tls = self._config.effective_tls
        self._entry_points = tuple(self._config.entry_points)
        self._api_group = api_group
        self._registry = registry
        self._tls_option: cdk8s.ApiObject | None = None
        if self._plan.tls_option is not None:
            traefik = api_group.bindings
            option_name, min_version = self._plan.tls_option
            self._tls_option = traefik.TlsOption(
                self, "TlsOption", metadata=cdk8s.ApiObjectMetadata(name=option_name),
                # No strict SNI: while a resolver has not issued yet (or does not exist) Traefik then serves its
                # default certificate, which clients reject with a clear "not valid for <host>" error; strict SNI
                # would refuse the handshake with a bare "unrecognized name" instead.
                spec=traefik.TlsOptionSpec(min_version=min_version),
            )
            self._known(self._tls_option, "TLSOption", option_name)
        objects = {item.id: self._render(self, item) for item in self._plan.objects}
        self._ingress_route = objects["Resource"]
        if registry_access(registry) is not None and isinstance(registry, Registry):
            registry._note_enforced_by(self)

    @_typecheck.typechecked
    def add_route(
        self,
        scope: Construct,
        id: str,
        *,
        name: str,
        path_prefix: str | None,
        service_name: str,
        service_port: int,
        middlewares: Sequence[str],
        host: str | None = None,
        tls: IngressTls | None = None,
    ) -> cdk8s.ApiObject:
        """Create an IngressRoute in ``scope`` on this ingress's entry points and TLS option, for ``host``
        (default: the registry's) and ``path_prefix`` (``None``: the whole host), sending traffic through the named
        Middlewares (in order) to a Service.

        Used by :meth:`add_ui_route`; returns the IngressRoute.

        :param name: its name.
        :param path_prefix: the path it takes, as a whole path segment; ``None``: the whole host.
        :param service_name: the Service it sends to.
        :param service_port: that Service's port.
        :param middlewares: the names of the Middlewares the traffic passes, in order.
        :param host: the host it takes. Default: the registry's.
        :param tls: the route's certificate; give one for another ``host`` when this ingress's comes from a Secret,
            which covers the registry's host only. Default: this ingress's, :attr:`tls`.
        """
        if path_prefix is not None:
            _validation.check_path_prefix("path_prefix", path_prefix)
        if host is not None:
            _validation.check_hostname("host", host)
        return self._render(scope, _ingress_config.route(
            self._config, id=id, name=name, path_prefix=path_prefix, service_name=service_name,
            service_port=service_port, middlewares=middlewares, host=host, tls=tls))

    def check_ui_route(self, *, path_prefix: str | None, host: str | None, tls: object | None) -> None:
        """:class:`~constructs_lib.endpoints.UiRoute`: the UI's certificate (``tls``, an :class:`IngressTls`) is its
        own only on its own host, and a certificate from a Secret covers the registry's host only.

        :param path_prefix: the UI's path on the registry's host, or None on its own host.
        :param host: the UI's own host, or None.
        :param tls: the UI's own certificate (:class:`IngressTls`), or None.
        """
        _ingress_config.check_ui_route(self._config, host=host, tls=tls)

    def add_ui_route(self, scope: Construct, *, name: str, service_name: str, service_port: int,
                     path_prefix: str | None, host: str | None, tls: object | None,
                     security_headers: bool) -> cdk8s.ApiObject:
        """:class:`~constructs_lib.endpoints.UiRoute`: the Middlewares ``SecurityHeaders`` and, under a path,
        ``SlashRedirect`` (the UI's assets are relative, so ``/ui`` must become ``/ui/``) and ``StripPrefix``, and
        the IngressRoute ``Route``, all in ``scope``. On its own host the route's certificate is ``tls``, or else the
        registry's resolver (which orders one for each route's host) or Traefik's default certificate.

        :param name: the base of their names.
        :param service_name: the UI's Service.
        :param service_port: its port.
        :param path_prefix: the UI's path on the registry's host, or None on its own host.
        :param host: the UI's own host, or None.
        :param tls: the UI's own certificate (:class:`IngressTls`), or None.
        :param security_headers: add the ``SecurityHeaders`` Middleware.
        """
        self.check_ui_route(path_prefix=path_prefix, host=host, tls=tls)
        assert tls is None or isinstance(tls, IngressTls)
        objects = [self._render(scope, item) for item in plan_ui_route(
            self._config, name=name, service_name=service_name, service_port=service_port, path_prefix=path_prefix,
            host=host, tls=tls, security_headers=security_headers)]
        return objects[-1]

    def _render(self, scope: Construct, item: Manifest | MiddlewarePlan | RoutePlan) -> cdk8s.ApiObject:
        """One planned Secret, Middleware or IngressRoute (as the typed binding of this ingress's API group)."""
        if isinstance(item, Manifest):
            return _emit.emit(scope, item, namespace=self._config.namespace)
        traefik = self._api_group.bindings
        metadata = cdk8s.ApiObjectMetadata(name=item.name)
        api_object: cdk8s.ApiObject
        if isinstance(item, MiddlewarePlan):
            middleware = getattr(traefik, _MIDDLEWARE_STRUCTS[item.kind])(**item.fields)
            api_object = traefik.Middleware(scope, item.id, metadata=metadata,
                                            spec=traefik.MiddlewareSpec(**{item.kind: middleware}))
            self._known(api_object, "Middleware", item.name)
            return api_object
        api_object = traefik.IngressRoute(
            scope, item.id, metadata=metadata,
            spec=traefik.IngressRouteSpec(
                entry_points=list(item.entry_points),
                routes=[traefik.IngressRouteSpecRoutes(
                    kind=traefik.IngressRouteSpecRoutesKind.RULE,
                    match=rule.match,
                    middlewares=[traefik.IngressRouteSpecRoutesMiddlewares(name=m) for m in rule.middlewares] or None,
                    services=[self._service(item.service_name, item.service_port)],
                ) for rule in item.rules],
                tls=item.tls._spec(traefik, item.tls_option) if item.tls is not None else None,
            ),
        )
        self._known(api_object, "IngressRoute", item.name)
        return api_object

    def _service(self, name: str, port: int) -> object:
        traefik = self._api_group.bindings
        return traefik.IngressRouteSpecRoutesServices(
            name=name, port=traefik.IngressRouteSpecRoutesServicesPort.from_number(port),
            kind=traefik.IngressRouteSpecRoutesServicesKind.SERVICE,
        )

    def _known(self, api_object: cdk8s.ApiObject, kind: str, name: str) -> str:
        """Note a Traefik object's identity for the app-wide check (no round trip to read it back); its name."""
        _collisions.known(api_object, api_version=self._api_group.value, kind=kind, name=name,
                          namespace=self._config.namespace)
        return name

    @property
    def config(self) -> IngressConfig:
        """The checked configuration."""
        return self._config

    @property
    def plan(self) -> IngressPlan:
        """What the ingress emits for the registry, as plain data."""
        return self._plan

    @property
    def ingress_route(self) -> cdk8s.ApiObject:
        """The registry's IngressRoute (construct id ``Resource``)."""
        return self._ingress_route

    @property
    def tls_option(self) -> cdk8s.ApiObject | None:
        """The TLSOption (construct id ``TlsOption``), or None with ``min_tls_version=None``."""
        return self._tls_option

    @property
    def host(self) -> str:
        """The public hostname."""
        return self._host

    @property
    def url(self) -> str:
        """The registry's public URL, ``https://<host>``."""
        return f"https://{self._host}"

    @property
    def api_group(self) -> TraefikApiGroup:
        """The Traefik API group of the objects."""
        return self._api_group

    @property
    def tls(self) -> IngressTls:
        """Where the certificate comes from."""
        return self._tls

    @property
    def entry_points(self) -> tuple[str, ...]:
        """The entry points served."""
        return self._entry_points

    @property
    def registry(self) -> RegistryEndpoint:
        """The registry served."""
        return self._registry
