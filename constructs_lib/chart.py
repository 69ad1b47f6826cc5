"""The whole private registry in one chart: namespace, registry, auth, storage, Traefik ingress and web UI."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import cdk8s
from constructs import Construct

from . import _atomic, _emit, _typecheck, _validation
from ._gateway_config import GatewayAttachment, GatewayConfig, check_ui
from ._ingress_config import IngressConfig, check_ui_route
from ._manifests import Manifest
from ._ui_plan import UiConfig
from .access import AccessControl
from .auth import HtpasswdAuth
from .cache import ProxyCache, RedisCache
from .config import RegistryConfig
from .endpoints import ServiceEndpoint
from .gateway import GatewayIngress
from .ingress import IngressTls, TlsVersion, TraefikApiGroup, TraefikIngress
from .maintenance import GarbageCollection, UploadPurging
from .network import PodPeer
from .pod import PodOptions
from .registry import DEFAULT_REGISTRY_IMAGE, HttpSecret, LogLevel, Registry
from .storage import Storage
from .ui import DEFAULT_UI_IMAGE, RegistryUi

__all__ = ["RegistryChart"]


class RegistryChart(cdk8s.Chart):
    """A private Docker registry with good defaults: its own namespace (with the "restricted" Pod Security level),
    the registry, htpasswd auth, storage, a Traefik IngressRoute with TLS on ``host``, and the web UI under ``/ui``.

    Children: ``Namespace`` (unless ``create_namespace=False``), ``Registry`` (:attr:`registry`), ``Ingress``
    (:attr:`ingress`) and ``Ui`` (:attr:`ui`, unless ``ui=False``).
    """

    @_atomic.atomic
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        host: str,
        auth: HtpasswdAuth | AccessControl | None,
        storage: Storage | None = None,
        namespace: str | None = None,
        create_namespace: bool = True,
        name: str = "registry",
        tls: IngressTls | None = None,
        entry_points: Sequence[str] = ("websecure",),
        api_group: TraefikApiGroup = TraefikApiGroup.TRAEFIK_IO,
        redirect_http_to_https: bool = False,
        replicas: int = 1,
        http_secret: HttpSecret | None = None,
        delete_enabled: bool = False,
        log_level: LogLevel = LogLevel.INFO,
        registry_image: str = DEFAULT_REGISTRY_IMAGE,
        ui: bool = True,
        ui_title: str = "Docker Registry",
        ui_path_prefix: str | None = None,
        ui_delete_images: bool | None = None,
        ui_image: str = DEFAULT_UI_IMAGE,
        network_policy: bool = True,
        ingress_controller: PodPeer | None = None,
        redis: RedisCache | None = None,
        proxy: ProxyCache | None = None,
        metrics: bool = True,
        metrics_proxy_image: str | None = None,
        upload_purging: UploadPurging | None = None,
        garbage_collection: GarbageCollection | None = None,
        min_tls_version: TlsVersion | None = TlsVersion.TLS12,
        ui_host: str | None = None,
        ui_proxy_registry: bool = False,
        ui_tls: IngressTls | None = None,
        ui_version_notification: bool = False,
        registry_pod: PodOptions | None = None,
        ui_pod: PodOptions | None = None,
        gateway: GatewayAttachment | None = None,
    ) -> None:
        """
        :param host: the registry's public hostname, e.g. ``"registry.example.com"``.
        :param auth: who may use the registry: :class:`~constructs_lib.auth.HtpasswdAuth` (every user may do
            everything), or :class:`~constructs_lib.access.AccessControl` (readers, writers, admins, anonymous pulls;
            enforced by the chart's Traefik ingress). Required: pass ``None`` explicitly for a registry without
            authentication.
        :param storage: where blobs are kept. Default: ``Storage.filesystem()`` (a 10 GiB ReadWriteOnce claim).
        :param namespace: the namespace of every object. Default: the chart's id in lower case, with runs of other
            characters than letters and digits made ``-`` (``"registry"`` for the id ``"registry"``), so a second
            chart with another id never emits the same objects.
        :param create_namespace: emit the Namespace object; ``False`` uses an existing namespace. Default: ``True``.
        :param name: the base name of the registry's objects (the UI's get ``-ui``). Default: ``"registry"``.
        :param tls: the certificate of the route. Default: ``IngressTls.cert_resolver("letsencrypt")``.
        :param entry_points: Traefik entry points. Default: ``("websecure",)``.
        :param api_group: the Traefik CRD API group. Default: ``TraefikApiGroup.TRAEFIK_IO``.
        :param redirect_http_to_https: redirect the host's plain HTTP (entry point ``web``) to HTTPS. Default:
            ``False``.
        :param replicas: registry pods. Default: 1.
        :param http_secret: the secret shared by replicas. Default: none (each pod makes its own).
        :param delete_enabled: allow deleting images through the API. Default: ``False``.
        :param log_level: the registry's log level. Default: ``LogLevel.INFO``.
        :param registry_image: the registry image. Default: ``registry:2.8.3``.
        :param ui: deploy the web UI. Default: ``True``.
        :param ui_title: the UI's title. Default: ``"Docker Registry"``. The ``ui_*`` options need ``ui``.
        :param ui_path_prefix: the UI's path on the host (not with ``ui_host``). Default: ``"/ui"``.
        :param ui_delete_images: offer deleting in the UI. Default: the value of ``delete_enabled``.
        :param ui_image: the UI image. Default: ``joxit/docker-registry-ui:2.6.0``.
        :param network_policy: NetworkPolicies for the registry and the UI. Default: ``True``.
        :param ingress_controller: the ingress controller's pods that may reach them. Default:
            ``PodPeer.k3s_traefik()``.
        :param redis: a Redis blob-descriptor cache for several replicas. Default: in-memory per pod.
        :param proxy: run as a pull-through cache of an upstream registry. Default: a registry you push to.
        :param metrics: Prometheus metrics on port 5001 with scrape annotations, served by a sidecar that passes
            only ``GET /metrics`` on from the registry's loopback debug listener. Default: ``True``.
        :param metrics_proxy_image: the metrics sidecar's nginx image (only with ``metrics``). Default:
            ``nginxinc/nginx-unprivileged:1.29.4-alpine``.
        :param upload_purging: purging of abandoned uploads. Default: the registry's (older than a week, daily).
        :param garbage_collection: delete unreferenced blobs on a schedule, in a read-only window
            (:meth:`~constructs_lib.maintenance.GarbageCollection.on_schedule`). Default: none.
        :param min_tls_version: the lowest TLS version of the routes (a TLSOption). Default: ``TlsVersion.TLS12``.
        :param ui_host: serve the UI on its own host; the registry then allows exactly ``https://<ui_host>`` by CORS
            (unless ``ui_proxy_registry``). Default: under ``ui_path_prefix`` on ``host``.
        :param ui_proxy_registry: the UI's nginx forwards the registry API to the registry's Service, so no CORS is
            needed. Default: ``False``.
        :param ui_tls: the certificate of ``ui_host`` (only with ``ui_host``). Default: the resolver of ``tls``, or
            Traefik's default certificate when ``tls`` is that; with ``tls=IngressTls.secret(...)`` it is required.
        :param ui_version_notification: the UI shows a notice of a newer joxit release; every user's browser then
            calls api.github.com. Default: ``False``.
        :param registry_pod: extra pod settings of the registry. Default: none.
        :param ui_pod: extra pod settings of the UI. Default: none.
        :param gateway: route through a Kubernetes Gateway (Gateway API HTTPRoutes, construct id ``Ingress`` a
            :class:`~constructs_lib.gateway.GatewayIngress`) instead of Traefik IngressRoutes: an existing Gateway
            (:meth:`~constructs_lib.gateway.GatewayAttachment.existing`) or one of the registry's own
            (:meth:`~constructs_lib.gateway.GatewayAttachment.create`). The Traefik options (``tls``,
            ``entry_points``, ``api_group``, ``min_tls_version``) then have no effect and are refused; give the
            Gateway's pods as ``ingress_controller``. Default: Traefik IngressRoutes.
        """
        arguments = dict(locals())
        _typecheck.check_type("id", id, str)
        _typecheck.check_arguments(RegistryChart.__init__, {
            key: value for key, value in arguments.items() if key not in ("self", "scope", "id", "__class__")})
        namespace = namespace if namespace is not None else _namespace_from_id(id)
        _validation.check_dns1123_label("namespace", namespace)
        if not ui:
            ui_options = {"ui_title": (ui_title, "Docker Registry"), "ui_path_prefix": (ui_path_prefix, None),
                          "ui_delete_images": (ui_delete_images, None), "ui_image": (ui_image, DEFAULT_UI_IMAGE),
                          "ui_host": (ui_host, None), "ui_proxy_registry": (ui_proxy_registry, False),
                          "ui_tls": (ui_tls, None), "ui_version_notification": (ui_version_notification, False),
                          "ui_pod": (ui_pod, None)}
            for parameter, (value, default) in ui_options.items():
                if value != default:
                    raise _validation.fail(parameter, value, "it has no effect with ui=False: leave it unset")
        self._check_before_children(arguments, namespace)
        super().__init__(scope, id, namespace=namespace)
        self._namespace_object: cdk8s.ApiObject | None = None
        if create_namespace:
            self._namespace_object = _emit.emit(self, Manifest("Namespace", "v1", "Namespace", namespace, {
                # Pod Security admission: every pod here meets the "restricted" profile.
                "pod-security.kubernetes.io/enforce": "restricted",
                "pod-security.kubernetes.io/audit": "restricted",
                "pod-security.kubernetes.io/warn": "restricted",
            }, {}, cluster_scoped=True), namespace=namespace)
        self._registry = Registry(
            self, "Registry", auth=auth, storage=storage, name=name, image=registry_image, replicas=replicas,
            http_secret=http_secret, delete_enabled=delete_enabled, log_level=log_level,
            network_policy=network_policy, ingress_controller=ingress_controller, redis=redis, proxy=proxy,
            metrics=metrics, metrics_proxy_image=metrics_proxy_image, upload_purging=upload_purging,
            garbage_collection=garbage_collection, pod=registry_pod,
            cors_origin=f"https://{ui_host}" if ui and ui_host and not ui_proxy_registry else None,
        )
        self._ingress: TraefikIngress | GatewayIngress = TraefikIngress(
            self, "Ingress", registry=self._registry, host=host, tls=tls, entry_points=entry_points,
            api_group=api_group, redirect_http_to_https=redirect_http_to_https, min_tls_version=min_tls_version,
        ) if gateway is None else GatewayIngress(
            self, "Ingress", registry=self._registry, host=host, gateway=gateway,
            redirect_http_to_https=redirect_http_to_https)
        self._ui = RegistryUi(
            self, "Ui", ingress=self._ingress, title=ui_title, path_prefix=ui_path_prefix,
            delete_images=delete_enabled if ui_delete_images is None else ui_delete_images, image=ui_image,
            network_policy=network_policy, ingress_controller=ingress_controller, host=ui_host,
            tls=ui_tls, proxy_registry=ui_proxy_registry, pod=ui_pod, version_notification=ui_version_notification,
        ) if ui else None

    @staticmethod
    def _check_before_children(arguments: dict[str, Any], namespace: str) -> None:
        """The registry's, the ingress's and the UI's configurations, checked before the first child exists, each
        error naming the chart's own parameter."""
        a = arguments
        cors_origin = f"https://{a['ui_host']}" if a["ui"] and a["ui_host"] and not a["ui_proxy_registry"] else None
        with _renamed(_REGISTRY_PARAMETERS):
            registry = RegistryConfig(
                name=a["name"], namespace=namespace, auth=a["auth"],
                storage=a["storage"] if a["storage"] is not None else Storage.filesystem(),
                image=a["registry_image"], replicas=a["replicas"], http_secret=a["http_secret"],
                delete_enabled=a["delete_enabled"], log_level=a["log_level"], network_policy=a["network_policy"],
                ingress_controller=a["ingress_controller"], redis=a["redis"], proxy=a["proxy"], metrics=a["metrics"],
                metrics_proxy_image=a["metrics_proxy_image"], upload_purging=a["upload_purging"],
                garbage_collection=a["garbage_collection"], cors_origin=cors_origin,
                pod=a["registry_pod"] if a["registry_pod"] is not None else PodOptions())
        endpoint = ServiceEndpoint(service_name=registry.name, service_port=registry.port, namespace=namespace,
                                   cors_origin=cors_origin,
                                   auth_required=registry.auth_required,
                                   delete_enabled=a["delete_enabled"], access=registry.access)
        ingress: IngressConfig | GatewayConfig
        if a["gateway"] is None:
            ingress = IngressConfig(registry=endpoint, host=a["host"], namespace=namespace, tls=a["tls"],
                                    entry_points=a["entry_points"], api_group=a["api_group"],
                                    redirect_http_to_https=a["redirect_http_to_https"],
                                    min_tls_version=a["min_tls_version"])
        else:
            traefik_options = {"tls": (a["tls"], None), "entry_points": (tuple(a["entry_points"]), ("websecure",)),
                               "api_group": (a["api_group"], TraefikApiGroup.TRAEFIK_IO),
                               "min_tls_version": (a["min_tls_version"], TlsVersion.TLS12)}
            for parameter, (value, default) in traefik_options.items():
                if value != default:
                    raise _validation.fail(parameter, value, "it is an option of Traefik's IngressRoutes and has no "
                                                             "effect with gateway: leave it unset (the Gateway's "
                                                             "listeners hold the certificate and the ports)")
            if a["ui"] and a["ui_host"] is not None:
                raise _validation.fail("ui_host", a["ui_host"], "through a Gateway the UI is served under "
                                                                "ui_path_prefix on the registry's host (a host of its "
                                                                "own needs a listener and a certificate of its own)")
            ingress = GatewayConfig(registry=endpoint, host=a["host"], gateway=a["gateway"], namespace=namespace,
                                    redirect_http_to_https=a["redirect_http_to_https"])
        if not a["ui"]:
            return
        with _renamed(_UI_PARAMETERS):
            ui = UiConfig(
                name=f"{registry.name}-ui", registry=endpoint, registry_host=ingress.host,
                registry_url=f"https://{ingress.host}", namespace=namespace, path_prefix=a["ui_path_prefix"],
                title=a["ui_title"],
                delete_images=a["delete_enabled"] if a["ui_delete_images"] is None else a["ui_delete_images"],
                image=a["ui_image"], network_policy=a["network_policy"], ingress_controller=a["ingress_controller"],
                host=a["ui_host"], proxy_registry=a["ui_proxy_registry"],
                version_notification=a["ui_version_notification"],
                pod=a["ui_pod"] if a["ui_pod"] is not None else PodOptions())
            if isinstance(ingress, IngressConfig):
                check_ui_route(ingress, host=ui.host, tls=a["ui_tls"])
            else:
                check_ui(ingress, host=ui.host, tls=a["ui_tls"])

    @property
    def registry(self) -> Registry:
        """The registry (construct id ``Registry``)."""
        return self._registry

    @property
    def ingress(self) -> TraefikIngress | GatewayIngress:
        """The Traefik ingress, or the Gateway routes with ``gateway`` (construct id ``Ingress``)."""
        return self._ingress

    @property
    def ui(self) -> RegistryUi | None:
        """The web UI (construct id ``Ui``), or None with ``ui=False``."""
        return self._ui

    @property
    def namespace_object(self) -> cdk8s.ApiObject | None:
        """The Namespace object (construct id ``Namespace``), or None with ``create_namespace=False``."""
        return self._namespace_object


