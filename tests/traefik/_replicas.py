"""Several registry replicas behind the real Traefik, as in a cluster (issue "Under load and faults").

``ReplicaStack`` runs the high-availability setup (examples/high_availability.py's options: replicas, a shared http
secret from a Secret, S3, optionally Redis; here S3 is the cluster's SeaweedFS at minio.minio.svc.cluster.local:9000,
as in main.py) with every replica its synthesized pod under runc on a cluster network, the manifests'
NetworkPolicies in force. The real Traefik runs on the node and reads our synthesized objects from the fake API; the
registry Service's EndpointSlice is kept by :class:`~traefik._stack.EndpointSliceController` from the pods' Ready
conditions, which the runner computes from the synthesized probes as the kubelet does. Clients (skopeo) reach
https://registry.example.com through the CONNECT proxy and verify Traefik's certificate (a cert-manager style
Secret of a test CA).

``shared_http_secret=False`` gives each replica a secret of its own (REGISTRY_HTTP_SECRET replaced per pod), what
replicas without the chart's shared Secret would have: the check that one upload's requests on different replicas
need it.
"""

from __future__ import annotations

import base64
import contextlib
import pathlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import bcrypt
import cdk8s
import trustme
from e2e import _proc
from e2e._kube import ObjectStore
from e2e._kube_api import FakeDeploymentApi, strip_status
from e2e._s3 import S3_NAMESPACE, S3_PORT, S3_SERVICE_NAME, SeaweedS3, s3_in_cluster
from e2e._tls import TlsFiles, write_tls_files
from e2e.harness import HarnessError, RedisServer, Skopeo
from pods._host import PodsHost
from pods._network import ClusterNetwork
from pods.registry_pod import RegistryPod
from pods.runner import PodRunner
from typing_extensions import Self

from constructs_lib import (
    GarbageCollection,
    HtpasswdAuth,
    HttpSecret,
    IngressTls,
    RedisCache,
    RegistryChart,
    S3Credentials,
    Storage,
)

from ._fake_api import FakeKubeApi
from ._stack import Clients, EndpointSliceController, TraefikProcess, tls_secret
from ._tunnel import TunnelProxy

HOST = "registry.example.com"
NAMESPACE = "registry"
SERVICE = "registry"
USER = ("alice", "alice's load password")
HTTP_SECRET = "shared-by-every-replica-0123456789abcdef"
REDIS_PASSWORD = "redis password of the load test"
BUCKET = "registry"
API_PORT = 6443  # where k3s serves the API; its `kubernetes` Service maps 443 to it
READ_ONLY_VARIABLE = "REGISTRY_STORAGE_MAINTENANCE_READONLY"
Manifest = dict[str, Any]


def synth_replicas_chart(*, replicas: int, redis: bool, garbage_collection: bool = False) -> list[Manifest]:
    """The high-availability setup on the cluster's S3 (and Redis): every secret from a Secret the user creates;
    with `garbage_collection`, deletes enabled and the weekly collection's CronJob (main.py's)."""
    app = cdk8s.Testing.app()
    chart = RegistryChart(
        app, "ha", host=HOST, namespace=NAMESPACE,
        auth=HtpasswdAuth.from_secret("registry-htpasswd"),
        replicas=replicas,
        http_secret=HttpSecret.from_secret("registry-http-secret"),
        storage=Storage.s3(bucket=BUCKET, endpoint=f"http://{S3_SERVICE_NAME}.{S3_NAMESPACE}.svc.cluster.local:{S3_PORT}",
                           credentials=S3Credentials.from_secret("registry-s3")),
        redis=(RedisCache.of("redis-master.redis.svc.cluster.local:6379", password_secret="registry-redis")
               if redis else None),
        tls=IngressTls.secret("registry-tls"),
        ui=False,
        delete_enabled=garbage_collection,
        garbage_collection=GarbageCollection.on_schedule() if garbage_collection else None,
    )
    return list(cdk8s.Testing.synth(chart))


def _secret(name: str, data: dict[str, str]) -> Manifest:
    return {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": name, "namespace": NAMESPACE},
            "data": {key: base64.b64encode(value.encode()).decode() for key, value in data.items()}}


