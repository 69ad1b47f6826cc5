"""The registry itself (distribution, the ``registry:2`` image): a Deployment and a Service."""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import re
import urllib.parse
from typing import Any

import cdk8s
import cdk8s_plus_27 as kplus
from constructs import Construct

from . import _atomic, _collisions, _gc, _metrics_proxy, _render, _validation, _workload
from ._secrets import SecretKeyRef
from .auth import HtpasswdAuth
from .cache import ProxyCache, RedisCache
from .maintenance import GarbageCollection, UploadPurging
from .network import PodPeer
from .pod import PodOptions
from .storage import FilesystemStorage, Storage, VolumeAccessMode

__all__ = ["DEFAULT_METRICS_PROXY_IMAGE", "DEFAULT_REGISTRY_IMAGE", "HttpSecret", "LogLevel", "Registry"]

#: The registry image, pinned to an exact version.
DEFAULT_REGISTRY_IMAGE = "registry:2.8.3"
#: The metrics proxy (nginx, unprivileged build) in front of the registry's debug listener, pinned to an exact
#: version.
DEFAULT_METRICS_PROXY_IMAGE = "nginxinc/nginx-unprivileged:1.29.4-alpine"
_AUTH_MOUNT = "/auth"
# Any non-root id works (a static binary on an unprivileged port); above 10000 it maps to no user of the node.
_RUN_AS = 10001


class LogLevel(enum.Enum):
    """The registry's log level (``log.level``)."""

    ERROR = "error"
    WARN = "warn"
    INFO = "info"
    DEBUG = "debug"


@dataclasses.dataclass(frozen=True)
class HttpSecret:
    """The secret the registry signs upload state with (``http.secret``). Every replica must share it.

    Create it with :meth:`from_secret` (recommended) or :meth:`from_value`.
    """

    existing_secret: SecretKeyRef | None
    value: str | None

    @classmethod
    def from_secret(cls, name: str, *, key: str = "http-secret") -> HttpSecret:
        """An existing Secret, e.g. ``kubectl create secret generic NAME --from-literal=http-secret=$(openssl rand
        -hex 32)``.

        :param name: the Secret's name.
        :param key: the key that holds the value. Default: ``"http-secret"``.
        """
        return cls(existing_secret=SecretKeyRef.checked(name=name, key=key, name_parameter="name",
                                                        key_parameter="key"), value=None)

    @classmethod
    def from_value(cls, value: str) -> HttpSecret:
        """A value, put in a new Secret. Use a long random string kept outside source code.

        :param value: at least 16 characters.
        """
        if len(value) < 16:
            raise _validation.fail("value", "<hidden>", f"an http secret has at least 16 characters (got {len(value)})")
        return cls(existing_secret=None, value=value)

    def __repr__(self) -> str:
        return f"HttpSecret.from_secret({self.existing_secret.name!r})" if self.existing_secret else \
            "HttpSecret.from_value(<hidden>)"


