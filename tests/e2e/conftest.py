"""Fixtures that tie the e2e harness's real processes to test lifetimes: nothing started here outlives its scope.

The registry runs as a pod (tests/pods/registry_pod.py: runc, a network namespace and IP of its own, its
NetworkPolicies enforced) on one ClusterNetwork per test module; the S3 server runs in a pod of namespace `minio`
behind the Service `minio.minio.svc.cluster.local:9000`, where the default app looks for MinIO."""

from __future__ import annotations

import itertools
import pathlib
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import pytest
import trustme
from pods._host import PodsHost
from pods._network import ClusterNetwork
from pods.registry_pod import RegistryPod

from . import _proc
from ._client import SKOPEO, OciImage, Skopeo, write_oci_image
from ._redis import RedisServer
from ._registry import REGISTRY_BINARY
from ._s3 import SeaweedS3, s3_in_cluster, weed_binary
from ._tls import TlsFiles, write_tls_files
from ._token import TokenServer

StartRegistry = Callable[..., RegistryPod]
MakeImage = Callable[..., OciImage]
MakeRedis = Callable[[str], RedisServer]
MakeTokenServer = Callable[[Mapping[str, str]], TokenServer]


@pytest.fixture(scope="session", autouse=True)
def _e2e_tools_and_no_leaks() -> Iterator[None]:
    # make test installs these (TEST_DEBIAN_PACKAGES in the Makefile, requirements-dev.txt): a missing one is a
    # failure, never a skip.
    missing = [tool for tool in (REGISTRY_BINARY, SKOPEO) if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"e2e tools missing: {missing} (Debian packages docker-registry, skopeo: make test installs them)")
    weed_binary()
    yield
    leaked = _proc.kill_all_live()
    if leaked:
        pytest.fail(f"processes outlived their fixtures (killed now): {leaked}")


@pytest.fixture(scope="session")
def tls_ca() -> trustme.CA:
    """The test CA: every client trusts it only; each registry pod gets a certificate of it for its pod IP."""
    return trustme.CA()


@pytest.fixture(scope="session")
def tls_files(tls_ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """The test CA and a server certificate for 127.0.0.1/localhost (for servers on the host)."""
    return write_tls_files(tls_ca, tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def s3_server(cluster_net: ClusterNetwork) -> Iterator[SeaweedS3]:
    """One SeaweedFS S3 server per test module in a pod of namespace `minio` (port 9000, as MinIO's), also behind the
    Service minio.minio.svc.cluster.local:9000; tests keep apart by using their own root directory (key prefix)."""
    with s3_in_cluster(cluster_net, bucket="registry-e2e") as server:
        yield server


@pytest.fixture
def make_redis(tmp_path: pathlib.Path, cluster_net: ClusterNetwork) -> Iterator[MakeRedis]:
    """make_redis(password): a real Redis in a pod of namespace `cache` (port 6379, address = its pod IP), ended with
    the test."""
    made: list[tuple[RedisServer, Any]] = []

    def make(password: str) -> RedisServer:
        pod = cluster_net.add_pod("cache", f"redis-{len(made)}", {"app.kubernetes.io/name": "redis"})
        server = RedisServer(tmp_path / f"redis-{len(made)}", password=password, host=pod.ip, port=6379,
                             wrap=pod.argv)
        made.append((server, pod))
        return server.start()

    try:
        yield make
    finally:
        for server, pod in made:
            server.stop()
            cluster_net.remove_pod(pod)


@pytest.fixture
def make_token_server(tmp_path: pathlib.Path, cluster_net: ClusterNetwork) -> Iterator[MakeTokenServer]:
    """make_token_server(users): a registry token server on the node's IP, port 5000 (a pull-through cache's egress
    rule, its upstream's port, covers it, as 443 covers both a hosted registry and its token service); a registry pod
    uses it with overrides=server.registry_overrides(), files=server.registry_files()."""
    made: list[TokenServer] = []

    def make(users: Mapping[str, str]) -> TokenServer:
        if made:
            raise RuntimeError("one token server per test (port 5000 of the node)")
        made.append(TokenServer(tmp_path / "token", users=users, host=cluster_net.node_ip, port=5000))
        return made[-1].start()

    try:
        yield make
    finally:
        for server in made:
            server.stop()


_runners = itertools.count(1)


@pytest.fixture
def start_registry(tmp_path: pathlib.Path, tls_ca: trustme.CA, pods_host: PodsHost,
                   cluster_net: ClusterNetwork) -> Iterator[StartRegistry]:
    """start_registry(manifests, extra_objects=(), *, start=True, tls=True, **RegistryPod kwargs): a pod.

    Every pod of one test shares its claims' folders (tmp_path/pvc), as pods sharing a claim would; all are deleted
    (with their networks and policies) when the test ends.
    """
    started: list[RegistryPod] = []
    counter = itertools.count(1)

    def start(manifests: Sequence[Mapping[str, Any]], extra_objects: Sequence[Mapping[str, Any]] = (), *,
              start: bool = True, tls: bool = True, **kwargs: Any) -> RegistryPod:
        number = next(_runners)
        pod = RegistryPod(manifests, extra_objects=extra_objects, net=cluster_net,
                          workdir=pods_host.base / f"e2e-{tmp_path.name}-{next(counter)}",
                          state_dir=pods_host.state_dir, cgroup_parent=f"{pods_host.cgroup_prefix}/e{number}",
                          tls=tls_ca if tls else None, pvc_root=tmp_path / "pvc", **kwargs)
        started.append(pod)
        return pod.start() if start else pod

    try:
        yield start
    finally:
        for pod in reversed(started):
            pod.close()


@pytest.fixture
def skopeo(tmp_path: pathlib.Path, tls_files: TlsFiles) -> Skopeo:
    """skopeo trusting the test CA, with its policy, auth and temporary files in the test's folder."""
    return Skopeo(tmp_path / "skopeo", tls=tls_files)


@pytest.fixture
def make_image(tmp_path: pathlib.Path) -> MakeImage:
    """make_image(layer_sizes=(32 KiB,), tag="latest", seed=None): a new OCI layout with random layers."""
    counter = itertools.count(1)

    def make(layer_sizes: Sequence[int] = (32 * 1024,), *, tag: str = "latest", seed: int | None = None) -> OciImage:
        return write_oci_image(tmp_path / f"image-{next(counter)}", tag=tag, layer_sizes=layer_sizes, seed=seed)

    return make
