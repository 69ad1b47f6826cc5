"""Garbage collection, run for real from the SYNTHESIZED CronJob: its pod under runc (tests/pods/runner.py) in a
network namespace of its own behind its NetworkPolicy, the real kubectl (the image's version) switching the registry
read-only and back through the `kubernetes` Service to an API that authorizes by the synthesized Role
(tests/e2e/_kube_api.py), the registry pod replaced from each patched Deployment, and the real `registry
garbage-collect` (distribution 2.8.2) on the same claim or S3 bucket."""

from __future__ import annotations

import copy
import itertools
import os
import pathlib
import signal
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
import trustme
from pods._host import PodsHost
from pods._network import ClusterNetwork, PodNet
from pods.runner import PodRunner

from constructs_lib import GarbageCollection, HtpasswdAuth, Registry, S3Credentials, Storage, UploadPurging

from ._client import OCI_MANIFEST
from ._constructs import CREDS, PASSWORD, USER, Manifest, synth
from ._kube import ObjectStore
from ._kube_api import FakeDeploymentApi, strip_status
from ._proc import HarnessError
from .conftest import MakeImage, StartRegistry
from .harness import OciImage, RegistryApi, RegistryPod, SeaweedS3, Skopeo, TlsFiles, assert_same_image

NAMESPACE = "registry"
READ_ONLY_VARIABLE = "REGISTRY_STORAGE_MAINTENANCE_READONLY"
API_PORT = 6443  # where k3s serves the API; its `kubernetes` Service maps 443 to it


@dataclass
class Cluster:
    """The registry Deployment as the Deployment controller would run it: a PATCH of its pod template replaces the
    running registry with one started from the patched object."""

    manifests: list[Manifest]
    start_registry: StartRegistry
    registry: RegistryPod
    rollouts: list[str | None] = field(default_factory=list)  # the read-only variable of each rolled-out template
    rollout_times: list[float] = field(default_factory=list)  # time.monotonic() when each rollout ended

    def roll_out(self, deployment: dict[str, Any]) -> None:
        container = next(c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == "registry")
        self.rollouts.append(next((e.get("value") for e in container.get("env") or []
                                   if e["name"] == READ_ONLY_VARIABLE), None))
        self.registry.stop()
        manifests = [strip_status(deployment) if m["kind"] == "Deployment" else m for m in self.manifests]
        self.registry = self.start_registry(manifests)
        self.rollout_times.append(time.monotonic())

    def api(self, creds: tuple[str, str] | None = CREDS) -> RegistryApi:
        return RegistryApi(self.registry.address, tls=self.registry.tls, creds=creds)


@pytest.fixture
def cluster(start_registry: StartRegistry) -> Callable[[list[Manifest]], Cluster]:
    def make(manifests: list[Manifest]) -> Cluster:
        return Cluster(manifests, start_registry, start_registry(manifests))
    return make


@dataclass(frozen=True)
class KubernetesService:
    """The `kubernetes` Service of namespace default (443 -> the API stand-in on the node's 6443, as k3s serves it)
    and the API's certificate for it."""

    ip: str
    tls: TlsFiles


@dataclass(frozen=True)
class JobResult:
    exit_codes: dict[str, int]  # the main containers', or the failing init container's
    failed_init_container: str | None
    logs: dict[str, str]  # container name -> its output

    @property
    def succeeded(self) -> bool:
        """The pod's phase would be Succeeded: every container exited 0."""
        return self.failed_init_container is None and not any(self.exit_codes.values())

    def log(self, container: str) -> str:
        return self.logs.get(container, "")