class Registry(Construct):
    """A private Docker registry (distribution): a Deployment of the pinned ``registry:2`` image configured by
    ``REGISTRY_*`` environment variables, and a ClusterIP Service in front of it.

    Children: ``Resource`` (the Deployment, :attr:`deployment`), ``Service`` (:attr:`service`), and as needed
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
        auth: HtpasswdAuth | None,
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
        metrics_port: int = 5001,
        metrics_scraper: PodPeer | None = None,
        metrics_proxy_image: str = DEFAULT_METRICS_PROXY_IMAGE,
        debug_port: int = 5002,
        upload_purging: UploadPurging | None = None,
        garbage_collection: GarbageCollection | None = None,
        cors_origin: str | None = None,
        opentelemetry: bool = False,
        pod: PodOptions | None = None,
    ) -> None:
        """
        :param auth: who may use the registry (:class:`HtpasswdAuth`). Required: pass ``None`` explicitly for a
            registry without authentication.
        :param storage: where blobs are kept (:meth:`Storage.s3` or :meth:`Storage.filesystem`). Default:
            ``Storage.filesystem()``, a 10Gi ReadWriteOnce claim.
        :param name: the base name of every object this construct creates (the Deployment and Service get it as is;
            Secrets and the claim get a suffix). Default: a unique name derived from the construct path.
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
            ingress). Default: 5001.
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
        super().__init__(scope, id)
        _collisions.register(self)
        storage = storage if storage is not None else Storage.filesystem()
        pod = pod if pod is not None else PodOptions()
        base = name if name is not None else cdk8s.Names.to_dns_label(self, max_len=40)
        _validation.check_dns1035_label("name", base, max_length=40)
        _validation.check_image("image", image)
        major = _major_version(image)
        if redis is not None and major == 3 and _minor_version(image) == 0:
            raise _validation.fail("redis", redis, f"registry 3.0.x ({image}) ignores REGISTRY_REDIS_ADDRS and "
                                                   "REGISTRY_REDIS_DB and panics at start ('redis configuration "
                                                   "required'); 3.1.0 fixed it and 3.1.x has security fixes 3.0.x "
                                                   "lacks: use registry:3.1.1 or later")
        _validation.check_int_range("replicas", replicas, 1, 100)
        _validation.check_port("port", port)
        _validation.check_port("metrics_port", metrics_port)
        if metrics and metrics_port == port:
            raise _validation.fail("metrics_port", metrics_port, "it must differ from port")
        _validation.check_image("metrics_proxy_image", metrics_proxy_image)
        _validation.check_port("debug_port", debug_port)
        if metrics and debug_port in (port, metrics_port):
            raise _validation.fail("debug_port", debug_port, f"it must differ from port ({port}) and metrics_port "
                                                             f"({metrics_port})")
        if replicas > 1 and not storage.shared:
            raise _validation.fail("replicas", replicas, "several replicas need shared storage: S3, or a filesystem "
                                                         "claim with access_mode=VolumeAccessMode.READ_WRITE_MANY")
        if replicas > 1 and http_secret is None:
            raise _validation.fail("replicas", replicas, "several replicas must share an http_secret, or uploads "
                                                         "fail with 'blob upload unknown': set http_secret")
        if proxy is not None and proxy.ttl_hours is not None and major < 3:
            raise _validation.fail("proxy", f"ttl_hours={proxy.ttl_hours}",
                                   "registry 2.x has no proxy TTL: use a registry 3 image or leave ttl_hours unset")
        origin = _check_origin(cors_origin) if cors_origin is not None else None
        namespace = cdk8s.Chart.of(scope).namespace
        if garbage_collection is not None:
            if isinstance(storage, FilesystemStorage) and \
                    storage.access_mode is VolumeAccessMode.READ_WRITE_ONCE_POD:
                raise _validation.fail("garbage_collection", garbage_collection,
                                       "a ReadWriteOncePod claim cannot be mounted by the collection's pod while "
                                       "the registry holds it: use ReadWriteOnce (the collection then runs on the "
                                       "registry's node) or S3")
            if garbage_collection.delete_untagged and major < 3:
                raise _validation.fail("garbage_collection", garbage_collection,
                                       "delete_untagged needs registry 3: registry 2.x deletes the per-platform "
                                       "manifests of multi-architecture images with it (use a registry 3 image, or "
                                       "leave delete_untagged off)")
            if redis is not None:
                raise _validation.fail("garbage_collection", garbage_collection,
                                       "the collection cannot empty the Redis blob-descriptor cache, which would "
                                       "keep describing deleted blobs as present (pushes then skip them and pulls "
                                       "fail): leave redis unset with garbage collection (each pod's in-memory "
                                       "cache is emptied by the window's restarts)")
            if not namespace:
                raise _validation.fail("garbage_collection", garbage_collection,
                                       "it needs the chart's namespace: the RoleBinding must name the namespace of "
                                       "its ServiceAccount (set namespace= on the Chart)")

        self._name = base
        self._port = port
        self._auth = auth
        self._storage = storage
        self._delete_enabled = delete_enabled
        self._cors_origin = origin
        self._major_version = major
        labels = _workload.labels(name="registry", instance=base, component="registry", part_of=base)

        env: list[tuple[str, str]] = [
            ("REGISTRY_LOG_LEVEL", log_level.value),
            ("REGISTRY_HTTP_ADDR", f":{port}"),
        ]
        checksum_inputs: list[str] = []
        self._secret_refs: list[tuple[str, dict[str, str]]] = []
        # Secret volumes as plain pod-spec entries, by volume name (for the garbage collection's pod).
        self._plain_volumes: dict[str, dict[str, Any]] = {}
        volumes: list[tuple[kplus.Volume, str]] = []
        # Secret volumes only the init container mounts, and what it renders from them.
        secret_volumes: list[tuple[kplus.Volume, str]] = []
        # The S3 key volumes again, as plain pod-spec entries for the garbage collection's pod.
        gc_volumes: list[_gc.GcVolume] = []
        config_secrets: list[_render.ConfigSecret] = []
        s3_access_file = s3_secret_file = None

        if http_secret is not None:
            ref = http_secret.existing_secret
            if ref is None:
                assert http_secret.value is not None
                secret = self._secret("HttpSecret", f"{base}-http-secret", {"http-secret": http_secret.value}, labels)
                ref = SecretKeyRef(secret.name, "http-secret")
                checksum_inputs.append(_slow_digest(http_secret.value))
            source = _render.SecretFile("http", "http-secret")
            config_secrets.append(_render.ConfigSecret("http", "secret", source))
            secret_volumes.append((self._secret_volume("HttpSecretVolume", "http-secret", ref.name,
                                                       {ref.key: source.file}), source.folder))

        if auth is not None:
            ref = auth.existing_secret
            if ref is None:
                assert auth.htpasswd is not None
                secret = self._secret("HtpasswdSecret", f"{base}-htpasswd", {auth.key: auth.htpasswd}, labels)
                ref = SecretKeyRef(secret.name, auth.key)
                checksum_inputs.append(auth.htpasswd)
            volumes.append((self._secret_volume("HtpasswdVolume", "htpasswd", ref.name, {ref.key: "htpasswd"}),
                            _AUTH_MOUNT))
            env += [
                ("REGISTRY_AUTH", "htpasswd"),
                ("REGISTRY_AUTH_HTPASSWD_REALM", auth.realm),
                ("REGISTRY_AUTH_HTPASSWD_PATH", f"{_AUTH_MOUNT}/htpasswd"),
            ]

        secret_data = storage._secret_data()
        storage_secret_name = f"{base}-s3"
        if secret_data is not None:
            self._secret("S3Secret", storage_secret_name, secret_data, labels)
            checksum_inputs.append(_slow_digest(json.dumps(secret_data, sort_keys=True)))
        env += storage._registry_env()
        key_refs = storage._credential_refs(storage_secret_name)
        if key_refs is not None:
            access_ref, secret_ref = key_refs
            s3_access_file = _render.SecretFile("s3", "access-key")
            s3_secret_file = _render.SecretFile("s3", "secret-key")
            if access_ref.name == secret_ref.name:
                secret_volumes.append((self._secret_volume(
                    "S3SecretVolume", "s3-credentials", access_ref.name,
                    {access_ref.key: s3_access_file.file, secret_ref.key: s3_secret_file.file}), "s3"))
            else:  # the two keys in two Secrets
                s3_secret_file = _render.SecretFile("s3-secret", "secret-key")
                secret_volumes.append((self._secret_volume(
                    "S3SecretVolume", "s3-credentials", access_ref.name, {access_ref.key: s3_access_file.file}), "s3"))
                secret_volumes.append((self._secret_volume(
                    "S3SecretKeyVolume", "s3-secret-key", secret_ref.name, {secret_ref.key: s3_secret_file.file}),
                    "s3-secret"))
            env.append(("AWS_SHARED_CREDENTIALS_FILE", _render.CREDENTIALS_PATH))
            gc_volumes += [_gc.GcVolume(volume=self._plain_volumes[volume.name],
                                        mount_path=f"{_render.SECRETS_MOUNT}/{folder}", render_only=True)
                           for volume, folder in secret_volumes if folder in ("s3", "s3-secret")]
        if isinstance(storage, FilesystemStorage):
            claim = kplus.PersistentVolumeClaim(
                self, "Data", metadata=cdk8s.ApiObjectMetadata(name=f"{base}-data", labels=labels),
                storage=cdk8s.Size.gibibytes(storage.size_gib),
                access_modes=[kplus.PersistentVolumeAccessMode[storage.access_mode.name]],
                storage_class_name=storage.storage_class,
            )
            volumes.append((kplus.Volume.from_persistent_volume_claim(self, "DataVolume", claim, name="data"),
                            storage.mount_path))
            gc_volumes.append(_gc.GcVolume(volume={"name": "data", "persistentVolumeClaim": {"claimName": claim.name}},
                                           mount_path=storage.mount_path, render_only=False))
        # What the garbage collection reads: the storage settings only (its own in-memory cache, no Redis).
        gc_env = [("REGISTRY_LOG_LEVEL", log_level.value), *storage._registry_env(),
                  *[item for item in env if item[0] == "AWS_SHARED_CREDENTIALS_FILE"]]

        egress_ports = list(storage._egress_ports())
        if redis is not None:
            # Registry 3 takes a list of addresses (cluster or sentinel); 2.x a single one.
            env += [("REGISTRY_REDIS_ADDRS", f"[{redis.address}]") if major >= 3
                    else ("REGISTRY_REDIS_ADDR", redis.address),
                    ("REGISTRY_REDIS_DB", str(redis.db)),
                    ("REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR", "redis")]
            if redis.password is not None:
                source = _render.SecretFile("redis", "password")
                config_secrets.append(_render.ConfigSecret("redis", "password", source))
                secret_volumes.append((self._secret_volume("RedisPasswordVolume", "redis-password",
                                                           redis.password.name, {redis.password.key: source.file}),
                                       source.folder))
            egress_ports.append(redis.port)
        if proxy is not None:
            env.append(("REGISTRY_PROXY_REMOTEURL", proxy.remote_url))
            if proxy.ttl_hours is not None:
                env.append(("REGISTRY_PROXY_TTL", f"{proxy.ttl_hours}h"))
            if proxy.username is not None and proxy.password is not None:
                username = _render.SecretFile("proxy", "username")
                password = _render.SecretFile("proxy", "password")
                config_secrets += [_render.ConfigSecret("proxy", "username", username),
                                   _render.ConfigSecret("proxy", "password", password)]
                if proxy.username.name == proxy.password.name:
                    secret_volumes.append((self._secret_volume(
                        "ProxyCredentialsVolume", "proxy-credentials", proxy.username.name,
                        {proxy.username.key: username.file, proxy.password.key: password.file}), "proxy"))
                else:  # username and password in two Secrets
                    password = _render.SecretFile("proxy-password", "password")
                    config_secrets[-1] = _render.ConfigSecret("proxy", "password", password)
                    secret_volumes.append((self._secret_volume(
                        "ProxyCredentialsVolume", "proxy-credentials", proxy.username.name,
                        {proxy.username.key: username.file}), "proxy"))
                    secret_volumes.append((self._secret_volume(
                        "ProxyPasswordVolume", "proxy-password", proxy.password.name,
                        {proxy.password.key: password.file}), "proxy-password"))
            egress_ports.append(proxy.port)
        if metrics:
            # The pod's loopback only: the sidecar serves /metrics from it on metrics_port.
            env += [("REGISTRY_HTTP_DEBUG_ADDR", f"127.0.0.1:{debug_port}"),
                    ("REGISTRY_HTTP_DEBUG_PROMETHEUS_ENABLED", "true"),
                    ("REGISTRY_HTTP_DEBUG_PROMETHEUS_PATH", "/metrics")]
        if upload_purging is not None:
            env.append(("REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING", upload_purging._env_value()))
        if origin is not None:
            # A browser UI on another host: one exact origin, since requests carry credentials.
            env += [
                ("REGISTRY_HTTP_HEADERS_Access-Control-Allow-Origin", f"[{origin}]"),
                ("REGISTRY_HTTP_HEADERS_Access-Control-Allow-Credentials", "[true]"),
                ("REGISTRY_HTTP_HEADERS_Access-Control-Allow-Headers", "[Authorization,Accept,Cache-Control]"),
                ("REGISTRY_HTTP_HEADERS_Access-Control-Allow-Methods", "[HEAD,GET,OPTIONS,DELETE]"),
                ("REGISTRY_HTTP_HEADERS_Access-Control-Expose-Headers", "[Docker-Content-Digest]"),
            ]
        if major >= 3:
            # Registry 3 always starts OpenTelemetry; both images set OTEL_TRACES_EXPORTER=none, so tracing needs an
            # exporter named here (OTLP, unless pod.env names another). garbage-collect never traces.
            if not opentelemetry:
                env.append(("OTEL_TRACES_EXPORTER", "none"))
            elif "OTEL_TRACES_EXPORTER" not in pod.env:
                env.append(("OTEL_TRACES_EXPORTER", "otlp"))
            gc_env.append(("OTEL_TRACES_EXPORTER", "none"))
        if garbage_collection is not None:
            # The collection's window switches it to read-only and back to this value.
            env.append((_gc.READ_ONLY_VARIABLE, _gc.READ_WRITE))

        env += [
            ("REGISTRY_STORAGE_DELETE_ENABLED", "true" if delete_enabled else "false"),
            # GET / answers 503 while the storage is unreachable: the readiness probe relies on it.
            ("REGISTRY_HEALTH_STORAGEDRIVER_ENABLED", "true"),
            ("REGISTRY_HEALTH_STORAGEDRIVER_INTERVAL", "10s"),
            ("REGISTRY_HEALTH_STORAGEDRIVER_THRESHOLD", "3"),
        ]
        # The redis cache replaces the in-memory one that the storage kinds set.
        if redis is not None:
            env.remove(("REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR", "inmemory"))
        taken = {key for key, _ in env}
        clashes = sorted(taken & set(pod.env))
        if clashes:
            raise _validation.fail("pod.env", clashes, "the registry construct sets these itself: use its options")
        # The settings and which Secrets (name, keys) are read: a change of either rolls the pods.
        checksum_inputs.insert(0, json.dumps({"env": env, "extra": dict(pod.env), "secrets": self._secret_refs},
                                             sort_keys=True))

        metrics_proxy_config = _metrics_proxy.nginx_config(listen_port=metrics_port, upstream_port=debug_port) \
            if metrics else None
        if metrics_proxy_config is not None:
            checksum_inputs.append(metrics_proxy_config)
        annotations = {"checksum/config": hashlib.sha256("\n".join(checksum_inputs).encode()).hexdigest()}
        if metrics:
            annotations.update({"prometheus.io/scrape": "true", "prometheus.io/port": str(metrics_port),
                                "prometheus.io/path": "/metrics"})
        single_writer = not storage.shared and replicas == 1
        self._deployment = kplus.Deployment(
            self, "Resource",
            metadata=cdk8s.ApiObjectMetadata(name=base, labels=labels),
            pod_metadata=cdk8s.ApiObjectMetadata(labels={**pod.labels, **labels},
                                                 annotations={**pod.annotations, **annotations}),
            replicas=replicas,
            # A ReadWriteOnce volume cannot be mounted by the old and the new pod at once.
            strategy=kplus.DeploymentStrategy.recreate() if single_writer else kplus.DeploymentStrategy.rolling_update(
                max_surge=kplus.PercentOrAbsolute.absolute(1), max_unavailable=kplus.PercentOrAbsolute.absolute(0)),
            automount_service_account_token=False,
            security_context=kplus.PodSecurityContextProps(
                ensure_non_root=True, user=_RUN_AS, group=_RUN_AS, fs_group=_RUN_AS,
                fs_group_change_policy=kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH),
            select=False,
            spread=False,
        )
        container_security = kplus.ContainerSecurityContextProps(
            ensure_non_root=True, user=_RUN_AS, group=_RUN_AS, read_only_root_filesystem=True,
            allow_privilege_escalation=False, privileged=False)
        # The config file is always ours, never the image's default (registry 3's has a debug listener on :5001 and
        # `environment: development`): the init container writes it, with the secret settings when there are any.
        rendered = kplus.Volume.from_empty_dir(self, "RenderedVolume", "rendered",
                                               medium=kplus.EmptyDirMedium.MEMORY,
                                               size_limit=cdk8s.Size.mebibytes(1))
        render = self._deployment.add_init_container(
            name="render-secrets",
            image=image,
            image_pull_policy=_workload.pull_policy(image),
            command=["/bin/sh", "-c", _render.render_script(
                config=config_secrets, s3_access_key=s3_access_file, s3_secret_key=s3_secret_file,
                always_write_config=True)],
            security_context=container_security,
            resources=kplus.ContainerResources(
                cpu=kplus.CpuResources(request=kplus.Cpu.millis(10), limit=kplus.Cpu.millis(100)),
                memory=kplus.MemoryResources(request=cdk8s.Size.mebibytes(8),
                                             limit=cdk8s.Size.mebibytes(32))),
        )
        for volume, folder in secret_volumes:
            render.mount(f"{_render.SECRETS_MOUNT}/{folder}", volume, read_only=True)
        render.mount(_render.RENDERED_MOUNT, rendered)
        volumes.insert(0, (rendered, _render.RENDERED_MOUNT))
        if proxy is not None and proxy.upstream_wait_seconds:
            # The registry panics at start when its upstream is unreachable: wait for it first (ProxyCache).
            proxy._add_wait_for_upstream(self._deployment, image=image, security_context=container_security)
        ports = [kplus.ContainerPort(number=port, name="http")]
        container = self._deployment.add_container(
            name="registry",
            image=image,
            image_pull_policy=_workload.pull_policy(image),
            # `registry serve FILE` itself, not the image's entrypoint: the Docker library image's entrypoint turns a
            # lone *.yml argument into it, but distribution's own image (ENTRYPOINT ["registry"]) would take the file
            # for a sub-command, print "unknown command" and exit 0, a restart loop. Both have `registry` on PATH.
            command=["registry", "serve"],
            args=[_render.CONFIG_PATH],
            ports=ports,
            env_variables={key: kplus.EnvValue.from_value(value) for key, value in env},
            security_context=container_security,
            resources=kplus.ContainerResources(
                cpu=kplus.CpuResources(request=kplus.Cpu.millis(100), limit=kplus.Cpu.units(1)),
                memory=kplus.MemoryResources(request=cdk8s.Size.mebibytes(128), limit=cdk8s.Size.mebibytes(512))),
            # Readiness follows storage health (GET / is 503 while S3 is down); liveness only asks whether the
            # process answers, so a short S3 outage takes pods out of the Service without restarting them.
            readiness=kplus.Probe.from_http_get("/", port=port, period_seconds=cdk8s.Duration.seconds(10),
                                                failure_threshold=3, timeout_seconds=cdk8s.Duration.seconds(5)),
            liveness=kplus.Probe.from_tcp_socket(port=port, period_seconds=cdk8s.Duration.seconds(20),
                                                 failure_threshold=3, timeout_seconds=cdk8s.Duration.seconds(5)),
            startup=kplus.Probe.from_tcp_socket(port=port, period_seconds=cdk8s.Duration.seconds(2),
                                                failure_threshold=30, timeout_seconds=cdk8s.Duration.seconds(2)),
        )
        for volume, path in volumes:
            container.mount(path, volume, read_only=path in (_AUTH_MOUNT, _render.RENDERED_MOUNT))
        if metrics_proxy_config is not None:
            _metrics_proxy.add_metrics_proxy(self, self._deployment, name=base, labels=labels,
                                             image=metrics_proxy_image, config=metrics_proxy_config,
                                             metrics_port=metrics_port, run_as=_RUN_AS)
        _workload.harden_pod(self._deployment, init_containers=1,
                             containers=2 if metrics_proxy_config is not None else 1)
        pod._apply(self._deployment)
        if replicas > 1:
            _workload.spread_across_nodes(self._deployment, labels)
            _workload.add_disruption_budget(self, name=base, pod_labels=labels)

        self._service = kplus.Service(
            self, "Service",
            metadata=cdk8s.ApiObjectMetadata(name=base, labels=labels),
            ports=[kplus.ServicePort(port=port, target_port=port, name="http")],
            type=kplus.ServiceType.CLUSTER_IP,
        )
        _workload.select(self._deployment, self._service, labels)

        if network_policy:
            _workload.network_policy(
                self, name=base, pod_labels=labels, port=port,
                ingress_controller=ingress_controller or PodPeer.k3s_traefik(),
                also_from=[{"app.kubernetes.io/name": "registry-ui", "app.kubernetes.io/part-of": base}],
                egress_ports=egress_ports,
                metrics=(metrics_port, metrics_scraper or PodPeer.prometheus()) if metrics else None,
            )

        self._garbage_collection: cdk8s.ApiObject | None = None
        if garbage_collection is not None:
            assert namespace is not None
            self._garbage_collection = _gc.add_garbage_collection(
                self, options=garbage_collection, name=base, namespace=namespace, registry_labels=labels, image=image,
                env=gc_env,
                render_script=_render.render_script(config=[], s3_access_key=s3_access_file,
                                                    s3_secret_key=s3_secret_file, always_write_config=True),
                volumes=gc_volumes, rolling_update=not single_writer,
                same_node_as_registry=isinstance(storage, FilesystemStorage) and not storage.shared,
                run_as=_RUN_AS, pod=pod,
                network_policy_egress_ports=list(storage._egress_ports()) if network_policy else None,
            )

    def _secret_volume(self, id: str, volume_name: str, secret_name: str, items: dict[str, str]) -> kplus.Volume:
        self._secret_refs.append((secret_name, items))
        self._plain_volumes[volume_name] = {"name": volume_name, "secret": {
            "secretName": secret_name, "defaultMode": 0o440,
            "items": [{"key": key, "path": path} for key, path in items.items()]}}
        secret = kplus.Secret.from_secret_name(self, f"{id}Ref", secret_name)
        return kplus.Volume.from_secret(self, id, secret, name=volume_name, default_mode=0o440,
                                        items={key: kplus.PathMapping(path=path) for key, path in items.items()})

    def _secret(self, id: str, name: str, data: dict[str, str], labels: dict[str, str]) -> kplus.Secret:
        return kplus.Secret(self, id, metadata=cdk8s.ApiObjectMetadata(name=name, labels=labels), string_data=data)

    @property
    def deployment(self) -> kplus.Deployment:
        """The registry's Deployment (construct id ``Resource``)."""
        return self._deployment

    @property
    def service(self) -> kplus.Service:
        """The registry's ClusterIP Service (construct id ``Service``)."""
        return self._service

    @property
    def name(self) -> str:
        """The base name of the registry's objects (the Deployment's and the Service's name)."""
        return self._name

    @property
    def port(self) -> int:
        """The port of the registry and its Service."""
        return self._port

    @property
    def auth(self) -> HtpasswdAuth | None:
        """The authentication it was given."""
        return self._auth

    @property
    def storage(self) -> Storage:
        """The storage it was given (or the default)."""
        return self._storage

    @property
    def cors_origin(self) -> str | None:
        """The browser origin allowed to call the registry, if any."""
        return self._cors_origin

    @property
    def major_version(self) -> int:
        """The registry's major version (2 or 3), read from the image tag."""
        return self._major_version

    @property
    def garbage_collection(self) -> cdk8s.ApiObject | None:
        """The garbage collection's CronJob (construct id ``GarbageCollection``), if scheduled."""
        return self._garbage_collection

    @property
    def delete_enabled(self) -> bool:
        """Whether manifests and blobs can be deleted through the API."""
        return self._delete_enabled


