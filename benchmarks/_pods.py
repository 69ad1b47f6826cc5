"""The benchmarks' registries run as the tests' do: the synthesized pod under runc (tests/pods), on a cluster network
of its own, with the container's cgroup limits and the manifests' NetworkPolicies; clients and Traefik run on the
node and talk to the pod IP."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import pathlib
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pods._host import PodsHost
    from pods._network import ClusterNetwork
    from pods.registry_pod import RegistryPod

_numbers = itertools.count(1)


@dataclasses.dataclass(frozen=True)
class Cluster:
    host: PodsHost
    net: ClusterNetwork
    workdir: pathlib.Path

    @contextlib.contextmanager
    def registry(self, manifests: Sequence[Mapping[str, Any]], *, extra_objects: Sequence[Mapping[str, Any]] = (),
                 pvc_root: pathlib.Path | None = None,
                 overrides: Mapping[str, str] | None = None) -> Iterator[RegistryPod]:
        """The registry's pod of `manifests` on plain HTTP (in the cluster the ingress terminates TLS), started and
        answering; deleted with its network and policies afterwards."""
        from pods.registry_pod import RegistryPod

        number = next(_numbers)
        workdir = self.workdir / f"registry-{number}"
        pod = RegistryPod(manifests, extra_objects=extra_objects, net=self.net, workdir=workdir,
                          state_dir=self.host.state_dir, cgroup_parent=f"{self.host.cgroup_prefix}/b{number}",
                          tls=None, pvc_root=pvc_root or workdir / "pvc", overrides=overrides)
        try:
            yield pod.start()
        finally:
            pod.close()


@contextlib.contextmanager
def cluster(workdir: pathlib.Path) -> Iterator[Cluster]:
    """A pod host and one cluster network below `workdir`; raises when the host cannot run pods (root, runc, ...) or
    when anything was left behind afterwards."""
    from pods._host import open_pods_host
    from pods._network import ClusterNetwork, leftovers, unique_prefix

    prefix = unique_prefix("bn")
    with open_pods_host(workdir / "pods") as host, ClusterNetwork(prefix) as net:
        yield Cluster(host, net, workdir / "pods")
    left = leftovers(prefix)
    if left:
        raise RuntimeError(f"the benchmark's cluster network left {left}")


def registry_pid(registry: RegistryPod) -> int:
    """The host PID of the registry container's first process (its CPU time and memory are read from /proc)."""
    assert registry.pod is not None, "not started"
    return registry.pod.pid(registry.container)
