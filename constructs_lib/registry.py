"""The registry itself (distribution, the ``registry:2`` image): a Deployment and a Service."""

from __future__ import annotations

import re

import cdk8s
import jsii
from constructs import Construct, IValidation

from . import _atomic, _collisions, _emit, _plan, _typecheck, _validation
from .access import AccessControl
from .auth import HtpasswdAuth
from .cache import ProxyCache, RedisCache
from .config import DEFAULT_METRICS_PROXY_IMAGE, DEFAULT_REGISTRY_IMAGE, HttpSecret, LogLevel, RegistryConfig
from .maintenance import GarbageCollection, UploadPurging
from .network import PodPeer
from .pod import PodOptions
from .storage import Storage

__all__ = ["DEFAULT_METRICS_PROXY_IMAGE", "DEFAULT_REGISTRY_IMAGE", "HttpSecret", "LogLevel", "Registry"]


class Registry(Construct):
    """A private Docker registry (distribution): a Deployment of the pinned ``registry:2`` image configured by
    ``REGISTRY_*`` environment variables, and a ClusterIP Service in front of it.

    Children (each a ``cdk8s.ApiObject``): ``Resource`` (the Deployment, :attr:`deployment`), ``Service``
    (:attr:`service`), and as needed
    ``HtpasswdSecret``, ``S3Secret``, ``HttpSecret``, ``Data`` (the PersistentVolumeClaim), ``NetworkPolicy``,
    with metrics ``MetricsProxyConfig`` (the metrics sidecar's ConfigMap),
    with several replicas ``DisruptionBudget``, and with ``garbage_collection`` ``GarbageCollection`` (the CronJob,
    :attr:`garbage_collection`), ``GarbageCollectionServiceAccount``, ``GarbageCollectionRole``,
    ``GarbageCollectionRoleBinding`` and ``GarbageCollectionNetworkPolicy``.
    """

    @_atomic.atomic
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        auth: HtpasswdAuth | AccessControl | None,
        storage: Storage | None = None,
        name: str | None = None,
        image: str = DEFAULT_REGISTRY_IMAGE,
        replicas: int = 1,
        http_secret: HttpSecret | None = None,
        delete_enabled: bool = False,
        log_level: LogLevel = LogLevel.INFO,
        port: int = 5000,
        network_policy: bool = True,
        ingress_controller: PodPeer | None = None,
        redis: RedisCache | None = None,
        proxy: ProxyCache | None = None,
        metrics: bool = True,
        metrics_port: int | None = None,
        metrics_scraper: PodPeer | None = None,
        metrics_proxy_image: str | None = None,
        debug_port: int | None = None,
        upload_purging: UploadPurging | None = None,
        garbage_collection: GarbageCollection | None = None,
        cors_origin: str | None = None,
        opentelemetry: bool = False,
        pod: PodOptions | None = None,
    ) -> None:
        """
        :param auth: who may use the registry: :class:`HtpasswdAuth` (every user may pull, push and delete; the
            registry checks), or :class:`~constructs_lib.access.AccessControl` (readers, writers, admins and anonymous
            pulls; a :class:`~constructs_lib.ingress.TraefikIngress` checks, and the registry has no auth of its own,
            so one must serve it: synth fails otherwise). Required: pass ``None`` explicitly for a registry without
            authentication.
        :param storage: where blobs are kept (:meth:`Storage.s3` or :meth:`Storage.filesystem`). Default:
            ``Storage.filesystem()``, a 10Gi ReadWriteOnce claim.
        :param name: the base name of every object this construct creates (the Deployment and Service get it as is;
            Secrets and the claim get a suffix). Default: the construct id in lower case, runs of other characters
            than letters and digits made ``-`` (``"registry"`` for the id ``"Registry"``): never the construct path,
            so moving the construct does not rename its objects or change their selectors.
        :param image: the registry image, 2.x or 3.x: the version in its tag picks the configuration dialect (keep
            the tag next to a digest: ``registry:3.1.1@sha256:...``). Default: :data:`DEFAULT_REGISTRY_IMAGE`.
        :param replicas: the number of pods. More than one needs shared storage (S3 or ReadWriteMany) and an
            ``http_secret``. Default: 1.
        :param http_secret: the secret every replica signs upload state with. Default: none, so each pod makes its
            own at start (fine for one replica).
        :param delete_enabled: allow deleting manifests and blobs through the API. Default: ``False``.
        :param log_level: the log level. Default: ``LogLevel.INFO``.
        :param port: the port the registry listens on and the Service exposes. Default: 5000.
        :param network_policy: add a NetworkPolicy: traffic in only from the ingress controller and the registry's
            UI (and the metrics scraper on the metrics port), out only to DNS, the storage, Redis and the upstream.
            Default: ``True``.
        :param ingress_controller: the ingress controller's pods for the NetworkPolicy. Default:
            ``PodPeer.k3s_traefik()`` (Traefik in ``kube-system``).
        :param redis: a Redis blob-descriptor cache (:meth:`RedisCache.of`), for several replicas. Default: an
            in-memory cache per pod.
        :param proxy: run as a pull-through cache of an upstream registry (:meth:`ProxyCache.of`). Default: a
            registry you push to.
        :param metrics: serve Prometheus metrics on a separate port, with scrape annotations on the pods: the
            registry's debug listener binds the pod's loopback only (it also serves ``/debug/vars``, which shows the
            Redis password and on registry 3 the whole configuration, and ``/debug/pprof``), and a sidecar container
            ``metrics`` (nginx) serves only ``GET /metrics`` from it on the metrics port. ``False``: no debug
            listener and no sidecar. Default: ``True``.
        :param metrics_port: the port the metrics sidecar serves ``/metrics`` on (never in the Service or the
            ingress); only with ``metrics``. Default: 5001.
        :param metrics_scraper: who may scrape the metrics port through the NetworkPolicy. Default:
            ``PodPeer.prometheus()`` (Prometheus in ``monitoring``).
        :param metrics_proxy_image: the image of the metrics sidecar: an nginx that runs as any non-root user
            (``nginx`` on the PATH, ``-e`` supported: 1.19.5 or later). Default:
            :data:`DEFAULT_METRICS_PROXY_IMAGE`.
        :param debug_port: the port of the registry's own debug listener on the pod's loopback (``127.0.0.1``):
            pprof, expvar and the metrics the sidecar reads. Reach it with ``kubectl port-forward`` or ``kubectl
            exec``; it is in no containerPort, Service or NetworkPolicy. Default: 5002.
        :param upload_purging: purging of abandoned uploads (:class:`UploadPurging`). Default: the registry's
            (uploads older than a week, daily).
        :param garbage_collection: delete unreferenced blobs on a schedule, in a read-only window
            (:meth:`GarbageCollection.on_schedule`). Needs a namespace on the chart (the RoleBinding names it).
            Default: none.
        :param cors_origin: the one browser origin allowed to call the registry (a UI on its own host),
            ``https://host[:port]`` exactly: a header can name one origin, and ``*`` is refused since requests carry
            credentials. Browsers' preflight requests carry no credentials and get 401 from a registry with auth:
            :class:`~constructs_lib.ingress.TraefikIngress` answers them. Default: none.
        :param opentelemetry: export registry 3's OpenTelemetry traces: ``OTEL_TRACES_EXPORTER=otlp`` (both images
            set ``none``), or the exporter ``pod.env`` names; give the collector in ``pod.env`` too, e.g.
            ``OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability:4318`` (otherwise the registry sends to
            https://localhost:4318 and logs a refused connection every 5 s), and let the NetworkPolicy's egress reach
            it. Default: ``False`` (``OTEL_TRACES_EXPORTER=none``: nothing exported).
        :param pod: extra pod settings (:class:`PodOptions`). Default: none.
        """
        _typecheck.check_type("id", id, str)
        super().__init__(scope, id)
        arguments = {key: value for key, value in dict(locals()).items()
                     if key not in ("self", "scope", "id", "name", "__class__")}
        _typecheck.check_arguments(Registry.__init__, {**arguments, "name": name})
        arguments["storage"] = storage if storage is not None else Storage.filesystem()
        arguments["pod"] = pod if pod is not None else PodOptions()
        # Every check runs here, in the configuration, before the first child exists.
        self._config = RegistryConfig(
            name=name if name is not None else _name_from_id(id),
            namespace=cdk8s.Chart.of(scope).namespace, **arguments)
        self._plan = _plan.plan_registry(self._config)
        _collisions.register(self)
        self._objects = _emit.emit_all(self, self._plan.manifests, namespace=self._config.namespace)
        self._enforced_by: list[Construct] = []
        if self._config.access is not None:
            # The registry has no auth of its own then: without an ingress enforcing the access control it would
            # be open to whoever reaches its Service.
            self.node.add_validation(_AccessEnforced(self))

    def _note_enforced_by(self, ingress: Construct) -> None:
        """Called by the TraefikIngress that enforces this registry's access control."""
        self._enforced_by.append(ingress)

    @property
    def config(self) -> RegistryConfig:
        """The checked configuration."""
        return self._config

    @property
    def plan(self) -> _plan.RegistryPlan:
        """What the registry emits, as plain data."""
        return self._plan

    @property
    def deployment(self) -> cdk8s.ApiObject:
        """The registry's Deployment (construct id ``Resource``)."""
        return self._objects["Resource"]

    @property
    def service(self) -> cdk8s.ApiObject:
        """The registry's ClusterIP Service (construct id ``Service``)."""
        return self._objects["Service"]

    @property
    def service_name(self) -> str:
        """The Service's name (:class:`~constructs_lib.endpoints.RegistryEndpoint`)."""
        return self._config.name

    @property
    def service_port(self) -> int:
        """The Service's port (:class:`~constructs_lib.endpoints.RegistryEndpoint`)."""
        return self._config.port

    @property
    def namespace(self) -> str | None:
        """The namespace of its objects (the chart's), or None."""
        return self._config.namespace

    @property
    def name(self) -> str:
        """The base name of the registry's objects (the Deployment's and the Service's name)."""
        return self._config.name

    @property
    def port(self) -> int:
        """The port of the registry and its Service."""
        return self._config.port

    @property
    def auth(self) -> HtpasswdAuth | AccessControl | None:
        """The authentication it was given."""
        return self._config.auth

    @property
    def access(self) -> AccessControl | None:
        """The access control its ingress must enforce, or None
        (:class:`~constructs_lib.endpoints.RegistryEndpoint`)."""
        return self._config.access

    @property
    def storage(self) -> Storage:
        """The storage it was given (or the default)."""
        return self._config.storage

    @property
    def cors_origin(self) -> str | None:
        """The browser origin allowed to call the registry, if any."""
        return self._config.cors_origin

    @property
    def major_version(self) -> int:
        """The registry's major version (2 or 3), read from the image tag."""
        return self._config.version.major

    @property
    def garbage_collection(self) -> cdk8s.ApiObject | None:
        """The garbage collection's CronJob (construct id ``GarbageCollection``), if scheduled."""
        return self._objects.get("GarbageCollection")

    @property
    def auth_required(self) -> bool:
        """Whether browsing the registry needs credentials (:class:`~constructs_lib.endpoints.RegistryEndpoint`):
        with :class:`~constructs_lib.access.AccessControl`, unless anonymous browsing is allowed."""
        return self._config.auth_required

    @property
    def delete_enabled(self) -> bool:
        """Whether manifests and blobs can be deleted through the API."""
        return self._config.delete_enabled


@jsii.implements(IValidation)
class _AccessEnforced:
    def __init__(self, registry: Registry) -> None:
        self._registry = registry

    def validate(self) -> list[str]:
        if self._registry._enforced_by:
            return []
        return [(f"{self._registry.node.path}: its AccessControl is enforced by Traefik, and the registry has no "
                 "auth of its own: serve it with a TraefikIngress(registry=...) (RegistryChart makes one)")]


def _name_from_id(id: str) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", id.lower()).strip("-")
    if not re.fullmatch(r"[a-z]([-a-z0-9]*[a-z0-9])?", name) or len(name) > 40:
        raise _validation.fail("name", None, f"the default derives from the construct id {id!r}, which gives no "
                                             "Service name (a letter, then up to 39 letters, digits or '-'): pass "
                                             "name=")
    return name