def _major_version(image: str) -> int:
    tag = re.search(r":v?([0-9]+)(\.[0-9A-Za-z._-]*)?(@|$)", image.rsplit("/", 1)[-1])
    if tag is None:
        raise _validation.fail("image", image, "the tag must name the version, like 'registry:2.8.3' or "
                                               "'registry:3.1.1@sha256:...': it picks the configuration dialect")
    major = int(tag.group(1))
    if major not in (2, 3):
        raise _validation.fail("image", image, "registry 2.x and 3.x are supported")
    return major


def _minor_version(image: str) -> int | None:
    """The minor version in the image's tag (``registry:3.0.0`` -> 0), or None for a tag like ``registry:3``."""
    tag = re.search(r":v?[0-9]+\.([0-9]+)", image.rsplit("/", 1)[-1])
    return int(tag.group(1)) if tag else None


def _check_origin(origin: str) -> str:
    parts = urllib.parse.urlsplit(origin)
    try:
        parts.port  # noqa: B018 - raises on a bad port
        valid_port = True
    except ValueError:
        valid_port = False
    if (origin == "*" or parts.scheme not in ("http", "https") or not parts.hostname or not valid_port
            or parts.path or parts.query or parts.fragment or parts.username or origin.endswith("/")):
        raise _validation.fail("cors_origin", origin, "an origin is exactly scheme://host[:port], like "
                                                       "'https://ui.example.com'; '*' is refused because the "
                                                       "registry's requests carry credentials")
    return origin


def _slow_digest(secret_material: str) -> str:
    # The checksum annotation must change when a secret value changes, without offering a fast hash to guess at.
    return hashlib.pbkdf2_hmac("sha256", secret_material.encode(), b"cdk8s-private-registry/checksum", 100_000).hex()
