"""Garbage collection in pods: the synthesized CronJob's pod under runc, in its own network namespace with its
synthesized NetworkPolicy in force, next to the synthesized registry pod sharing its claim. The kubectl containers
reach the API (the stand-in of tests/e2e/_kube_api.py, on the node's address and port 6443 as k3s serves it) only
through the `kubernetes` Service (443 -> 6443), with the token the runner projected for the pod's ServiceAccount; the
API authorizes them by the synthesized Role. They switch the registry read-only (the test, as the Deployment
controller, restarts the registry pod from each patched Deployment) and back around the real `registry
garbage-collect`. A policy without port 6443 (443 alone: policies match the port after the Service's DNAT) cuts the
API off: the pod fails at its deadline without a request reaching the API."""

from __future__ import annotations

import contextlib
import copy
import json
import pathlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import trustme
from e2e._client import OCI_MANIFEST
from e2e._constructs import CREDS, PASSWORD, USER, Manifest, synth
from e2e._kube import ObjectStore, UnsupportedSpec
from e2e._kube_api import FakeDeploymentApi, strip_status
from e2e._proc import HarnessError
from e2e._tls import TlsFiles
from e2e.harness import RegistryApi, Skopeo, assert_same_image, write_oci_image

from constructs_lib import GarbageCollection, HtpasswdAuth, Registry, Storage, UploadPurging

from . import _procfs
from ._network import ClusterNetwork, PodNet, unique_prefix
from .conftest import PodsHost
from .runner import PodRunner, RunningPod

NAMESPACE = "registry"
READ_ONLY_VARIABLE = "REGISTRY_STORAGE_MAINTENANCE_READONLY"
API_PORT = 6443  # where k3s serves the API; its `kubernetes` Service maps 443 to it
TOKEN_DIR = "var/run/secrets/kubernetes.io/serviceaccount"


def _manifests() -> list[Manifest]:
    return synth(lambda chart: Registry(
        chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
        storage=Storage.filesystem(), delete_enabled=True, garbage_collection=GarbageCollection.on_schedule(),
        upload_purging=UploadPurging.disabled()))


def _of(manifests: list[Manifest], kind: str, name: str | None = None) -> Manifest:
    (found,) = [m for m in manifests if m["kind"] == kind and name in (None, m["metadata"]["name"])]
    return found




