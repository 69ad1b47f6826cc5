"""RegistryPod, the e2e and Traefik tests' registry: the synthesized pod runs isolated as written (its user, no new
privileges, seccomp, read-only root, a network namespace of its own, its NetworkPolicy in force), the harness's
changes are only the ones it names (environment entries, the TLS Secret volume, probe schemes), and bad input fails
before anything exists, leaving nothing behind."""

from __future__ import annotations

import os
import pathlib

import pytest
import trustme
from e2e._constructs import synth
from e2e._proc import HarnessError
from e2e.harness import RegistryApi

from constructs_lib import HtpasswdAuth, Registry, Storage

from . import _procfs
from ._host import PodsHost
from ._network import ClusterNetwork
from .registry_pod import TLS_MOUNT, RegistryPod

USER = ("alice", "alice password")


def _manifests() -> list[dict[str, object]]:
    return synth(lambda chart: Registry(chart, "Registry", name="registry", storage=Storage.filesystem(),
                                        auth=HtpasswdAuth.from_users(dict([USER]), cost=4)))


def _pod(pods_host: PodsHost, net: ClusterNetwork, tmp_path: pathlib.Path, **kwargs: object) -> RegistryPod:
    return RegistryPod(_manifests(), net=net, workdir=pods_host.base / f"rp-{tmp_path.name}",
                       state_dir=pods_host.state_dir, cgroup_parent=f"{pods_host.cgroup_prefix}/rp-{tmp_path.name}",
                       pvc_root=tmp_path / "pvc", default_namespace="registry", **kwargs)  # type: ignore[arg-type]


def test_the_registry_pod_runs_isolated_as_synthesized(pods_host: PodsHost, cluster_net: ClusterNetwork,
                                                        tmp_path: pathlib.Path) -> None:
    # GIVEN the synthesized registry with a claim, as a pod with the test CA's certificate
    manifests = _manifests()
    deployment = next(m for m in manifests if m["kind"] == "Deployment")
    pod_security = deployment["spec"]["template"]["spec"]["securityContext"]  # type: ignore[index]
    with _pod(pods_host, cluster_net, tmp_path, tls=trustme.CA()) as registry:
        assert registry.pod is not None
        pid = registry.pod.pid("registry")
        # THEN its process runs as the pod's user, without new privileges, under seccomp, on a read-only root
        status = _procfs.status(pid)
        assert status["Uid"].split()[0] == str(pod_security["runAsUser"])
        assert status["NoNewPrivs"] == "1" and status["Seccomp"] == "2"
        assert "ro" in _procfs.root_mount_options(pid)
        # AND in a network namespace of its own, listening there only (nothing of it on the host)
        assert os.stat(f"/proc/{pid}/ns/net").st_ino != os.stat("/proc/self/ns/net").st_ino
        assert 5000 in registry.exposed_ports() and registry.ip.startswith("10.")
        # AND clients verify its certificate for the pod IP, and it asks for credentials
        api = RegistryApi(registry.address, tls=registry.tls, creds=USER)
        assert api.request("GET", "/v2/")[0] == 200
        api.assert_auth_required()
        # AND the harness's changes are the named ones: TLS from its Secret volume, the probes' scheme
        environ = registry.environ()
        assert environ["REGISTRY_HTTP_TLS_CERTIFICATE"] == f"{TLS_MOUNT}/tls.crt"
        assert registry.overrides == {"REGISTRY_HTTP_TLS_CERTIFICATE": f"{TLS_MOUNT}/tls.crt",
                                      "REGISTRY_HTTP_TLS_KEY": f"{TLS_MOUNT}/tls.key"}
        assert registry.check_probes() == {"readinessProbe": 200, "livenessProbe": 200, "startupProbe": 200}
        # AND the claim's data is on the claim's folder
        claim = registry.host_path("/var/lib/registry")
        assert claim.parent.parent == tmp_path / "pvc"
        # AND its NetworkPolicy is in force for the pod's labels while it exists
        assert {p["metadata"]["name"] for p in registry.policies} == {"registry"}
        podnet = registry.podnet
    # THEN closing leaves neither its network nor its policy
    assert podnet not in cluster_net.pods
    with pytest.raises(HarnessError, match="no NetworkPolicy"):
        cluster_net.delete_network_policy("registry", "registry")


def test_overrides_replace_the_containers_entries_and_a_killed_registry_is_restarted_in_the_same_pod(
        pods_host: PodsHost, cluster_net: ClusterNetwork, tmp_path: pathlib.Path) -> None:
    # GIVEN an override of a variable the container already sets
    registry = _pod(pods_host, cluster_net, tmp_path, tls=None,
                    overrides={"REGISTRY_LOG_LEVEL": "debug", "OTEL_TRACES_EXPORTER": "none"})
    try:
        container = next(c for c in registry.patch["spec"]["template"]["spec"]["containers"]
                         if c["name"] == "registry")
        names = [e["name"] for e in container["env"]]
        # THEN it replaces the entry (once), and a new one is appended
        assert names.count("REGISTRY_LOG_LEVEL") == 1 and names[-1] == "OTEL_TRACES_EXPORTER"
        assert {"name": "REGISTRY_LOG_LEVEL", "value": "debug"} in container["env"]
        # WHEN it runs and its container is killed
        registry.start()
        assert registry.environ()["REGISTRY_LOG_LEVEL"] == "debug"
        assert registry.pod is not None
        first_pid = registry.pod.pid("registry")
        registry.restart(pod_replaced=False)
        # THEN the kubelet restarted it in the same pod (same pod object, a new process), and it serves again
        assert registry.pod is not None and registry.pod.restart_count("registry") == 1
        assert registry.pod.pid("registry") != first_pid
        assert RegistryApi(registry.address, tls=None, creds=USER).request("GET", "/v2/")[0] == 200
        assert len(registry.pods) == 1
    finally:
        registry.close()


def test_fails_without_a_workload_with_the_container_and_leaves_nothing(
        pods_host: PodsHost, cluster_net: ClusterNetwork, tmp_path: pathlib.Path) -> None:
    before = list(cluster_net.pods)
    with pytest.raises(HarnessError, match=r"expected exactly one Deployment/StatefulSet with a container 'nope'"):
        _pod(pods_host, cluster_net, tmp_path, container="nope")
    assert cluster_net.pods == before


def test_fails_when_the_container_configures_tls_itself_and_leaves_nothing(
        pods_host: PodsHost, cluster_net: ClusterNetwork, tmp_path: pathlib.Path) -> None:
    before = list(cluster_net.pods)
    with pytest.raises(HarnessError, match=r"configures TLS itself.*REGISTRY_HTTP_TLS_CERTIFICATE"):
        RegistryPod(_manifests_with_own_tls(), net=cluster_net, workdir=pods_host.base / f"rp-{tmp_path.name}",
                    state_dir=pods_host.state_dir, cgroup_parent=f"{pods_host.cgroup_prefix}/rp-{tmp_path.name}",
                    default_namespace="registry", tls=trustme.CA())
    assert cluster_net.pods == before


def _manifests_with_own_tls() -> list[dict[str, object]]:
    manifests = _manifests()
    deployment = next(m for m in manifests if m["kind"] == "Deployment")
    container = next(c for c in deployment["spec"]["template"]["spec"]["containers"]  # type: ignore[index]
                     if c["name"] == "registry")
    container["env"] = [*container.get("env", []), {"name": "REGISTRY_HTTP_TLS_CERTIFICATE", "value": "/own.crt"}]
    return manifests