# The registry's and the UI's own parameter names, as the chart calls them.
_REGISTRY_PARAMETERS = {"image": "registry_image", "pod": "registry_pod"}
_UI_PARAMETERS = {"title": "ui_title", "path_prefix": "ui_path_prefix", "delete_images": "ui_delete_images",
                  "image": "ui_image", "host": "ui_host", "tls": "ui_tls", "proxy_registry": "ui_proxy_registry",
                  "version_notification": "ui_version_notification", "pod": "ui_pod"}


@contextlib.contextmanager
def _renamed(names: dict[str, str]) -> Iterator[None]:
    """Re-raise a refusal under the chart's name of the parameter (``image=...`` -> ``registry_image=...``)."""
    try:
        yield
    except (TypeError, ValueError) as error:
        text = str(error)
        match = re.match(r"[A-Za-z_]+(?=[=:\[.])", text)
        if match is None or match.group() not in names:
            raise
        raise type(error)(names[match.group()] + text[match.end():]) from error


def _namespace_from_id(id: str) -> str:
    namespace = re.sub(r"[^a-z0-9]+", "-", id.lower()).strip("-")
    if len(namespace) > 63 or not namespace:
        raise _validation.fail("namespace", None, f"the default derives from the chart id {id!r}, which gives no "
                                                  "namespace name (1 to 63 letters, digits or '-'): pass namespace=")
    return namespace