@pytest.fixture(scope="module")
def kubernetes_service(cluster_net: ClusterNetwork, tls_ca: trustme.CA,
                       tmp_path_factory: pytest.TempPathFactory) -> Iterator[KubernetesService]:
    ip = cluster_net.add_node_service("default", "kubernetes", {443: API_PORT}, index=1)
    server = tls_ca.issue_cert(ip, cluster_net.node_ip, "kubernetes", "kubernetes.default", "kubernetes.default.svc",
                               "kubernetes.default.svc.cluster.local")
    directory = tmp_path_factory.mktemp("kube-api-tls")
    tls = TlsFiles(directory / "server.crt", directory / "server.key", directory / "ca.crt", directory)
    tls.cert_path.write_bytes(b"".join(blob.bytes() for blob in server.cert_chain_pems))
    server.private_key_pem.write_to_path(str(tls.key_path))
    tls_ca.cert_pem.write_to_path(str(tls.ca_path))
    try:
        yield KubernetesService(ip, tls)
    finally:
        cluster_net.remove_service("default", "kubernetes")


_jobs = itertools.count(1)


@pytest.fixture
def run_job(tmp_path: pathlib.Path, pods_host: PodsHost, cluster_net: ClusterNetwork,
            kubernetes_service: KubernetesService) -> Iterator[Callable[..., tuple[JobResult, FakeDeploymentApi]]]:
    """run_job(cluster, served=None, after_container=None, on_api=None, kill_after=None, pod_objects=None): one pod of
    the CronJob under runc (tests/pods/runner.py), in a network namespace of its own behind its NetworkPolicy, its
    kubectl containers reaching a fake API (serving `served`, default: the cluster's manifests) through the
    `kubernetes` Service with the token projected for the pod's ServiceAccount. `after_container(name, code)` is
    called after each init container; `on_api` gets the API before the pod starts; `kill_after` SIGKILLs a main
    container that many seconds after the pod's main containers started (its pid 1: the whole container, as the OOM
    killer ends it); the pod's CronJob, Secrets and claims are taken from `pod_objects` (default: the cluster's
    manifests)."""
    apis: list[FakeDeploymentApi] = []
    runners: list[PodRunner] = []
    nets: list[PodNet] = []

    def run(cluster: Cluster, served: Sequence[Manifest] | None = None,
            after_container: Callable[[str, int], None] | None = None,
            on_api: Callable[[FakeDeploymentApi], None] | None = None,
            kill_after: Mapping[str, float] | None = None,
            pod_objects: Sequence[Manifest] | None = None) -> tuple[JobResult, FakeDeploymentApi]:
        api = FakeDeploymentApi(served if served is not None else cluster.manifests, tls=kubernetes_service.tls,
                                on_rollout=cluster.roll_out, host=cluster_net.node_ip, port=API_PORT).start()
        apis.append(api)
        if on_api is not None:
            on_api(api)
        pod_manifests = list(pod_objects if pod_objects is not None else cluster.manifests)
        number = next(_jobs)
        runner = PodRunner(pods_host.base / f"gc-{tmp_path.name}-{number}",
                           ObjectStore(pod_manifests, default_namespace=NAMESPACE), state_dir=pods_host.state_dir,
                           cgroup_parent=f"{pods_host.cgroup_prefix}/gc{number}", tokens=api.issue_token,
                           root_ca=kubernetes_service.tls.ca_path.read_text(),
                           kubernetes_service_ip=kubernetes_service.ip)
        runners.append(runner)
        cron_job = next(m for m in pod_manifests if m["kind"] == "CronJob")
        labels = cron_job["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"]
        net = cluster_net.add_pod(NAMESPACE, f"registry-gc-{number}", labels)
        nets.append(net)
        try:
            pod = runner.run(cron_job, pod_name=net.name, pvc_root=tmp_path / "pvc", after_init=after_container,
                             **cluster_net.pod_run_options(net, publish_readiness=False))
        except HarnessError:
            (pod,) = runner.pods
            failed = next((name for name, code in pod.init_exit_codes.items() if code != 0), None)
            if failed is None:
                raise
            logs = {name: pod.init_log(name) for name in pod.init_exit_codes}
            return JobResult({failed: pod.init_exit_codes[failed]}, failed, logs), api
        for name, seconds in (kill_after or {}).items():
            time.sleep(seconds)
            os.kill(pod.pid(name), signal.SIGKILL)
        codes = pod.wait(180)
        logs = {name: pod.init_log(name) for name in pod.init_exit_codes} | {name: pod.log(name) for name in codes}
        return JobResult(codes, None, logs), api

    try:
        yield run
    finally:
        for runner in runners:
            runner.close()
        for net in nets:
            cluster_net.remove_pod(net)
        for api in apis:
            api.stop()


