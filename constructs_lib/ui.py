"""The joxit/docker-registry-ui web UI, served under a path of the registry's own host."""

from __future__ import annotations

import cdk8s
from constructs import Construct

from . import _atomic, _collisions, _emit, _typecheck
from ._ui_plan import DEFAULT_UI_IMAGE, UI_PORT, UiConfig, UiPlan, plan_ui
from .endpoints import UiRoute
from .ingress import IngressTls
from .network import PodPeer
from .pod import PodOptions

__all__ = ["DEFAULT_UI_IMAGE", "RegistryUi"]


class RegistryUi(Construct):
    """The joxit/docker-registry-ui web UI on the registry's host under ``path_prefix`` (default ``/ui``).

    The browser talks to the registry on the same origin, so no CORS is needed. Traefik redirects ``/ui`` to ``/ui/``
    (the UI's assets are relative) and strips the prefix before the UI's nginx.

    Unless ``proxy_registry`` is on, the page is given the registry's URL, ``https://<registry host>`` with no port,
    so it works as served here, through port 443 only: opened any other way (a NodePort, ``kubectl port-forward`` to
    the UI) its catalog requests go to that origin, which the browser blocks by CORS or which is not the registry.
    With ``proxy_registry=True`` the page calls the registry API on whatever origin it was opened from.

    nginx runs one worker process per CPU of the containers' limit (200m: one), written into the copy of
    ``nginx.conf`` that the init container makes (the image's ``worker_processes auto`` starts one per node CPU).

    Children: ``Resource`` (the Deployment, :attr:`deployment`), ``Service`` (:attr:`service`), what the route
    creates (through a :class:`~constructs_lib.ingress.TraefikIngress`: the Middlewares ``SecurityHeaders`` and, under a
    path, ``SlashRedirect`` and ``StripPrefix``, and ``Route``, the IngressRoute, :attr:`ingress_route`) and
    ``NetworkPolicy``.
    """

    @_atomic.atomic
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        ingress: UiRoute,
        path_prefix: str | None = None,
        title: str = "Docker Registry",
        delete_images: bool = False,
        single_registry: bool = True,
        catalog_elements_limit: int = 1000,
        show_content_digest: bool = True,
        image: str = DEFAULT_UI_IMAGE,
        name: str | None = None,
        network_policy: bool = True,
        ingress_controller: PodPeer | None = None,
        host: str | None = None,
        tls: IngressTls | None = None,
        proxy_registry: bool = False,
        security_headers: bool = True,
        version_notification: bool = False,
        pod: PodOptions | None = None,
    ) -> None:
        """
        :param ingress: where the registry is published and the UI beside it
            (:class:`~constructs_lib.endpoints.UiRoute`): a :class:`~constructs_lib.ingress.TraefikIngress`, or a
            route of your own. The UI shows the route's registry.
        :param path_prefix: the path the UI is served under on the registry's host (not with ``host``). Default:
            ``"/ui"``.
        :param title: the UI's title: the browser tab's ``<title>`` and the header (``DOCKER_REGISTRY_UI_TITLE``).
            The catalog's "Repositories of ..." line names the registry's host (``REGISTRY_TITLE``). Default:
            ``"Docker Registry"``.
        :param delete_images: offer deleting images (needs ``delete_enabled`` on the registry). Default: ``False``.
        :param single_registry: hide the UI's registry switcher. Default: ``True``.
        :param catalog_elements_limit: how many repositories the catalog lists (registry >= 2.8 caps at 1000).
            Default: 1000.
        :param show_content_digest: show the content digest of tags. Default: ``True``.
        :param image: the UI image, version 2.6.0 or later. Default: :data:`DEFAULT_UI_IMAGE`.
        :param name: the base name of its objects. Default: ``<registry name>-ui``.
        :param network_policy: add a NetworkPolicy: traffic in only from the ingress controller, nothing out but
            DNS. Default: ``True``.
        :param ingress_controller: the ingress controller's pods (only with ``network_policy``). Default:
            ``PodPeer.k3s_traefik()``.
        :param host: serve the UI at the root of its own host instead of under ``path_prefix`` on the registry's.
            The browser then calls the registry cross-origin (at ``https://<registry host>``, port 443), which
            needs the registry's ``cors_origin`` to be ``https://<host>`` exactly, unless ``proxy_registry`` is on.
            Default: the registry's host.
        :param tls: the certificate of the UI's own ``host``; only with ``host`` (under ``path_prefix`` the UI is
            on the registry's host and certificate). Default: the registry's certificate resolver, which orders a
            certificate for ``host`` too, or Traefik's default certificate when the registry uses that; a registry
            certificate from a Secret (``IngressTls.secret``) is for the registry's host only, so the UI then needs
            its own: pass ``IngressTls.secret(...)`` (the same Secret if its certificate covers both names).
        :param proxy_registry: the UI's nginx forwards the registry API to the registry's Service
            (``NGINX_PROXY_PASS_URL``), so the browser stays on the UI's origin and no CORS is needed; the page then
            also works opened through a NodePort or ``kubectl port-forward``. Default: ``False`` (the page calls
            ``https://<registry host>`` itself, through port 443 only).
        :param security_headers: a Middleware on the UI's route adds HSTS, ``nosniff``, ``X-Frame-Options: DENY``
            and a same-origin referrer policy. Default: ``True``.
        :param version_notification: show the UI's notice of a newer joxit release (``ENABLE_VERSION_NOTIFICATION``):
            every user's browser then asks ``api.github.com`` for the latest release, which fails where GitHub is
            unreachable and tells GitHub who uses the UI. Default: ``False``.
        :param pod: extra pod settings (:class:`PodOptions`). Default: none.
        """
        _typecheck.check_type("id", id, str)
        arguments = dict(locals())
        _typecheck.check_arguments(RegistryUi.__init__, {
            key: value for key, value in arguments.items() if key not in ("self", "scope", "id", "__class__")})
        registry = ingress.registry
        namespace = cdk8s.Chart.of(scope).namespace
        # Every check runs before the first child exists: the UI's own, then the route's.
        self._config = UiConfig(
            name=name if name is not None else f"{registry.service_name}-ui", registry=registry,
            registry_host=ingress.host, registry_url=ingress.url, namespace=namespace,
            path_prefix=path_prefix, title=title,
            delete_images=delete_images, single_registry=single_registry,
            catalog_elements_limit=catalog_elements_limit, show_content_digest=show_content_digest, image=image,
            network_policy=network_policy, ingress_controller=ingress_controller, host=host,
            proxy_registry=proxy_registry, security_headers=security_headers,
            version_notification=version_notification, pod=pod if pod is not None else PodOptions())
        ingress.check_ui_route(path_prefix=self._config.effective_path_prefix, host=host, tls=tls)
        self._plan = plan_ui(self._config)
        super().__init__(scope, id)
        _collisions.register(self)
        self._ingress = ingress
        objects = _emit.emit_all(self, self._plan.workload, namespace=namespace)
        self._deployment = objects["Resource"]
        self._service = objects["Service"]
        self._ingress_route = ingress.add_ui_route(
            self, name=self._config.name, service_name=self._config.name, service_port=UI_PORT,
            path_prefix=self._config.effective_path_prefix, host=host, tls=tls, security_headers=security_headers)
        if self._plan.network_policy is not None:
            _emit.emit(self, self._plan.network_policy, namespace=namespace)

    @property
    def config(self) -> UiConfig:
        """The checked configuration."""
        return self._config

    @property
    def plan(self) -> UiPlan:
        """What the UI emits, as plain data (the route's objects aside)."""
        return self._plan

    @property
    def deployment(self) -> cdk8s.ApiObject:
        """The UI's Deployment (construct id ``Resource``)."""
        return self._deployment

    @property
    def service(self) -> cdk8s.ApiObject:
        """The UI's ClusterIP Service (construct id ``Service``)."""
        return self._service

    @property
    def ingress_route(self) -> cdk8s.ApiObject:
        """What the route created for the UI: with a TraefikIngress, the IngressRoute (construct id ``Route``)."""
        return self._ingress_route

    @property
    def path_prefix(self) -> str:
        """The path the UI is served under on the registry's host (unused with its own ``host``)."""
        return self._config.effective_path_prefix or (self._config.path_prefix or "/ui")

    @property
    def url(self) -> str:
        """The UI's public URL."""
        prefix = self._config.effective_path_prefix
        return f"https://{self._config.host}/" if prefix is None else f"{self._ingress.url}{prefix}/"
