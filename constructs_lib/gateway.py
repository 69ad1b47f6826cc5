"""The registry (and its UI) behind a Kubernetes Gateway: HTTPRoutes attached to an existing Gateway, or to one the
library creates, as any Gateway API implementation reads them (Traefik's ``kubernetesgateway`` provider, Envoy
Gateway, Cilium, NGINX Gateway Fabric, Istio)."""

from __future__ import annotations

import cdk8s
from constructs import Construct

from . import _atomic, _collisions, _gateway, _typecheck
from ._gateway_config import (
    GatewayAttachment,
    GatewayConfig,
    GatewayPlan,
    HttpRoutePlan,
    check_ui,
    plan_gateway,
    plan_ui_routes,
)
from .endpoints import RegistryEndpoint

__all__ = ["GatewayAttachment", "GatewayIngress"]


class GatewayIngress(Construct):
    """HTTPRoutes that serve the registry on its host through a Gateway, and optionally redirect HTTP to HTTPS. It
    is a :class:`~constructs_lib.endpoints.UiRoute`: a :class:`~constructs_lib.ui.RegistryUi` is published through
    it under a path (``URLRewrite`` of the prefix, ``RequestRedirect`` of the bare prefix to itself with a slash).

    The NetworkPolicies of the registry and the UI let in the Gateway's pods: give them as ``ingress_controller``
    (default: Traefik's pods in ``kube-system``, which run k3s's Gateway provider).

    Children: ``Gateway`` (with :meth:`GatewayAttachment.create`, :attr:`gateway`), ``Resource`` (the registry's
    HTTPRoute, :attr:`http_route`) and, with ``redirect_http_to_https``, ``HttpRoute``.
    """

    @_atomic.atomic
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        registry: RegistryEndpoint,
        host: str,
        gateway: GatewayAttachment,
        redirect_http_to_https: bool = False,
    ) -> None:
        """
        :param registry: the registry to serve (:class:`~constructs_lib.endpoints.RegistryEndpoint`).
        :param host: the public hostname, e.g. ``"registry.example.com"``.
        :param gateway: the Gateway: :meth:`GatewayAttachment.existing` or :meth:`GatewayAttachment.create`.
        :param redirect_http_to_https: also route the host's plain HTTP to a permanent redirect to HTTPS. Default:
            ``False``.
        """
        _typecheck.check_arguments(GatewayIngress.__init__, {
            "registry": registry, "host": host, "gateway": gateway, "redirect_http_to_https": redirect_http_to_https})
        # Every check runs here, in the configuration, before the first child exists.
        self._config = GatewayConfig(registry=registry, host=host, gateway=gateway,
                                     namespace=cdk8s.Chart.of(scope).namespace,
                                     redirect_http_to_https=redirect_http_to_https)
        self._plan = plan_gateway(self._config)
        super().__init__(scope, id)
        _collisions.register(self)
        api = _gateway.gateway_networking_k8s_io
        self._gateway: cdk8s.ApiObject | None = None
        if self._plan.gateway is not None:
            name, gateway_class, listeners = self._plan.gateway
            self._gateway = api.Gateway(
                self, "Gateway", metadata=cdk8s.ApiObjectMetadata(name=name),
                spec=api.GatewaySpec(gateway_class_name=gateway_class, listeners=[
                    api.GatewaySpecListeners(
                        name=listener, port=port, protocol=protocol, hostname=listener_host,
                        tls=api.GatewaySpecListenersTls(
                            mode=api.GatewaySpecListenersTlsMode.TERMINATE,
                            certificate_refs=[api.GatewaySpecListenersTlsCertificateRefs(name=secret)],
                        ) if secret is not None else None,
                        # Routes of the registry's namespace only.
                        allowed_routes=api.GatewaySpecListenersAllowedRoutes(
                            namespaces=api.GatewaySpecListenersAllowedRoutesNamespaces(
                                from_=api.GatewaySpecListenersAllowedRoutesNamespacesFrom.SAME)),
                    ) for listener, port, protocol, listener_host, secret in listeners]))
            self._known(self._gateway, "Gateway", name)
        routes = {route.id: self._render(self, route) for route in self._plan.routes}
        self._http_route = routes["Resource"]

    def check_ui_route(self, *, path_prefix: str | None, host: str | None, tls: object | None) -> None:
        """:class:`~constructs_lib.endpoints.UiRoute`: the UI is served under a path of the registry's host.

        :param path_prefix: the UI's path.
        :param host: refused: a host of its own needs a listener and a certificate of its own.
        :param tls: refused: the UI has the registry's certificate.
        """
        check_ui(self._config, host=host, tls=tls)

    def add_ui_route(self, scope: Construct, *, name: str, service_name: str, service_port: int,
                     path_prefix: str | None, host: str | None, tls: object | None,
                     security_headers: bool) -> cdk8s.ApiObject:
        """:class:`~constructs_lib.endpoints.UiRoute`: the UI's HTTPRoute ``Route`` in ``scope``.

        :param name: its name.
        :param service_name: the UI's Service.
        :param service_port: its port.
        :param path_prefix: the UI's path on the registry's host.
        :param host: refused (see :meth:`check_ui_route`).
        :param tls: refused (see :meth:`check_ui_route`).
        :param security_headers: add HSTS, ``nosniff``, ``X-Frame-Options: DENY`` and a same-origin referrer policy to
            the UI's responses.
        """
        check_ui(self._config, host=host, tls=tls)
        assert path_prefix is not None
        (route,) = plan_ui_routes(self._config, name=name, service_name=service_name, service_port=service_port,
                                  path_prefix=path_prefix, security_headers=security_headers)
        return self._render(scope, route)

    def _render(self, scope: Construct, route: HttpRoutePlan) -> cdk8s.ApiObject:
        """One planned HTTPRoute as the typed binding."""
        api = _gateway.gateway_networking_k8s_io
        gateway, namespace, listener = route.parent
        path_types = {"PathPrefix": api.HttpRouteSpecRulesMatchesPathType.PATH_PREFIX,
                      "Exact": api.HttpRouteSpecRulesMatchesPathType.EXACT}
        http_route: cdk8s.ApiObject = api.HttpRoute(
            scope, route.id, metadata=cdk8s.ApiObjectMetadata(name=route.name),
            spec=api.HttpRouteSpec(
                hostnames=list(route.hostnames),
                parent_refs=[api.HttpRouteSpecParentRefs(name=gateway, namespace=namespace, section_name=listener)],
                rules=[api.HttpRouteSpecRules(
                    matches=[api.HttpRouteSpecRulesMatches(path=api.HttpRouteSpecRulesMatchesPath(
                        type=path_types[kind], value=value)) for kind, value in rule.matches],
                    filters=[self._filter(f) for f in rule.filters] or None,
                    backend_refs=[api.HttpRouteSpecRulesBackendRefs(name=rule.backend[0], port=rule.backend[1])]
                    if rule.backend is not None else None,
                ) for rule in route.rules],
            ),
        )
        self._known(http_route, "HTTPRoute", route.name)
        return http_route

    @staticmethod
    def _filter(spec: dict[str, object]) -> object:
        api = _gateway.gateway_networking_k8s_io
        kind = spec["type"]
        if kind == "RequestRedirect":
            path = spec.get("path")
            return api.HttpRouteSpecRulesFilters(
                type=api.HttpRouteSpecRulesFiltersType.REQUEST_REDIRECT,
                request_redirect=api.HttpRouteSpecRulesFiltersRequestRedirect(
                    scheme=api.HttpRouteSpecRulesFiltersRequestRedirectScheme.HTTPS if spec.get("scheme") else None,
                    status_code=api.HttpRouteSpecRulesFiltersRequestRedirectStatusCode.VALUE_301,
                    path=api.HttpRouteSpecRulesFiltersRequestRedirectPath(
                        type=api.HttpRouteSpecRulesFiltersRequestRedirectPathType.REPLACE_FULL_PATH,
                        replace_full_path=path) if isinstance(path, str) else None))
        if kind == "URLRewrite":
            return api.HttpRouteSpecRulesFilters(
                type=api.HttpRouteSpecRulesFiltersType.URL_REWRITE,
                url_rewrite=api.HttpRouteSpecRulesFiltersUrlRewrite(path=api.HttpRouteSpecRulesFiltersUrlRewritePath(
                    type=api.HttpRouteSpecRulesFiltersUrlRewritePathType.REPLACE_PREFIX_MATCH,
                    replace_prefix_match=str(spec["replace_prefix_match"]))))
        assert kind == "ResponseHeaderModifier"
        headers = spec["set"]
        assert isinstance(headers, tuple)
        return api.HttpRouteSpecRulesFilters(
            type=api.HttpRouteSpecRulesFiltersType.RESPONSE_HEADER_MODIFIER,
            response_header_modifier=api.HttpRouteSpecRulesFiltersResponseHeaderModifier(set=[
                api.HttpRouteSpecRulesFiltersResponseHeaderModifierSet(name=header, value=value)
                for header, value in headers]))

    def _known(self, api_object: cdk8s.ApiObject, kind: str, name: str) -> None:
        _collisions.known(api_object, api_version="gateway.networking.k8s.io/v1", kind=kind, name=name,
                          namespace=self._config.namespace)

    @property
    def config(self) -> GatewayConfig:
        """The checked configuration."""
        return self._config

    @property
    def plan(self) -> GatewayPlan:
        """What the routes emit, as plain data."""
        return self._plan

    @property
    def gateway(self) -> cdk8s.ApiObject | None:
        """The created Gateway (construct id ``Gateway``), or None with an existing one."""
        return self._gateway

    @property
    def http_route(self) -> cdk8s.ApiObject:
        """The registry's HTTPRoute (construct id ``Resource``)."""
        return self._http_route

    @property
    def registry(self) -> RegistryEndpoint:
        """The registry served."""
        return self._config.registry

    @property
    def host(self) -> str:
        """The public hostname."""
        return self._config.host

    @property
    def url(self) -> str:
        """The registry's public URL, ``https://<host>``."""
        return f"https://{self._config.host}"