def _registry(storage: Storage, **options: Any) -> list[Manifest]:
    return synth(lambda chart: Registry(
        chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4), storage=storage,
        delete_enabled=True, garbage_collection=GarbageCollection.on_schedule(**options),
        # SeaweedFS lists empty upload folders that 2.8's purger trips over (see test_features_e2e).
        upload_purging=UploadPurging.disabled()))


def _kept_and_deleted(cluster: Cluster, skopeo: Skopeo, make_image: MakeImage) -> tuple[OciImage, OciImage]:
    kept, deleted = make_image(), make_image()
    skopeo.push(kept, f"{cluster.registry.address}/app:kept", creds=CREDS)
    skopeo.push(deleted, f"{cluster.registry.address}/app:deleted", creds=CREDS)
    cluster.api().delete_manifest("app", deleted.manifest_digest)
    return kept, deleted


def _blob_path(root: pathlib.Path, digest: str) -> pathlib.Path:
    hex_digest = digest.removeprefix("sha256:")
    return root / "docker/registry/v2/blobs/sha256" / hex_digest[:2] / hex_digest / "data"


def _push_status(cluster: Cluster) -> int:
    status, _, _ = cluster.api().request("POST", "/v2/app/blobs/uploads/")
    return status


def test_collection_frees_a_deleted_images_blobs_in_a_read_only_window(
        cluster: Callable[[list[Manifest]], Cluster], run_job: Callable[..., tuple[JobResult, FakeDeploymentApi]],
        skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN a registry on its claim holding a kept image and a deleted one, whose blobs are still on the claim
    manifests = _registry(Storage.filesystem())
    running = cluster(manifests)
    kept, deleted = _kept_and_deleted(running, skopeo, make_image)
    claim = tmp_path / "pvc" / NAMESPACE / "registry-data"
    assert _blob_path(claim, deleted.layer_digests[0]).exists()
    assert _push_status(running) == 202
    during_window: dict[str, int] = {}

    def after(container: str, code: int) -> None:
        if container == "enter-read-only":
            # THEN (during the window) pushes are refused and pulls still work
            during_window["push"] = _push_status(running)
            during_window["pull"] = running.api().request("GET", f"/v2/app/manifests/{kept.manifest_digest}",
                                                          headers={"Accept": OCI_MANIFEST})[0]

    # WHEN the CronJob's pod runs
    result, api = run_job(running, after_container=after)

    # THEN every container succeeded, the registry went read-only and back, and only the deleted image's blobs went
    assert result.succeeded, result.logs
    assert during_window == {"push": 405, "pull": 200}
    assert running.rollouts == ["{enabled: true}", "{enabled: false}"]
    assert "the registry is read-only" in result.log("enter-read-only")
    for digest in deleted.layer_digests:
        assert not _blob_path(claim, digest).exists(), result.log("garbage-collect")
    for digest in kept.layer_digests:
        assert _blob_path(claim, digest).exists()
    assert "garbage collection exit code: 0" in result.log("leave-read-only")
    # AND kubectl only did what the Role allows, on the one Deployment, and nothing the API did not expect
    assert api.denied == [] and api.unexpected == [], api.requests
    env = api.deployment(NAMESPACE, "registry")["spec"]["template"]["spec"]["containers"][0]["env"]
    assert {"name": READ_ONLY_VARIABLE, "value": "{enabled: false}"} in env
    # AND the registry serves the kept image and takes pushes again
    assert_same_image(kept, skopeo.pull(f"{running.registry.address}/app:kept", tmp_path / "pulled", creds=CREDS))
    skopeo.push(make_image(), f"{running.registry.address}/app:after", creds=CREDS)


def test_collection_on_s3_reads_the_keys_and_waits_for_old_pods(
        cluster: Callable[[list[Manifest]], Cluster], run_job: Callable[..., tuple[JobResult, FakeDeploymentApi]],
        skopeo: Skopeo, make_image: MakeImage, s3_server: SeaweedS3) -> None:
    # GIVEN a registry on S3 (keys in a Secret: the pod renders them into a credentials file) with a deleted image
    storage = Storage.s3(bucket=s3_server.bucket, region=s3_server.region, endpoint=s3_server.endpoint_url,
                         root_directory="/gc", credentials=S3Credentials.from_values(
                             access_key_id=s3_server.access_key, secret_access_key=s3_server.secret_key))
    running = cluster(_registry(storage, dry_run=False))
    kept, deleted = _kept_and_deleted(running, skopeo, make_image)

    def layer_keys() -> set[str]:
        return {key for key in s3_server.list_keys(prefix="gc/docker/registry/v2/blobs/") if key.endswith("/data")}

    layers = {f"gc/docker/registry/v2/blobs/sha256/{d[7:9]}/{d[7:]}/data": d
              for d in (*kept.layer_digests, *deleted.layer_digests)}
    assert set(layers) <= layer_keys()

    ended: dict[str, float] = {}

    # WHEN the CronJob's pod runs (a rolling registry: the window waits for old pods to stop)
    result, api = run_job(running, after_container=lambda name, _: ended.setdefault(name, time.monotonic()))

    # THEN the deleted image's layers are gone from the bucket, the kept image's are there
    assert result.succeeded, result.logs
    remaining = layer_keys()
    assert {key for key, digest in layers.items() if digest in deleted.layer_digests}.isdisjoint(remaining)
    assert {key for key, digest in layers.items() if digest in kept.layer_digests} <= remaining
    assert running.rollouts == ["{enabled: true}", "{enabled: false}"]
    assert api.denied == [] and api.unexpected == []
    # AND collection started only once old pods had had their termination grace period (30 s) to stop
    assert ended["enter-read-only"] - running.rollout_times[0] >= 30


def test_a_failed_collection_still_ends_the_window_and_fails_the_job(
        cluster: Callable[[list[Manifest]], Cluster], run_job: Callable[..., tuple[JobResult, FakeDeploymentApi]],
        skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN a registry whose stored manifest is damaged (garbage-collect stops on it)
    running = cluster(_registry(Storage.filesystem()))
    kept, _ = _kept_and_deleted(running, skopeo, make_image)
    _blob_path(tmp_path / "pvc" / NAMESPACE / "registry-data", kept.manifest_digest).write_text("not a manifest")

    # WHEN the CronJob's pod runs
    result, _ = run_job(running)

    # THEN the collection failed, the registry is read-write again all the same, and the Job fails with its code
    code = result.exit_codes["leave-read-only"]
    assert result.failed_init_container is None and result.exit_codes["garbage-collect"] == 0, result.logs
    assert code != 0, result.log("garbage-collect")
    assert running.rollouts == ["{enabled: true}", "{enabled: false}"]
    assert f"garbage collection exit code: {code}" in result.log("leave-read-only")
    assert _push_status(running) == 202


def test_without_permission_collection_is_skipped_and_the_job_fails(
        cluster: Callable[[list[Manifest]], Cluster], run_job: Callable[..., tuple[JobResult, FakeDeploymentApi]],
        skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN a registry with a deleted image, and a cluster without the RoleBinding (the pod's account may do nothing)
    manifests = _registry(Storage.filesystem())
    running = cluster(manifests)
    _, deleted = _kept_and_deleted(running, skopeo, make_image)

    # WHEN the CronJob's pod runs
    result, api = run_job(running, served=[m for m in manifests if m["kind"] != "RoleBinding"])

    # THEN kubectl was refused, nothing was collected or switched, and the Job fails saying why
    assert api.denied and all("denied" in line for line in api.denied), api.denied
    assert running.rollouts == []
    assert "garbage collection is skipped" in result.log("enter-read-only")
    assert "skipped: the registry is not read-only" in result.log("garbage-collect")
    assert _blob_path(tmp_path / "pvc" / NAMESPACE / "registry-data", deleted.layer_digests[0]).exists()
    # (a refusal is not retried: the Job ends at once)
    assert result.exit_codes == {"garbage-collect": 0, "leave-read-only": 1}, result.logs
    assert "could not set the registry back to read-write" in result.log("leave-read-only")
    assert len(api.denied) == 2, api.denied  # one attempt to enter, one to leave


def test_a_window_left_open_is_ended_by_the_next_run(
        cluster: Callable[[list[Manifest]], Cluster], run_job: Callable[..., tuple[JobResult, FakeDeploymentApi]],
        skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN a registry left read-only by a collection pod that died in its window (its node was lost), with a deleted
    # image
    manifests = _registry(Storage.filesystem())
    running = cluster(manifests)
    _, deleted = _kept_and_deleted(running, skopeo, make_image)
    left_open = copy.deepcopy(next(m for m in manifests if m["kind"] == "Deployment"))
    registry_container = left_open["spec"]["template"]["spec"]["containers"][0]
    registry_container["env"] = [{**e, "value": "{enabled: true}"} if e["name"] == READ_ONLY_VARIABLE else e
                                 for e in registry_container["env"]]
    running.roll_out(left_open)
    assert _push_status(running) == 405

    # WHEN the next scheduled run comes
    result, api = run_job(running, served=[left_open if m["kind"] == "Deployment" else m for m in manifests])

    # THEN it collects (kubectl finds the variable already set: nothing to roll out) and ends the window
    assert result.succeeded, result.logs
    assert not _blob_path(tmp_path / "pvc" / NAMESPACE / "registry-data", deleted.layer_digests[0]).exists()
    assert running.rollouts[-1] == "{enabled: false}"
    assert _push_status(running) == 202
    assert api.denied == [] and api.unexpected == []


def test_a_change_of_the_deployment_during_the_window_fails_the_job_loudly(
        cluster: Callable[[list[Manifest]], Cluster], run_job: Callable[..., tuple[JobResult, FakeDeploymentApi]],
        skopeo: Skopeo, make_image: MakeImage) -> None:
    # GIVEN a registry with a deleted image
    running = cluster(_registry(Storage.filesystem()))
    _kept_and_deleted(running, skopeo, make_image)
    reapplied: list[int] = []

    def reapply(container: str, code: int) -> None:
        if container == "enter-read-only":
            # WHEN (inside the window) someone re-applies the manifests, which say read-write
            api = apis[0]
            api.patch("registry", "registry", {"spec": {"template": {"spec": {"containers": [{
                "name": "registry", "env": [{"name": READ_ONLY_VARIABLE, "value": "{enabled: false}"}]}]}}}})
            reapplied.append(_push_status(running))

    apis: list[FakeDeploymentApi] = []
    result, api = run_job(running, after_container=reapply, on_api=apis.append)

    # THEN the registry took pushes during the collection, and the Job fails saying so
    assert reapplied == [202]
    assert result.exit_codes == {"garbage-collect": 0, "leave-read-only": 1}, result.logs
    assert "the Deployment changed during the window (from generation 2 to 3)" in result.log("leave-read-only")
    assert api.denied == [] and api.unexpected == []


def test_a_killed_collection_still_ends_the_window(
        cluster: Callable[[list[Manifest]], Cluster], run_job: Callable[..., tuple[JobResult, FakeDeploymentApi]],
        skopeo: Skopeo, make_image: MakeImage) -> None:
    # GIVEN a registry with a deleted image
    running = cluster(_registry(Storage.filesystem()))
    _kept_and_deleted(running, skopeo, make_image)

    # WHEN the collection's container is killed, every process of it, inside the window (as the OOM killer does)
    result, api = run_job(running, kill_after={"garbage-collect": 0.5})

    # THEN the other container sees its heartbeat stop, ends the window all the same, and fails the Job
    assert result.exit_codes["garbage-collect"] == 128 + signal.SIGKILL, result.logs  # Kubernetes' exitCode 137
    assert result.exit_codes["leave-read-only"] == 1, result.logs
    assert "the collection stopped without an exit code" in result.log("leave-read-only")
    assert running.rollouts == ["{enabled: true}", "{enabled: false}"]
    assert _push_status(running) == 202
    assert api.denied == [] and api.unexpected == []


# What distribution 2.8.2 writes last (stderr) and exits 1 with on a registry nothing has been pushed to.
NEVER_PUSHED = "failed to garbage collect: failed to mark: {driver}: Path not found: /docker/registry/v2/repositories"


def _s3_storage(s3_server: SeaweedS3, root_directory: str, secret_key: str | None = None) -> Storage:
    return Storage.s3(bucket=s3_server.bucket, region=s3_server.region, endpoint=s3_server.endpoint_url,
                      root_directory=root_directory, credentials=S3Credentials.from_values(
                          access_key_id=s3_server.access_key, secret_access_key=secret_key or s3_server.secret_key))


@pytest.mark.parametrize("storage_kind", ["filesystem", "s3"])
def test_collection_of_a_registry_never_pushed_to_is_a_successful_no_op(
        cluster: Callable[[list[Manifest]], Cluster], run_job: Callable[..., tuple[JobResult, FakeDeploymentApi]],
        request: pytest.FixtureRequest, tmp_path: pathlib.Path, storage_kind: str) -> None:
    # GIVEN a registry nothing has been pushed to: an empty claim, or an empty prefix of the bucket
    if storage_kind == "s3":
        s3_server: SeaweedS3 = request.getfixturevalue("s3_server")
        running = cluster(_registry(_s3_storage(s3_server, "/gc-never-pushed")))
        assert s3_server.list_keys(prefix="gc-never-pushed/") == []
        driver = "s3aws"
    else:
        running = cluster(_registry(Storage.filesystem()))
        assert not (tmp_path / "pvc" / NAMESPACE / "registry-data" / "docker/registry/v2/repositories").exists()
        driver = "filesystem"
    during_window: list[int] = []

    def after(container: str, code: int) -> None:
        if container == "enter-read-only":
            during_window.append(_push_status(running))

    # WHEN the CronJob's pod runs
    result, api = run_job(running, after_container=after)

    # THEN the whole window ran: read-only on (pushes refused), the real collection, read-only off
    assert during_window == [405]
    assert running.rollouts == ["{enabled: true}", "{enabled: false}"]
    collect = result.log("garbage-collect")
    assert NEVER_PUSHED.format(driver=driver) in collect, result.logs
    assert "nothing to collect: nothing has been pushed to this registry yet" in collect
    assert "garbage collection exit code: 0" in result.log("leave-read-only")
    # AND the Job succeeds: every container exited 0
    assert result.succeeded, result.logs
    assert result.exit_codes == {"garbage-collect": 0, "leave-read-only": 0}
    assert api.denied == [] and api.unexpected == []
    assert _push_status(running) == 202


def test_wrong_s3_keys_on_a_registry_never_pushed_to_still_fail_the_job(
        cluster: Callable[[list[Manifest]], Cluster], run_job: Callable[..., tuple[JobResult, FakeDeploymentApi]],
        s3_server: SeaweedS3) -> None:
    # GIVEN a registry on an empty prefix of the bucket, and a collection whose Secret holds a secret key the S3 server
    # refuses (the registry's pods still run with the right one)
    root = "/gc-wrong-keys"
    running = cluster(_registry(_s3_storage(s3_server, root)))
    wrong = _registry(_s3_storage(s3_server, root, secret_key="not-" + s3_server.secret_key))
    assert s3_server.list_keys(prefix="gc-wrong-keys/") == []

    # WHEN the CronJob's pod runs with those keys
    result, api = run_job(running, pod_objects=wrong)

    # THEN the collection failed on the keys, not taken for "nothing pushed", the window was ended all the same, and
    # the Job fails with the collection's code
    collect = result.log("garbage-collect")
    assert "failed to garbage collect: failed to mark: s3aws: SignatureDoesNotMatch" in collect, result.logs
    assert "nothing to collect" not in collect
    assert result.exit_codes == {"garbage-collect": 0, "leave-read-only": 1}, result.logs
    assert "garbage collection exit code: 1" in result.log("leave-read-only")
    assert running.rollouts == ["{enabled: true}", "{enabled: false}"]
    assert api.denied == [] and api.unexpected == []