@dataclass
class ReplicaStack:
    """`replicas` registry pods of the chart behind Traefik; a context manager (everything ends on exit)."""

    pods_host: PodsHost
    net: ClusterNetwork
    workdir: pathlib.Path
    replicas: int = 3
    redis: bool = True
    shared_http_secret: bool = True
    traefik_log_level: str = "INFO"
    bcrypt_cost: int = 4  # of the htpasswd line in the Secret (`htpasswd -nB` writes 5)
    garbage_collection: bool = False  # the chart's CronJob, its kubectl on a stand-in API: run_garbage_collection()
    manifests: list[Manifest] = field(init=False, default_factory=list)
    pods: list[RegistryPod] = field(init=False, default_factory=list)
    s3: SeaweedS3 = field(init=False)
    redis_server: RedisServer | None = field(init=False, default=None)
    api: FakeKubeApi = field(init=False)
    endpoints: EndpointSliceController = field(init=False)
    traefik: TraefikProcess = field(init=False)
    proxy: TunnelProxy = field(init=False)
    tls: TlsFiles = field(init=False)
    deployment_api: FakeDeploymentApi | None = field(init=False, default=None)
    rollouts: list[tuple[float, str | None]] = field(init=False, default_factory=list)  # (monotonic, read-only value)
    _secrets: list[Manifest] = field(init=False, default_factory=list)
    _api_tls: TlsFiles | None = field(init=False, default=None)
    _kubernetes_ip: str = field(init=False, default="")
    _cleanup: contextlib.ExitStack = field(init=False, default_factory=contextlib.ExitStack)

    def __enter__(self) -> Self:
        try:
            self._start()
        except BaseException:
            self._cleanup.close()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        self._cleanup.close()

    def _start(self) -> None:
        cleanup = self._cleanup
        self.manifests = synth_replicas_chart(replicas=self.replicas, redis=self.redis,
                                              garbage_collection=self.garbage_collection)
        for namespace in (NAMESPACE, S3_NAMESPACE, "redis"):
            self.net.add_namespace(namespace)
        ca = trustme.CA()
        if self.garbage_collection:
            self._start_deployment_api(ca)  # first: the `kubernetes` Service takes the range's first address
        self.s3 = cleanup.enter_context(s3_in_cluster(self.net, bucket=BUCKET))
        if self.redis:
            redis_pod = self.net.add_pod("redis", "redis-master-0", {"app.kubernetes.io/name": "redis"})
            cleanup.callback(self.net.remove_pod, redis_pod)
            self.net.add_service("redis", "redis-master", {6379: 6379}, {"app.kubernetes.io/name": "redis"})
            cleanup.callback(self.net.remove_service, "redis", "redis-master")
            self.redis_server = RedisServer(self.workdir / "redis", password=REDIS_PASSWORD, host=redis_pod.ip,
                                            port=6379, wrap=redis_pod.argv)
            cleanup.callback(self.redis_server.stop)
            self.redis_server.start()
        hashed = bcrypt.hashpw(USER[1].encode(), bcrypt.gensalt(rounds=self.bcrypt_cost)).decode()
        secrets = [_secret("registry-htpasswd", {"htpasswd": f"{USER[0]}:{hashed}\n"}),
                   _secret("registry-http-secret", {"http-secret": HTTP_SECRET}),
                   _secret("registry-s3", {"accesskey": self.s3.access_key, "secretkey": self.s3.secret_key}),
                   _secret("registry-redis", {"password": REDIS_PASSWORD})]
        self._secrets = secrets
        self.tls = write_tls_files(ca, self.workdir / "tls", (HOST,))
        self.api = FakeKubeApi([*self.manifests, *secrets,
                                tls_secret("registry-tls", NAMESPACE, self.tls.cert_path.read_bytes(),
                                           self.tls.key_path.read_bytes())]).start()
        cleanup.callback(self.api.stop)
        services = [m for m in self.manifests if m["kind"] == "Service" and m["metadata"]["name"] == SERVICE]
        self.endpoints = EndpointSliceController(self.net, self.api, services).start()
        cleanup.callback(self.endpoints.stop)
        for number in range(self.replicas):
            overrides = {"REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING": "{enabled: false}"}  # see SeaweedS3
            if not self.shared_http_secret:
                overrides["REGISTRY_HTTP_SECRET"] = f"replica-{number}-own-secret-0123456789"
            pod = RegistryPod(self.manifests, extra_objects=secrets, net=self.net,
                              workdir=self.pods_host.base / f"{self.workdir.name}-r{number}",
                              state_dir=self.pods_host.state_dir,
                              cgroup_parent=f"{self.pods_host.cgroup_prefix}/{self.workdir.name}-r{number}",
                              default_namespace=NAMESPACE, overrides=overrides, start_timeout=90)
            cleanup.callback(pod.close)
            self.pods.append(pod.start())
        for pod in self.pods:
            pod.wait_ready(90)
        self.traefik = TraefikProcess(self.workdir / "traefik", api_url=self.api.url,
                                      log_level=self.traefik_log_level, access_log=True)
        cleanup.callback(self.traefik.stop)  # before api.stop: Traefik closes its watches first
        self.traefik.start()
        self.proxy = TunnelProxy({(HOST, 443): self.traefik.websecure_port}).start()
        cleanup.callback(self.proxy.stop)
        self.wait_servers(len(self.pods))

    # -- garbage collection -------------------------------------------------------------------------------------------

    def _start_deployment_api(self, ca: trustme.CA) -> None:
        """The `kubernetes` Service (443 -> the API on the node's 6443, as k3s) and the stand-in API that the CronJob's
        kubectl patches the Deployment through; each patch rolls every replica to it, one pod after the other."""
        self._kubernetes_ip = self.net.add_node_service("default", "kubernetes", {443: API_PORT}, index=1)
        self._cleanup.callback(self.net.remove_service, "default", "kubernetes")
        self._api_tls = write_tls_files(ca, self.workdir / "api-tls", (
            self._kubernetes_ip, self.net.node_ip, "kubernetes", "kubernetes.default", "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local"))
        self.deployment_api = FakeDeploymentApi(self.manifests, tls=self._api_tls, on_rollout=self._roll_out,
                                                host=self.net.node_ip, port=API_PORT).start()
        self._cleanup.callback(self.deployment_api.stop)

    def _roll_out(self, deployment: dict[str, Any]) -> None:
        # The Deployment controller's rolling update, one pod at a time (replaced, then Ready, before the next; the
        # surge pod that maxSurge 1 would add first is not modelled: one replica fewer serves meanwhile).
        container = next(c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == "registry")
        value = next((e.get("value") for e in container.get("env") or [] if e["name"] == READ_ONLY_VARIABLE), None)
        for pod in self.pods:
            pod.roll_to(strip_status(deployment), ready_timeout=90)
        self.rollouts.append((time.monotonic(), value))

    def run_garbage_collection(self, *, timeout: float = 300.0) -> tuple[dict[str, int], dict[str, str]]:
        """One pod of the chart's CronJob to its end, in its network namespace behind its policy: the exit codes
        of its containers (init containers included) and their logs."""
        if self.deployment_api is None or self._api_tls is None:
            raise HarnessError("the stack was started without garbage_collection")
        cron_job = next(m for m in self.manifests if m["kind"] == "CronJob")
        labels = cron_job["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"]
        gc_net = self.net.add_pod(NAMESPACE, f"registry-gc-{len(self.rollouts)}", labels)
        runner = PodRunner(self.workdir / f"gc-{len(self.rollouts)}",
                           ObjectStore([*self.manifests, *self._secrets], default_namespace=NAMESPACE),
                           state_dir=self.pods_host.state_dir,
                           cgroup_parent=f"{self.pods_host.cgroup_prefix}/{self.workdir.name}-gc",
                           tokens=self.deployment_api.issue_token, root_ca=self._api_tls.ca_path.read_text(),
                           kubernetes_service_ip=self._kubernetes_ip)
        try:
            pod = runner.run(cron_job, pod_name=gc_net.name,
                             **self.net.pod_run_options(gc_net, publish_readiness=False))
            try:
                codes = pod.wait(timeout)
            finally:
                pod.stop(grace=0)
            logs = {name: pod.log(name) for name in codes} | {name: pod.init_log(name) for name in pod.init_exit_codes}
            return {**pod.init_exit_codes, **codes}, logs
        finally:
            runner.close()
            self.net.remove_pod(gc_net)

    # -- what Traefik balances over -----------------------------------------------------------------------------------

    def servers(self) -> set[str]:
        """The registry Service's servers in Traefik's load balancer now (pod IP:port). With no ready endpoint
        Traefik drops the service and its route (and answers its own 404): an empty set."""
        found = [service for name, service in self.traefik.crd_objects("services").items()
                 if name.startswith(f"{NAMESPACE}-{SERVICE}-")]
        if not found and not self.endpoints.ready_addresses(NAMESPACE, SERVICE):
            return set()
        if len(found) != 1:
            raise HarnessError(f"expected one Traefik service of {NAMESPACE}/{SERVICE}, found {found}")
        servers = (found[0].get("loadBalancer") or {}).get("servers") or []
        return {server["url"].removeprefix("http://") for server in servers}

    def wait_servers(self, count: int, *, timeout: float = 60.0) -> set[str]:
        """Wait until Traefik balances over exactly `count` servers; returns them."""
        def exactly() -> set[str] | None:
            servers = self.servers()
            return servers if len(servers) == count else None

        return _proc.wait_for(f"Traefik balancing over {count} registry servers", exactly, timeout=timeout,
                              interval=0.2)

    def addresses(self) -> list[str]:
        return [pod.address for pod in self.pods]

    def clients(self) -> Clients:
        """Plain HTTPS requests to registry.example.com through the proxy, verifying Traefik's certificate."""
        return Clients(self.proxy.port, contexts={HOST: self.tls.client_context()})

    def skopeo(self, name: str, *, retry_times: int = 0) -> Skopeo:
        """skopeo reaching https://registry.example.com through the proxy, verifying Traefik's certificate."""
        skopeo = Skopeo(self.workdir / f"skopeo-{name}", tls=self.tls, retry_times=retry_times)
        skopeo.env.update({"HTTPS_PROXY": self.proxy.url, "NO_PROXY": ""})
        return skopeo

    def access_entries(self, since: float = 0.0) -> list[dict[str, Any]]:
        """Traefik's access log entries of the registry's router (started at or after `since`, a time.time())."""
        entries = self.traefik.access_entries()
        return [entry for entry in entries if str(entry.get("RouterName", "")).startswith(f"{NAMESPACE}-")
                and _started(entry) >= since]


