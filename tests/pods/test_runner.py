"""The library's registry pod, run for real under runc by tests/pods/runner.py: its init container, the registry and
its metrics sidecar with the synthesized securityContext and resources, probes from the node side, restarts."""

from __future__ import annotations

import base64
import copy
import http.client
import os
import pathlib
import random
import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from e2e._kube import Manifest, ObjectStore, UnsupportedSpec
from e2e._proc import HarnessError

from pods import _procfs, _runc
from pods.conftest import MakeRunner, PodsHost
from pods.runner import PodRunner, apply_fs_group

USER, PASSWORD = "alice", "pw-123456"


@pytest.fixture(scope="module")
def manifests() -> list[Manifest]:
    import cdk8s

    from constructs_lib import HtpasswdAuth, Registry, Storage

    app = cdk8s.Testing.app()
    chart = cdk8s.Chart(app, "t", namespace="registry")
    Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
             storage=Storage.filesystem())
    return list(cdk8s.Testing.synth(chart))


def _deployment(manifests: list[Manifest]) -> dict[str, Any]:
    found = [m for m in manifests if m["kind"] == "Deployment" and m["metadata"]["name"] == "registry"]
    assert len(found) == 1
    return copy.deepcopy(dict(found[0]))


class VethNetns:
    """A test network namespace joined to the host by a veth pair (host .1, pod .2 of a free /30): the pod's network
    until tests/pods/_network.py runs pods. Deleting the namespace deletes the pair."""

    def __init__(self, prefix: str) -> None:
        tag = f"{random.randrange(16 ** 5):05x}"
        self.name = f"{prefix}t{tag}"
        self.host_link, peer = f"{prefix}h{tag}", f"{prefix}p{tag}"
        used = subprocess.run(["ip", "-4", "-o", "addr"], capture_output=True, text=True, check=True).stdout
        while True:
            third, fourth = random.randrange(256), random.randrange(64) * 4
            base = f"10.254.{third}."
            if f" {base}{fourth + 1}/" not in used and f" {base}{fourth + 2}/" not in used:
                break
        self.host_ip, self.pod_ip = f"{base}{fourth + 1}", f"{base}{fourth + 2}"
        self.path = _runc.netns_add(self.name, None)
        try:
            for argv in (["ip", "link", "add", self.host_link, "type", "veth", "peer", "name", peer],
                         ["ip", "link", "set", peer, "netns", self.name],
                         ["ip", "addr", "add", f"{self.host_ip}/30", "dev", self.host_link],
                         ["ip", "link", "set", self.host_link, "up"],
                         ["ip", "-n", self.name, "addr", "add", f"{self.pod_ip}/30", "dev", peer],
                         ["ip", "-n", self.name, "link", "set", peer, "up"],
                         ["ip", "-n", self.name, "route", "add", "default", "via", self.host_ip]):
                subprocess.run(argv, capture_output=True, text=True, check=True)
        except BaseException:
            self.delete()
            raise

    def delete(self) -> None:
        _runc.netns_delete(self.name)
        subprocess.run(["ip", "link", "delete", self.host_link], capture_output=True, check=False)


@pytest.fixture
def veth(pods_host: PodsHost) -> Iterator[VethNetns]:
    net = VethNetns(pods_host.netns_prefix[:2] + "v")
    try:
        yield net
    finally:
        net.delete()
    links = subprocess.run(["ip", "-o", "link"], capture_output=True, text=True, check=True).stdout
    assert net.host_link not in links
    assert net.name not in _runc.netns_names(net.name)


