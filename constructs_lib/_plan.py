"""From a checked :class:`~constructs_lib.config.RegistryConfig` to the objects the registry emits.

One pass, in a fixed order, with no later edits: each part of the configuration (the http secret, auth, storage,
Redis, the upstream, metrics...) contributes its environment variables, the secret files the init container
renders, its volumes and mounts, the Secrets to create and its network peers. Pure Python (no cdk8s, no jsii), so
the plan has fast tests of its own; :class:`~constructs_lib.registry.Registry` only emits ``RegistryPlan.manifests``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from typing import Any

from . import _gc, _manifests, _metrics_proxy, _render
from ._labels import WorkloadLabels
from ._manifests import Manifest
from ._profile import RestrictedProfile, pull_policy
from ._secrets import SecretKeyRef, SecretSource, slow_digest
from .auth import HtpasswdAuth
from .config import RegistryConfig
from .network import PodPeer
from .storage import FilesystemStorage

__all__ = ["AUTH_MOUNT", "REGISTRY_PROFILE", "RegistryPlan", "SecretMount", "peer", "plan_registry", "registry_env"]

AUTH_MOUNT = "/auth"
#: A static binary on an unprivileged port runs as any user.
REGISTRY_PROFILE = RestrictedProfile(uid=10001)
_CACHE_INMEMORY = ("REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR", "inmemory")
_RENDER_RESOURCES = _manifests.resources("10m", "100m", "8Mi", "32Mi")
# A deleted registry pod: PRE_STOP_SECONDS of serving while it leaves the endpoints, then up to DRAIN_SECONDS for its
# requests in flight, inside the grace period (GRACE_SECONDS; the kubelet's SIGKILL ends what is left).
PRE_STOP_SECONDS = 5
DRAIN_SECONDS = 20
GRACE_SECONDS = 30


@dataclasses.dataclass(frozen=True)
class SecretMount:
    """A Secret volume of the registry pod: the files of some of its keys, and where they are mounted."""

    volume: str
    secret_name: str
    #: Secret key to file name.
    items: dict[str, str]
    mount_path: str
    #: Only the init container reads it (it renders the files the registry reads).
    render_only: bool

    def volume_entry(self) -> dict[str, Any]:
        return _manifests.secret_volume(self.volume, self.secret_name, self.items)


@dataclasses.dataclass(frozen=True)
class RegistryPlan:
    """What the registry emits and why: the pieces (for tests and for the construct's attributes) and the objects."""

    labels: WorkloadLabels
    #: The registry container's variables, then ``pod.env``.
    env: tuple[tuple[str, str], ...]
    #: The secret settings the init container writes into the config file, and the S3 key files.
    config_secrets: tuple[_render.ConfigSecret, ...]
    secret_mounts: tuple[SecretMount, ...]
    #: Secrets created from values, by construct id.
    created_secrets: tuple[Manifest, ...]
    #: The pod annotation that rolls the pods when a setting or a secret value changes.
    checksum: str
    #: The ports the registry's pods connect to (besides DNS).
    egress_ports: tuple[int, ...]
    #: Every object, in the order it is emitted, each with its construct id.
    manifests: tuple[Manifest, ...]

    def manifest(self, id: str) -> Manifest:
        """The object with construct id ``id``."""
        return next(m for m in self.manifests if m.id == id)


def peer(pod_peer: PodPeer) -> dict[str, Any]:
    """A NetworkPolicy peer: pods of a namespace."""
    return {"namespaceSelector": {"matchLabels": dict(pod_peer.namespace_labels)},
            "podSelector": {"matchLabels": dict(pod_peer.pod_labels)}}


def registry_env(config: RegistryConfig) -> list[tuple[str, str]]:
    """The registry container's variables, in a fixed order (before ``pod.env``)."""
    version = config.version
    env = [("REGISTRY_LOG_LEVEL", config.log_level.value), ("REGISTRY_HTTP_ADDR", f":{config.port}")]
    if isinstance(config.auth, HtpasswdAuth):
        env += [("REGISTRY_AUTH", "htpasswd"), ("REGISTRY_AUTH_HTPASSWD_REALM", config.auth.realm),
                ("REGISTRY_AUTH_HTPASSWD_PATH", f"{AUTH_MOUNT}/htpasswd")]
    env += config.storage._registry_env()
    if config.redis is None:
        env.append(_CACHE_INMEMORY)
    if config.storage._credential_refs("") is not None:
        env.append(("AWS_SHARED_CREDENTIALS_FILE", _render.CREDENTIALS_PATH))
    if config.redis is not None:
        # Registry 3 takes a list of addresses (cluster or sentinel); 2.x a single one.
        env += [("REGISTRY_REDIS_ADDRS", f"[{config.redis.address}]") if version.major >= 3
                else ("REGISTRY_REDIS_ADDR", config.redis.address),
                ("REGISTRY_REDIS_DB", str(config.redis.db)),
                ("REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR", "redis")]
    if config.proxy is not None:
        env.append(("REGISTRY_PROXY_REMOTEURL", config.proxy.remote_url))
        if config.proxy.ttl_hours is not None:
            env.append(("REGISTRY_PROXY_TTL", f"{config.proxy.ttl_hours}h"))
    if config.metrics:
        # The pod's loopback only: the sidecar serves /metrics from it on metrics_port.
        env += [("REGISTRY_HTTP_DEBUG_ADDR", f"127.0.0.1:{config.effective_debug_port}"),
                ("REGISTRY_HTTP_DEBUG_PROMETHEUS_ENABLED", "true"),
                ("REGISTRY_HTTP_DEBUG_PROMETHEUS_PATH", "/metrics")]
    if config.upload_purging is not None:
        env.append(("REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING", config.upload_purging._env_value()))
    if config.cors_origin is not None:
        # A browser UI on another host: one exact origin, since requests carry credentials.
        env += [
            ("REGISTRY_HTTP_HEADERS_Access-Control-Allow-Origin", f"[{config.cors_origin}]"),
            ("REGISTRY_HTTP_HEADERS_Access-Control-Allow-Credentials", "[true]"),
            ("REGISTRY_HTTP_HEADERS_Access-Control-Allow-Headers", "[Authorization,Accept,Cache-Control]"),
            ("REGISTRY_HTTP_HEADERS_Access-Control-Allow-Methods", "[HEAD,GET,OPTIONS,DELETE]"),
            ("REGISTRY_HTTP_HEADERS_Access-Control-Expose-Headers", "[Docker-Content-Digest]"),
        ]
    if version.major >= 3:
        # Registry 3 always starts OpenTelemetry; both images set OTEL_TRACES_EXPORTER=none, so tracing needs an
        # exporter named here (OTLP, unless pod.env names another).
        if not config.opentelemetry:
            env.append(("OTEL_TRACES_EXPORTER", "none"))
        elif "OTEL_TRACES_EXPORTER" not in config.pod.env:
            env.append(("OTEL_TRACES_EXPORTER", "otlp"))
    if config.garbage_collection is not None:
        # The collection's window switches it to read-only and back to this value.
        env.append((_gc.READ_ONLY_VARIABLE, _gc.READ_WRITE))
    env += [
        ("REGISTRY_STORAGE_DELETE_ENABLED", "true" if config.delete_enabled else "false"),
        # GET / answers 503 while the storage is unreachable: the readiness probe relies on it. Checked every 5 s,
        # failing after 2 misses: with the readiness probe's 5 s x 2 a pod leaves its Service within about 20 s of
        # an S3 outage (10 s x 3 with a 10 s x 3 probe took 40 s to 60 s: a 40 s outage never drained a pod;
        # tests/traefik/test_replicas_faults.py).
        ("REGISTRY_HEALTH_STORAGEDRIVER_ENABLED", "true"),
        ("REGISTRY_HEALTH_STORAGEDRIVER_INTERVAL", "5s"),
        ("REGISTRY_HEALTH_STORAGEDRIVER_THRESHOLD", "2"),
        # On SIGTERM, requests in flight (an upload's PATCH, say) finish before the registry exits; it stops taking
        # new connections at once, which the preStop pause before it covers.
        ("REGISTRY_HTTP_DRAINTIMEOUT", f"{DRAIN_SECONDS}s"),
    ]
    return env


@dataclasses.dataclass(frozen=True)
class _SecretPart:
    """What one secret input contributes: a Secret to create (from a value), the volumes, the settings the init
    container renders, and what rolls the pods when it changes."""

    created: Manifest | None = None
    mounts: tuple[SecretMount, ...] = ()
    config: tuple[_render.ConfigSecret, ...] = ()
    digest: str | None = None


def _created(source: SecretSource, *, id: str, name: str, key: str, labels: WorkloadLabels,
             digest: Callable[[str], str]) -> tuple[SecretKeyRef, Manifest | None, str | None]:
    """The key to read for ``source``, and the Secret to create for a value (with what rolls the pods: ``digest``
    of the value, computed only for a value)."""
    if source.value is None:
        return source.key_ref(SecretKeyRef(name, key)), None, None
    return SecretKeyRef(name, key), _manifests.secret(id=id, name=name, labels=labels,
                                                      data={key: source.value}), digest(source.value)


def _pair(*, volume: str, folder: str, second_volume: str, second_folder: str, first: SecretKeyRef,
          second: SecretKeyRef, first_file: str, second_file: str) -> tuple[tuple[SecretMount, ...], str]:
    """Two keys the init container reads: one volume when they are in one Secret, else two. Returns the mounts and
    the folder of the second key."""
    if first.name == second.name:
        return (SecretMount(volume, first.name, {first.key: first_file, second.key: second_file},
                            f"{_render.SECRETS_MOUNT}/{folder}", True),), folder
    return (SecretMount(volume, first.name, {first.key: first_file}, f"{_render.SECRETS_MOUNT}/{folder}", True),
            SecretMount(second_volume, second.name, {second.key: second_file},
                        f"{_render.SECRETS_MOUNT}/{second_folder}", True)), second_folder


def _secret_parts(config: RegistryConfig, labels: WorkloadLabels) -> tuple[_SecretPart, ...]:
    """Each secret input, in a fixed order: the http secret, the htpasswd file, the S3 keys, the Redis password,
    the upstream's credentials."""
    base = config.name
    parts: list[_SecretPart] = []
    if config.http_secret is not None:
        source = config.http_secret.source
        ref, created, digest = _created(source, id="HttpSecret", name=f"{base}-http-secret", key="http-secret",
                                        labels=labels, digest=slow_digest)
        file = _render.SecretFile("http", "http-secret")
        parts.append(_SecretPart(created, (SecretMount("http-secret", ref.name, {ref.key: file.file},
                                                       f"{_render.SECRETS_MOUNT}/{file.folder}", True),),
                                 (_render.ConfigSecret("http", "secret", file),), digest))
    if isinstance(config.auth, HtpasswdAuth):
        source = config.auth.source
        ref, created, digest = _created(source, id="HtpasswdSecret", name=f"{base}-htpasswd", key=config.auth.key,
                                        labels=labels, digest=str)
        parts.append(_SecretPart(created, (SecretMount("htpasswd", ref.name, {ref.key: "htpasswd"}, AUTH_MOUNT,
                                                       False),), (), digest))
    s3_data = config.storage._secret_data()
    key_refs = config.storage._credential_refs(f"{base}-s3")
    if key_refs is not None:
        created = None if s3_data is None else _manifests.secret(id="S3Secret", name=f"{base}-s3", labels=labels,
                                                                 data=s3_data)
        mounts, _ = _pair(volume="s3-credentials", folder="s3", second_volume="s3-secret-key",
                          second_folder="s3-secret", first=key_refs[0], second=key_refs[1],
                          first_file="access-key", second_file="secret-key")
        parts.append(_SecretPart(created, mounts, (), None if s3_data is None else
                                 slow_digest(json.dumps(s3_data, sort_keys=True))))
    if config.redis is not None and config.redis.password is not None:
        file = _render.SecretFile("redis", "password")
        ref = config.redis.password
        parts.append(_SecretPart(None, (SecretMount("redis-password", ref.name, {ref.key: file.file},
                                                    f"{_render.SECRETS_MOUNT}/{file.folder}", True),),
                                 (_render.ConfigSecret("redis", "password", file),)))
    proxy = config.proxy
    if proxy is not None and proxy.username is not None and proxy.password is not None:
        mounts, password_folder = _pair(volume="proxy-credentials", folder="proxy", second_volume="proxy-password",
                                        second_folder="proxy-password", first=proxy.username,
                                        second=proxy.password, first_file="username", second_file="password")
        parts.append(_SecretPart(None, mounts, (
            _render.ConfigSecret("proxy", "username", _render.SecretFile("proxy", "username")),
            _render.ConfigSecret("proxy", "password", _render.SecretFile(password_folder, "password")))))
    return tuple(parts)


def _s3_files(mounts: tuple[SecretMount, ...]) -> tuple[_render.SecretFile | None, _render.SecretFile | None]:
    folders = {mount.mount_path.rsplit("/", 1)[-1] for mount in mounts if mount.volume.startswith("s3-")}
    if not folders:
        return None, None
    return (_render.SecretFile("s3", "access-key"),
            _render.SecretFile("s3-secret" if "s3-secret" in folders else "s3", "secret-key"))


def plan_registry(config: RegistryConfig) -> RegistryPlan:
    """Every object of the registry, with its construct id, in emission order."""
    base = config.name
    profile = REGISTRY_PROFILE
    labels = WorkloadLabels(name="registry", instance=base, component="registry", part_of=base)
    pod = config.pod
    storage = config.storage
    own_env = registry_env(config)
    env = (*own_env, *pod.env.items())
    parts = _secret_parts(config, labels)
    secret_mounts = tuple(mount for part in parts for mount in part.mounts)
    config_secrets = tuple(setting for part in parts for setting in part.config)
    s3_access, s3_secret = _s3_files(secret_mounts)
    render_script = _render.render_script(config=config_secrets, s3_access_key=s3_access, s3_secret_key=s3_secret,
                                          always_write_config=True)
    metrics_config = _metrics_proxy.nginx_config(listen_port=config.effective_metrics_port,
                                                 upstream_port=config.effective_debug_port) if config.metrics else None

    # The settings and which Secrets (name, keys) are read: a change of either rolls the pods; secret values only
    # through a slow digest.
    secret_refs = [(mount.secret_name, mount.items) for mount in secret_mounts]
    checksum_inputs = [json.dumps({"env": own_env, "extra": dict(pod.env), "secrets": secret_refs}, sort_keys=True),
                       *(part.digest for part in parts if part.digest is not None),
                       *([metrics_config] if metrics_config is not None else [])]
    checksum = hashlib.sha256("\n".join(checksum_inputs).encode()).hexdigest()

    claim = None
    if isinstance(storage, FilesystemStorage):
        claim = _manifests.volume_claim(id="Data", name=f"{base}-data", labels=labels, size_gib=storage.size_gib,
                                        access_mode=storage.access_mode.value, storage_class=storage.storage_class)

    security = profile.container_security_context()
    rendered_volume = {"emptyDir": {"medium": "Memory", "sizeLimit": "1Mi"}, "name": "rendered"}
    registry_mounts: list[dict[str, Any]] = [{"mountPath": _render.RENDERED_MOUNT, "name": "rendered",
                                              "readOnly": True}]
    main_volumes: list[dict[str, Any]] = [rendered_volume]
    for mount in secret_mounts:
        if not mount.render_only:
            registry_mounts.append({"mountPath": mount.mount_path, "name": mount.volume, "readOnly": True})
            main_volumes.append(mount.volume_entry())
    if claim is not None:
        assert isinstance(storage, FilesystemStorage)
        registry_mounts.append({"mountPath": storage.mount_path, "name": "data", "readOnly": False})
        main_volumes.append({"name": "data", "persistentVolumeClaim": {"claimName": claim.name, "readOnly": False}})

    init_containers = [_manifests.container(
        name="render-secrets", image=config.image, pull_policy=pull_policy(config.image),
        command=["/bin/sh", "-c", render_script], security_context=security, resources=_RENDER_RESOURCES,
        mounts=[*({"mountPath": m.mount_path, "name": m.volume, "readOnly": True}
                  for m in secret_mounts if m.render_only),
                {"mountPath": _render.RENDERED_MOUNT, "name": "rendered"}],
    )]
    if config.proxy is not None and config.proxy.upstream_wait_seconds:
        # The registry panics at start when its upstream is unreachable: wait for it first (ProxyCache).
        init_containers.append(_manifests.container(
            name="wait-for-upstream", image=config.image, pull_policy=pull_policy(config.image),
            command=["/bin/sh", "-c", config.proxy._wait_script()], env=[("UPSTREAM_URL", config.proxy.remote_url)],
            security_context=security, resources=_RENDER_RESOURCES))
    port = config.port
    containers = [_manifests.container(
        name="registry", image=config.image, pull_policy=pull_policy(config.image),
        # `registry serve FILE` itself, not the image's entrypoint: the Docker library image's entrypoint turns a
        # lone *.yml argument into it, but distribution's own image (ENTRYPOINT ["registry"]) would take the file for
        # a sub-command, print "unknown command" and exit 0, a restart loop. Both have `registry` on PATH.
        command=["registry", "serve"], args=[_render.CONFIG_PATH], env=env, ports=[(port, "http")],
        security_context=security, resources=_manifests.resources("100m", "1", "128Mi", "512Mi"),
        # Readiness follows storage health (GET / is 503 while S3 is down); liveness only asks whether the process
        # answers, so a short S3 outage takes pods out of the Service without restarting them.
        readiness=_manifests.probe(port=port, period=5, failure_threshold=2, timeout=4, http_path="/"),
        liveness=_manifests.probe(port=port, period=20, timeout=5),
        startup=_manifests.probe(port=port, period=2, failure_threshold=30, timeout=2),
        # A deleted pod leaves the Service's endpoints while its containers are told to stop: the pause keeps it
        # serving until the ingress has seen that (Traefik: about 2 s), so a rollout sends no request to a closed
        # port (measured: 502s from Traefik on every rollout without it, tests/traefik/test_replicas_gc.py).
        pre_stop=["sleep", str(PRE_STOP_SECONDS)],
        mounts=registry_mounts,
    )]
    # The metrics sidecar: its ConfigMap, its container after the registry's, its volumes after the registry's.
    sidecar = _metrics_proxy.metrics_proxy(
        name=base, labels=labels, image=config.effective_metrics_proxy_image, config=metrics_config,
        metrics_port=config.effective_metrics_port, security_context=security) if metrics_config is not None else None
    metrics_manifests = [sidecar[0]] if sidecar is not None else []
    containers = [*containers, *([sidecar[1]] if sidecar is not None else [])]
    volumes = [*main_volumes, *(sidecar[2] if sidecar is not None else []),
               *(m.volume_entry() for m in secret_mounts if m.render_only)]

    pod_spec: dict[str, Any] = {
        "automountServiceAccountToken": False,
        "containers": containers,
        "dnsPolicy": "ClusterFirst",
        # No service links: a Service named `registry` would inject REGISTRY_SERVICE_* variables the registry reads
        # as configuration.
        "enableServiceLinks": False,
        "hostNetwork": False,
        "initContainers": init_containers,
        "restartPolicy": "Always",
        "securityContext": profile.pod_security_context(),
        "setHostnameAsFQDN": False,
        "terminationGracePeriodSeconds": GRACE_SECONDS,
        "volumes": volumes,
        **pod._pod_spec_fields(),
        # Replicas on different nodes where the cluster has them; a one-node cluster still schedules them all.
        **({"topologySpreadConstraints": [{
            "labelSelector": {"matchLabels": labels.selector}, "maxSkew": 1,
            "topologyKey": "kubernetes.io/hostname", "whenUnsatisfiable": "ScheduleAnyway"}]}
           if config.replicas > 1 else {}),
    }
    annotations = {**pod.annotations, "checksum/config": checksum,
                   **({"prometheus.io/scrape": "true", "prometheus.io/port": str(config.effective_metrics_port),
                       "prometheus.io/path": "/metrics"} if config.metrics else {})}
    single_writer = not storage.shared and config.replicas == 1
    deployment = _manifests.deployment(
        id="Resource", name=base, labels=labels, replicas=config.replicas,
        # A ReadWriteOnce volume cannot be mounted by the old and the new pod at once.
        strategy={"type": "Recreate"} if single_writer else
        {"rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}, "type": "RollingUpdate"},
        pod_labels={**pod.labels, **labels.all}, pod_annotations=annotations, pod_spec=pod_spec)

    egress_ports = list(storage._egress_ports())
    if config.redis is not None:
        egress_ports.append(config.redis.port)
    if config.proxy is not None:
        egress_ports.append(config.proxy.port)
    manifests: list[Manifest] = [*(part.created for part in parts if part.created is not None),
                                 *([claim] if claim is not None else []), deployment, *metrics_manifests]
    if config.replicas > 1:
        manifests.append(_manifests.disruption_budget(id="DisruptionBudget", name=base, labels=labels))
    manifests.append(_manifests.service(id="Service", name=base, labels=labels, port=port))
    if config.network_policy:
        ingress: list[tuple[list[dict[str, Any]], list[int]]] = [
            ([peer(config.ingress_controller or PodPeer.k3s_traefik())], [port])]
        if config.access is None:
            # The registry's UI, in proxy mode. Under access control only Traefik may reach the registry, which has no
            # auth of its own then (and the UI refuses proxy mode).
            ingress.append(([{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "registry-ui",
                                                              "app.kubernetes.io/part-of": base}}}], [port]))
        if config.metrics:
            ingress.append(([peer(config.metrics_scraper or PodPeer.prometheus())], [config.effective_metrics_port]))
        manifests.append(_manifests.network_policy(id="NetworkPolicy", name=base, labels=labels, ingress=ingress,
                                                   egress_ports=egress_ports))
    if config.garbage_collection is not None:
        assert config.namespace is not None
        gc_env = [("REGISTRY_LOG_LEVEL", config.log_level.value), *storage._registry_env(), _CACHE_INMEMORY,
                  *[item for item in own_env if item[0] == "AWS_SHARED_CREDENTIALS_FILE"],
                  # garbage-collect never traces.
                  *([("OTEL_TRACES_EXPORTER", "none")] if config.version.major >= 3 else [])]
        gc_volumes = [_gc.GcVolume(volume=m.volume_entry(), mount_path=m.mount_path, render_only=True)
                      for m in secret_mounts if m.volume.startswith("s3-")]
        if claim is not None:
            assert isinstance(storage, FilesystemStorage)
            gc_volumes.append(_gc.GcVolume(volume={"name": "data", "persistentVolumeClaim": {"claimName": claim.name}},
                                           mount_path=storage.mount_path, render_only=False))
        manifests += _gc.garbage_collection(
            options=config.garbage_collection, name=base, namespace=config.namespace, registry_labels=labels,
            image=config.image, env=gc_env, profile=profile,
            render_script=_render.render_script(config=[], s3_access_key=s3_access, s3_secret_key=s3_secret,
                                                always_write_config=True),
            volumes=gc_volumes, rolling_update=not single_writer,
            same_node_as_registry=isinstance(storage, FilesystemStorage) and not storage.shared, pod=pod,
            network_policy_egress_ports=list(storage._egress_ports()) if config.network_policy else None,
        )
    return RegistryPlan(labels=labels, env=env, config_secrets=config_secrets, secret_mounts=secret_mounts,
                        created_secrets=tuple(part.created for part in parts if part.created is not None),
                        checksum=checksum, egress_ports=tuple(egress_ports), manifests=tuple(manifests))