def _started(entry: dict[str, Any]) -> float:
    # StartUTC: RFC 3339 with nanoseconds; time.time()-comparable
    text = str(entry.get("StartUTC", ""))
    if not text:
        return 0.0
    head, _, tail = text.partition(".")
    fraction = tail.rstrip("Z")[:6]
    return datetime.fromisoformat(f"{head}.{fraction or '0'}+00:00").timestamp()


def upload_backends(entries: Iterable[dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """For each blob upload (its UUID in /v2/NAME/blobs/uploads/UUID: of the POST's Location answer, then in the
    PATCH and PUT paths), its requests in order: (method, the backend that served it)."""
    marker = "/blobs/uploads/"
    uploads: dict[str, list[tuple[str, str]]] = {}
    for entry in sorted(entries, key=_started):
        path = str(entry.get("RequestPath", "")).split("?", 1)[0]
        if marker not in path:
            continue
        upload = path.split(marker, 1)[1].strip("/")
        if not upload:  # the POST that starts it: its UUID is in the answer's Location
            upload = str(entry.get("downstream_Location", "")).split("?", 1)[0].rpartition(marker)[2].strip("/")
        if upload:
            uploads.setdefault(upload, []).append((str(entry.get("RequestMethod")), str(entry.get("ServiceAddr"))))
    return uploads