def _get(host: str, port: int, path: str, auth: tuple[str, str] | None = None) -> tuple[int, bytes]:
    headers = {}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    conn = http.client.HTTPConnection(host, port, timeout=5)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_the_registry_pod_runs_under_runc_as_synthesized(make_runner: MakeRunner, manifests: list[Manifest],
                                                         veth: VethNetns) -> None:
    started = time.monotonic()
    store = ObjectStore(manifests)
    runner = make_runner(store)
    changes: list[bool] = []
    pod = runner.run(runner.workload("Deployment", "registry", "registry"), netns_path=veth.path,
                     pod_ip=veth.pod_ip, on_ready=lambda _pod, ready: changes.append(ready))
    assert pod.init_exit_codes == {"render-secrets": 0}
    pod.wait_ready(45)
    ready_after = time.monotonic() - started

    deployment = _deployment(manifests)
    pod_spec = deployment["spec"]["template"]["spec"]
    for container in pod_spec["containers"]:
        name = container["name"]
        security = container["securityContext"]
        assert security["runAsUser"] == 10001 and security["capabilities"] == {"drop": ["ALL"]}
        status = _procfs.status(pod.pid(name))
        assert status["Uid"].split() == ["10001"] * 4, (name, status["Uid"])
        assert status["Gid"].split() == ["10001"] * 4, (name, status["Gid"])
        assert status["Groups"].split() == ["10001"], (name, status["Groups"])  # fsGroup, as a supplementary group
        assert status["CapEff"] == status["CapPrm"] == status["CapBnd"] == "0000000000000000", (name, status)
        assert status["NoNewPrivs"] == "1", name
        assert status["Seccomp"] == "2", name  # filter mode: the RuntimeDefault profile
        assert "ro" in _procfs.root_mount_options(pod.pid(name)), name
        limit = container["resources"]["limits"]["memory"]
        expected = {"512Mi": 512 * 2 ** 20, "32Mi": 32 * 2 ** 20}[limit]
        assert int(pod.cgroup_file(name, "memory", "memory.limit_in_bytes").read_text()) == expected
        cpu = {"1": 100_000, "100m": 10_000}[container["resources"]["limits"]["cpu"]]
        assert int(pod.cgroup_file(name, "cpu", "cpu.cfs_quota_us").read_text()) == cpu
        assert str(pod.pid(name)) in pod.cgroup_file(name, "memory", "cgroup.procs").read_text().split()

    # The volumes as the kubelet makes them: tmpfs emptyDir with the size limit, group-owned by fsGroup, setgid.
    rendered = pod.volume_path("rendered")
    assert rendered.stat().st_gid == 10001 and rendered.stat().st_mode & 0o2000
    assert any(point == str(rendered) for point in _runc.mounts_under(rendered))
    htpasswd = pod.volume_path("htpasswd") / "htpasswd"
    assert htpasswd.is_symlink() and (pod.volume_path("htpasswd") / "..data").is_symlink()
    assert htpasswd.stat().st_mode & 0o777 == 0o440 and htpasswd.stat().st_gid == 10001
    hosts = (pod.pod_dir / "etc-hosts").read_text()
    assert hosts.startswith("# Kubernetes-managed hosts file.") and f"{veth.pod_ip}\t{pod.name}\n" in hosts

    # Through the pod's network, from the host: auth is enforced, the metrics sidecar reaches the debug port over
    # the pod's shared loopback.
    assert _get(veth.pod_ip, 5000, "/v2/")[0] == 401
    assert _get(veth.pod_ip, 5000, "/v2/", (USER, PASSWORD))[0] == 200
    assert _get(veth.pod_ip, 5000, "/v2/", (USER, "wrong"))[0] == 401
    status_code, body = _get(veth.pod_ip, 5001, "/metrics")
    assert status_code == 200 and (b"registry_" in body or b"go_goroutines" in body), body[:300]

    # The registry process dies: restartPolicy Always restarts it, the pod leaves and rejoins the endpoints.
    old_pid = pod.pid("registry")
    os.kill(old_pid, signal.SIGKILL)
    pod.wait_restarted("registry", 1, 20)
    assert pod.pid("registry") != old_pid
    assert pod.status["registry"].exit_codes == [137]
    pod.wait_ready(30)
    assert changes == [True, False, True]
    assert _get(veth.pod_ip, 5000, "/v2/", (USER, PASSWORD))[0] == 200
    assert pod.restart_count("metrics") == 0
    pod.stop()
    print(f"registry pod: Ready after {ready_after:.1f} s; whole test {time.monotonic() - started:.1f} s")