@dataclass
class Cluster:
    """The registry Deployment as the Deployment controller runs it (Recreate): a PATCH of its pod template stops the
    registry pod and starts one from the patched object, in the same network namespace and on the same claim."""

    net: ClusterNetwork
    runner: PodRunner
    api: FakeDeploymentApi
    manifests: list[Manifest]
    registry_net: PodNet
    kubernetes_ip: str
    registry: RunningPod | None = None
    rollouts: list[str | None] = field(default_factory=list)
    # What the test looks at inside each rollout (the window's state, the GC pod's containers), by rollout number.
    during: dict[int, dict[str, Any]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def address(self) -> str:
        return f"{self.registry_net.ip}:5000"

    def registry_api(self) -> RegistryApi:
        return RegistryApi(self.address, tls=None, creds=CREDS)

    def push_status(self) -> int:
        return self.registry_api().request("POST", "/v2/app/blobs/uploads/")[0]

    def start_registry(self, deployment: Manifest) -> None:
        net, pod_net = self.net, self.registry_net
        self.registry = self.runner.run(deployment, **net.pod_run_options(pod_net))
        self.registry.wait_ready(40)

    def roll_out(self, deployment: dict[str, Any]) -> None:
        with self.lock:
            container = next(c for c in deployment["spec"]["template"]["spec"]["containers"]
                             if c["name"] == "registry")
            self.rollouts.append(next((e.get("value") for e in container.get("env") or []
                                       if e["name"] == READ_ONLY_VARIABLE), None))
            if self.registry is not None:
                self.registry.stop()
            self.start_registry(strip_status(deployment))
            # The GC pod's kubectl container that sent this PATCH waits for its answer: look at it now.
            gc_pod = next(p for p in reversed(self.runner.pods) if p.kind == "CronJob")
            number = len(self.rollouts)
            seen: dict[str, Any] = {"push": self.push_status()}
            if number == 1:
                seen["pull"] = self.registry_api().request("GET", "/v2/app/manifests/kept",
                                                           headers={"Accept": OCI_MANIFEST})[0]
            else:  # leave-read-only (a main container) sends the second PATCH
                pid = gc_pod.pid("leave-read-only")
                token = pathlib.Path(f"/proc/{pid}/root/{TOKEN_DIR}")
                seen.update(status=_procfs.status(pid), environ=_procfs.environ(pid),
                            root=_procfs.root_mount_options(pid),
                            token=(token / "token").stat(), namespace=(token / "namespace").read_text(),
                            ca=(token / "ca.crt").read_text())
            self.during[number] = seen


@pytest.fixture(scope="module")
def cluster(pods_host: PodsHost, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    workdir = tmp_path_factory.mktemp("gc-pod")
    manifests = _manifests()
    with contextlib.ExitStack() as cleanup:
        net = cleanup.enter_context(ClusterNetwork(unique_prefix("tg")))
        for namespace in ("kube-system", NAMESPACE, "default"):
            net.add_namespace(namespace)
        # The `kubernetes` Service of namespace default: the first address of the Service range (as k3s's
        # 10.43.0.1), its one endpoint the API on the node.
        kubernetes_ip = net.add_node_service("default", "kubernetes", {443: API_PORT}, index=1)
        ca = trustme.CA()
        server = ca.issue_cert(kubernetes_ip, net.node_ip, "kubernetes", "kubernetes.default",
                               "kubernetes.default.svc", "kubernetes.default.svc.cluster.local")
        tls_dir = workdir / "tls"
        tls_dir.mkdir()
        tls = TlsFiles(tls_dir / "server.crt", tls_dir / "server.key", tls_dir / "ca.crt", tls_dir)
        tls.cert_path.write_bytes(b"".join(blob.bytes() for blob in server.cert_chain_pems))
        server.private_key_pem.write_to_path(str(tls.key_path))
        ca.cert_pem.write_to_path(str(tls.ca_path))

        holder: list[Cluster] = []
        api = FakeDeploymentApi(manifests, tls=tls, on_rollout=lambda d: holder[0].roll_out(d), host=net.node_ip,
                                port=API_PORT).start()
        cleanup.callback(api.stop)
        runner = PodRunner(workdir / "runner", ObjectStore(manifests, default_namespace=NAMESPACE),
                           state_dir=pods_host.state_dir, cgroup_parent=f"{pods_host.cgroup_prefix}/gc",
                           tokens=api.issue_token, root_ca=tls.ca_path.read_text(), kubernetes_service_ip=kubernetes_ip)
        cleanup.callback(runner.close)
        deployment = _of(manifests, "Deployment")
        registry_net = net.add_pod(NAMESPACE, "registry-0", deployment["spec"]["template"]["metadata"]["labels"],
                                   ready=False)
        net.add_service_manifest(_of(manifests, "Service"))
        net.apply_network_policies([m for m in manifests if m["kind"] == "NetworkPolicy"])
        running = Cluster(net, runner, api, manifests, registry_net, kubernetes_ip)
        holder.append(running)
        running.start_registry(deployment)
        yield running


def _gc_pod_net(cluster: Cluster, name: str) -> PodNet:
    cron_job = _of(cluster.manifests, "CronJob")
    labels = cron_job["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"]
    return cluster.net.add_pod(NAMESPACE, name, labels)


def _blob(cluster: Cluster, digest: str) -> pathlib.Path:
    hex_digest = digest.removeprefix("sha256:")
    return (cluster.runner.workdir / "pvc" / NAMESPACE / "registry-data" / "docker/registry/v2/blobs/sha256"
            / hex_digest[:2] / hex_digest / "data")


def test_the_collection_pod_opens_and_closes_the_window_through_the_kubernetes_service(
        cluster: Cluster, tmp_path: pathlib.Path) -> None:
    # GIVEN the registry pod holding a kept image and a deleted one, whose blobs are on the claim
    skopeo = Skopeo(tmp_path / "skopeo", tls=None)
    kept = write_oci_image(tmp_path / "kept", layer_sizes=(48 * 1024,))
    deleted = write_oci_image(tmp_path / "deleted", layer_sizes=(40 * 1024,))
    skopeo.push(kept, f"{cluster.address}/app:kept", creds=CREDS)
    skopeo.push(deleted, f"{cluster.address}/app:deleted", creds=CREDS)
    cluster.registry_api().delete_manifest("app", deleted.manifest_digest)
    assert _blob(cluster, deleted.layer_digests[0]).exists()
    assert cluster.push_status() == 202
    requests_before = len(cluster.api.requests)

    # WHEN the CronJob's pod runs in its own network namespace, behind its policy, and runs to its end
    gc_net = _gc_pod_net(cluster, "registry-gc-1")
    try:
        pod = cluster.runner.run(_of(cluster.manifests, "CronJob"),
                                 pod_name=gc_net.name,
                                 **cluster.net.pod_run_options(gc_net, publish_readiness=False))
        try:
            codes = pod.wait(60)
        finally:
            pod.stop(grace=0)
    finally:
        cluster.net.remove_pod(gc_net)

    # THEN every container exited 0: the Job succeeds
    logs = {name: pod.log(name) for name in codes} | {name: pod.init_log(name) for name in pod.init_exit_codes}
    assert pod.init_exit_codes == {"render-config": 0, "enter-read-only": 0}, logs
    assert codes == {"leave-read-only": 0, "garbage-collect": 0}, logs
    assert "the registry is read-only" in logs["enter-read-only"]
    assert "garbage collection exit code: 0" in logs["leave-read-only"]
    # AND the registry went read-only (pushes refused, pulls served) and back, restarted from each patched Deployment
    assert cluster.rollouts == ["{enabled: true}", "{enabled: false}"]
    assert cluster.during[1] == {"push": 405, "pull": 200}
    assert cluster.push_status() == 202
    # AND only the deleted image's blobs left the shared claim
    for digest in deleted.layer_digests:
        assert not _blob(cluster, digest).exists(), logs["garbage-collect"]
    for digest in kept.layer_digests:
        assert _blob(cluster, digest).exists()
    assert_same_image(kept, skopeo.pull(f"{cluster.address}/app:kept", tmp_path / "pulled", creds=CREDS))
    # AND kubectl authenticated with the projected token and did only what the Role allows, nothing unexpected
    made = cluster.api.requests[requests_before:]
    assert any(line.startswith("PATCH /apis/apps/v1/namespaces/registry/deployments/registry") for line in made)
    assert cluster.api.denied == [], made
    assert cluster.api.unexpected == [], made

    # AND leave-read-only ran as synthesized: user, no capabilities, no_new_privs, seccomp, read-only root, and the
    # kubelet's environment and token files
    seen = cluster.during[2]
    status, environ = seen["status"], seen["environ"]
    assert status["Uid"].split() == ["10001"] * 4 and status["Gid"].split() == ["10001"] * 4
    assert status["CapEff"] == "0000000000000000" and status["NoNewPrivs"] == "1" and status["Seccomp"] == "2"
    assert "ro" in seen["root"]
    assert environ["KUBERNETES_SERVICE_HOST"] == cluster.kubernetes_ip and environ["KUBERNETES_SERVICE_PORT"] == "443"
    assert environ["KUBERNETES_PORT"] == f"tcp://{cluster.kubernetes_ip}:443"
    token = seen["token"]
    assert (token.st_mode & 0o7777, token.st_uid, token.st_gid) == (0o640, 10001, 10001)
    assert seen["namespace"] == NAMESPACE and "BEGIN CERTIFICATE" in seen["ca"]


def test_a_policy_without_the_api_servers_port_cuts_kubectl_off(cluster: Cluster) -> None:
    # GIVEN the collection's policy with 443 but not 6443: the Service's DNAT makes every API connection one to 6443
    policies = [m for m in cluster.manifests if m["kind"] == "NetworkPolicy"]
    broken = copy.deepcopy(_of(policies, "NetworkPolicy", "registry-gc"))
    for rule in broken["spec"]["egress"]:
        rule["ports"] = [port for port in rule["ports"] if port["port"] != API_PORT]
    assert '"port": 443' in json.dumps(broken) and str(API_PORT) not in json.dumps(broken["spec"])
    # AND a Job pod with a short deadline of our own (the synthesized one is 8 hours) and a short grace period
    cron_job = copy.deepcopy(_of(cluster.manifests, "CronJob"))
    pod_spec = cron_job["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    pod_spec.update(activeDeadlineSeconds=8, terminationGracePeriodSeconds=1)
    requests_before, rollouts_before = len(cluster.api.requests), list(cluster.rollouts)
    cluster.net.apply_network_policies([broken])
    gc_net = _gc_pod_net(cluster, "registry-gc-2")
    try:
        # WHEN the pod runs
        with pytest.raises(HarnessError) as failure:
            cluster.runner.run(cron_job, pod_name=gc_net.name,
                               **cluster.net.pod_run_options(gc_net, publish_readiness=False))
    finally:
        cluster.net.remove_pod(gc_net)
        cluster.net.apply_network_policies(policies)
    # THEN enter-read-only never got an answer: the pod failed at its deadline, killed inside kubectl's first request
    pod = next(p for p in cluster.runner.pods if p.name == "registry-gc-2")
    assert pod.reason == "DeadlineExceeded", pod.events
    assert "enter-read-only' exited with" in str(failure.value) and "DeadlineExceeded" in str(failure.value)
    assert pod.init_exit_codes["render-config"] == 0 and pod.init_exit_codes["enter-read-only"] != 0
    assert "the registry is read-only" not in pod.init_log("enter-read-only")
    # AND no request reached the API, nothing was rolled out, and the registry still takes pushes
    assert cluster.api.requests[requests_before:] == []
    assert cluster.rollouts == rollouts_before
    assert cluster.push_status() == 202



def test_what_the_runner_cannot_project_is_refused_by_field(pods_host: PodsHost, tmp_path: pathlib.Path) -> None:
    # (Runners of its own: the session's make_runner checks for leftovers while this module's cluster runs.)
    manifests = _manifests()

    def refusal(runner: PodRunner, edit: Callable[[dict[str, Any]], None] | None = None) -> str:
        workload = copy.deepcopy(_of(manifests, "CronJob"))
        pod_spec = workload["spec"]["jobTemplate"]["spec"]["template"]["spec"]
        if edit is not None:
            edit(pod_spec)
        with pytest.raises(UnsupportedSpec) as refused:
            runner.run(workload)
        return str(refused.value)

    def sources(pod_spec: dict[str, Any]) -> list[dict[str, Any]]:
        volume = next(v for v in pod_spec["volumes"] if v["name"] == "kube-api-access")
        return list(volume["projected"]["sources"])

    def audience(pod_spec: dict[str, Any]) -> None:
        sources(pod_spec)[0]["serviceAccountToken"]["audience"] = "vault"

    def node_name(pod_spec: dict[str, Any]) -> None:
        sources(pod_spec)[2]["downwardAPI"]["items"][0]["fieldRef"]["fieldPath"] = "spec.nodeName"

    def automount(pod_spec: dict[str, Any]) -> None:
        pod_spec["automountServiceAccountToken"] = True

    def runner(name: str, **cluster: Any) -> PodRunner:
        return PodRunner(tmp_path / name, ObjectStore(manifests), state_dir=pods_host.state_dir,
                         cgroup_parent=f"{pods_host.cgroup_prefix}/gc-{name}", **cluster)

    # A runner without a token issuer refuses the token source, by its name
    with runner("plain") as plain:
        assert "serviceAccountToken: the runner has no token issuer" in refusal(plain)
    # AND one with an issuer refuses an audience, a downward API field it has no value for, and a pod that would get
    # a token automounted in every container
    with runner("issuing", tokens={(NAMESPACE, "registry-gc"): "a token"},
                root_ca="-----BEGIN CERTIFICATE-----\n") as issuing:
        assert "serviceAccountToken.audience 'vault'" in refusal(issuing, audience)
        assert "fieldRef.fieldPath 'spec.nodeName' has no value here" in refusal(issuing, node_name)
        assert "automountServiceAccountToken is not false" in refusal(issuing, automount)
        assert issuing.pods == []  # refused before anything ran