def _busybox_deployment(container: Mapping[str, Any], *, volumes: list[dict[str, Any]] | None = None,
                        security: Mapping[str, Any] | None = None, kind: str = "Deployment") -> dict[str, Any]:
    pod_spec: dict[str, Any] = {
        "automountServiceAccountToken": False, "containers": [dict(container)], "volumes": volumes or [],
        "securityContext": dict(security or {}), "terminationGracePeriodSeconds": 1,
        "restartPolicy": "Always" if kind == "Deployment" else "Never"}
    template = {"metadata": {"labels": {"app": "t"}}, "spec": pod_spec}
    spec: dict[str, Any] = {"template": template}
    if kind == "Deployment":
        spec["selector"] = {"matchLabels": {"app": "t"}}
    return {"apiVersion": "apps/v1" if kind == "Deployment" else "batch/v1", "kind": kind,
            "metadata": {"name": "t", "namespace": "default"}, "spec": spec}


def test_a_liveness_failure_restarts_the_container(make_runner: MakeRunner) -> None:
    """httpGet liveness every second, two failures: the kubelet kills and restarts the container (here without a
    network of the caller's: the runner's private namespace, probed from inside it)."""
    container = {
        "name": "web", "image": "busybox:1.36",
        "command": ["sh", "-c", "echo ok > /www/healthz && exec httpd -f -p 8080 -h /www"],
        "ports": [{"containerPort": 8080, "name": "http"}],
        "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 1, "failureThreshold": 2,
                          "timeoutSeconds": 1},
        "readinessProbe": {"tcpSocket": {"port": 8080}, "periodSeconds": 1},
        "securityContext": {"runAsUser": 1000, "runAsGroup": 1000, "allowPrivilegeEscalation": False,
                            "readOnlyRootFilesystem": True, "capabilities": {"drop": ["ALL"]}},
        "volumeMounts": [{"name": "www", "mountPath": "/www"}],
    }
    workload = _busybox_deployment(container, volumes=[{"name": "www", "emptyDir": {}}],
                                   security={"fsGroup": 2000, "seccompProfile": {"type": "RuntimeDefault"}})
    runner = make_runner(ObjectStore([workload]))
    pod = runner.run(workload)
    pod.wait_ready(15)
    healthz = pod.volume_path("www") / "healthz"
    assert healthz.read_text() == "ok\n" and healthz.stat().st_gid == 2000  # setgid emptyDir: fsGroup's file
    first = pod.pid("web")
    healthz.unlink()  # GET /healthz answers 404 from now on
    pod.wait_restarted("web", 1, 15)
    assert pod.pid("web") != first
    assert any("liveness probe failed" in message for _, _, message in pod.events), pod.events
    pod.wait_ready(10)
    time.sleep(2.5)  # the new instance wrote the file again: its liveness probe passes, no further restart
    assert pod.restart_count("web") == 1 and pod.ready
    pod.stop()


def test_a_job_pod_runs_to_completion_with_its_groups_and_mounts(make_runner: MakeRunner) -> None:
    container = {
        "name": "main", "image": "busybox",
        "command": ["sh", "-c", "id -u; id -G; cat /etc/hostname; touch /data/x && echo wrote; touch /x || true"],
        "securityContext": {"runAsUser": 1234, "readOnlyRootFilesystem": True},
        "volumeMounts": [{"name": "data", "mountPath": "/data"}],
    }
    workload = _busybox_deployment(container, kind="Job",
                                   volumes=[{"name": "data", "emptyDir": {"medium": "Memory", "sizeLimit": "1Mi"}}],
                                   security={"runAsGroup": 4321, "supplementalGroups": [7], "fsGroup": 555})
    pod = make_runner(ObjectStore([workload])).run(workload)
    assert pod.wait(15) == {"main": 0}
    lines = pod.log("main").splitlines()
    assert lines[:4] == ["1234", "4321 7 555", pod.name, "wrote"], lines
    assert "Read-only file system" in pod.log("main")
    pod.stop()


def _change(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def apply(deployment: dict[str, Any]) -> None:
        node: Any = deployment["spec"]["template"]["spec"]
        *parents, last = path.split(".")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
        node[last] = value
    return apply


def test_a_deleted_pod_is_unready_at_once_and_runs_its_pre_stop_hook_before_the_sigterm(
        make_runner: MakeRunner) -> None:
    """As the kubelet deletes a pod: its endpoints go (not Ready) while the preStop exec runs in the container, as the
    container's user; SIGTERM only after it, within the grace period."""
    container = {
        "name": "web", "image": "busybox:1.36",
        "command": ["sh", "-c", ("trap 'echo got TERM after $(cat /www/hook); exit 0' TERM; "
                                 "echo running; while :; do sleep 0.1; done")],
        "lifecycle": {"preStop": {"exec": {"command": [
            "sh", "-c", "id -u > /www/hook; sleep 2; echo done >> /www/hook"]}}},
        "securityContext": {"runAsUser": 1000, "runAsGroup": 1000, "allowPrivilegeEscalation": False,
                            "readOnlyRootFilesystem": True, "capabilities": {"drop": ["ALL"]}},
        "volumeMounts": [{"name": "www", "mountPath": "/www"}],
    }
    workload = _busybox_deployment(container, volumes=[{"name": "www", "emptyDir": {}}])
    workload["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] = 10
    changes: list[tuple[float, bool]] = []
    pod = make_runner(ObjectStore([workload])).run(workload, on_ready=lambda _, ready: changes.append(
        (time.monotonic(), ready)))
    pod.wait_ready(15)
    hook = pod.volume_path("www") / "hook"
    began = time.monotonic()
    pod.stop()
    ended = time.monotonic()
    # THEN not Ready first, then the hook (2 s, as uid 1000), then SIGTERM, which the shell answered at once
    assert changes[-1][1] is False and changes[-1][0] - began < 0.5, changes
    assert 2.0 <= ended - began < 8, ended - began
    assert "got TERM after 1000 done" in pod.log("web"), pod.log("web")
    assert hook.read_text() == "1000\ndone\n"  # the hook ran to its end, as the container's user
    assert [message for _, name, message in pod.events if name == "web" and "preStop" in message] == [
        "preStop hook exited 0"]


@pytest.mark.parametrize(("change", "named"), [
    (_change("containers.0.securityContext.privileged", True), "privileged"),
    (_change("containers.0.securityContext.seLinuxOptions", {"level": "s0"}), "seLinuxOptions"),
    (_change("securityContext.seccompProfile", {"type": "Localhost", "localhostProfile": "x.json"}), "Localhost"),
    (_change("containers.0.resources.limits.ephemeral-storage", "1Gi"), "ephemeral-storage"),
    (_change("containers.0.livenessProbe", {"exec": {"command": ["true"]}}), "exec"),
    (_change("containers.0.ports.0.hostPort", 5000), "hostPort"),
    (_change("containers.0.lifecycle", {"preStop": {"sleep": {"seconds": 1}}}), "lifecycle.preStop"),
    (_change("containers.0.lifecycle", {"postStart": {"exec": {"command": ["true"]}}}), "lifecycle"),
    (_change("containers.1.image", "joxit/docker-registry-ui:2.5.8"), "joxit/docker-registry-ui"),  # before 2.6.0
    (_change("containers.0.image", "registry:3.0.0"), "registry:3"),
    (_change("containers.0.securityContext.runAsUser", 0), "runAsNonRoot"),
    (_change("automountServiceAccountToken", True), "automountServiceAccountToken"),
    (_change("dnsPolicy", "None"), "dnsPolicy"),
    (_change("hostNetwork", True), "hostNetwork"),
])
def test_a_field_the_runner_cannot_honour_is_refused_by_name(make_runner: MakeRunner, manifests: list[Manifest],
                                                            change: Callable[[dict[str, Any]], None],
                                                            named: str) -> None:
    deployment = _deployment(manifests)
    change(deployment)
    runner = make_runner(ObjectStore([m for m in manifests if m["kind"] != "Deployment"] + [deployment]))
    with pytest.raises(UnsupportedSpec, match=named):
        runner.run(deployment)
    assert not runner.pods  # refused before anything was made


def test_a_failing_init_container_fails_the_pod_with_its_log(make_runner: MakeRunner,
                                                            manifests: list[Manifest]) -> None:
    deployment = _deployment(manifests)
    deployment["spec"]["template"]["spec"]["initContainers"][0]["command"] = [
        "/bin/sh", "-c", "echo cannot render >&2; exit 3"]
    runner = make_runner(ObjectStore([m for m in manifests if m["kind"] != "Deployment"] + [deployment]))
    with pytest.raises(HarnessError, match=r"(?s)init container 'render-secrets'.*exited with 3.*cannot render"):
        runner.run(deployment)


def test_fs_group_change_policy_on_root_mismatch_skips_a_matching_root(tmp_path: pathlib.Path) -> None:
    root = tmp_path / "claim"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "file").write_text("x")
    assert apply_fs_group(root, 4242, readonly=False, policy="OnRootMismatch")
    assert (root / "sub" / "file").stat().st_gid == 4242 and (root / "sub").stat().st_mode & 0o2000
    assert (root / "sub" / "file").stat().st_mode & 0o660 == 0o660
    os.chown(root / "sub" / "file", 0, 0)
    assert not apply_fs_group(root, 4242, readonly=False, policy="OnRootMismatch")  # the root matches: no walk
    assert (root / "sub" / "file").stat().st_gid == 0
    assert apply_fs_group(root, 4242, readonly=False, policy="Always")
    assert (root / "sub" / "file").stat().st_gid == 4242


def test_the_runtime_default_profile_is_converted_for_the_container_capabilities() -> None:
    none = _runc.runtime_default_seccomp([])
    admin = _runc.runtime_default_seccomp(["CAP_SYS_ADMIN", "CAP_SYS_CHROOT"])
    assert none["defaultAction"] == "SCMP_ACT_ERRNO" and none["architectures"][0] == "SCMP_ARCH_X86_64"
    assert all(set(rule) <= {"names", "action", "args", "errnoRet"} for rule in none["syscalls"])

    def allowed(profile: dict[str, Any]) -> set[str]:
        return {name for rule in profile["syscalls"] if rule["action"] == "SCMP_ACT_ALLOW" and not rule.get("args")
                for name in rule["names"]}

    assert {"bpf", "sethostname", "chroot"} & allowed(none) == set()
    assert {"bpf", "sethostname", "chroot"} <= allowed(admin)
    assert {"read", "write", "openat", "clone"} <= allowed(none)


def test_the_leftover_check_names_what_a_forgotten_pod_leaves(pods_host: PodsHost, tmp_path: pathlib.Path) -> None:
    # GIVEN a pod of its own network namespace and a memory emptyDir, still running when its test would end
    container = {"name": "main", "image": "busybox:1.36", "command": ["sleep", "600"],
                 "volumeMounts": [{"name": "scratch", "mountPath": "/scratch"}]}
    workload = _busybox_deployment(container, volumes=[{"name": "scratch", "emptyDir": {"medium": "Memory"}}])
    workdir = pods_host.base / f"{tmp_path.name}-forgotten"
    runner = PodRunner(workdir, ObjectStore([workload]), state_dir=pods_host.state_dir,
                       cgroup_parent=f"{pods_host.cgroup_prefix}/forgotten")
    try:
        pod = runner.run(workload)
        # WHEN the session's check looks
        found = pods_host.leftovers()
    finally:
        runner.close()

    # THEN it names the container, its cgroup, the volume's mount and the pod's network namespace; once the pod is
    # stopped, nothing is left
    assert any(item.startswith("runc container") and pod.name in item for item in found), found
    assert any(item.startswith("cgroup") and item.endswith(pods_host.cgroup_prefix) for item in found), found
    assert any(item.startswith("mount") and str(workdir) in item for item in found), found
    assert any(item.startswith("netns") for item in found), found
    assert pods_host.leftovers() == []
