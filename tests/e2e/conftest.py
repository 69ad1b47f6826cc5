"""Fixtures that tie the e2e harness's real processes to test lifetimes: nothing started here outlives its scope."""

from __future__ import annotations

import itertools
import pathlib
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import pytest
import trustme

from . import _proc
from ._client import SKOPEO, OciImage, Skopeo, write_oci_image
from ._registry import REGISTRY_BINARY, RegistryProcess
from ._s3 import SeaweedS3, weed_binary
from ._tls import TlsFiles, write_tls_files

StartRegistry = Callable[..., RegistryProcess]
MakeImage = Callable[..., OciImage]


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
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """A trustme CA and a server certificate for 127.0.0.1/localhost: the TLS the ingress gives in the cluster."""
    return write_tls_files(trustme.CA(), tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def s3_server() -> Iterator[SeaweedS3]:
    """One SeaweedFS S3 server per test module; tests keep apart by using their own root directory (key prefix)."""
    server = SeaweedS3(bucket="registry-e2e").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def start_registry(tmp_path: pathlib.Path, tls_files: TlsFiles) -> Iterator[StartRegistry]:
    """start_registry(manifests, extra_objects=(), *, start=True, tls=True, **RegistryProcess kwargs).

    Every process of one test shares its PVC folders (tmp_path/pvc), as pods sharing a claim would; all are stopped
    when the test ends.
    """
    started: list[RegistryProcess] = []
    counter = itertools.count(1)

    def start(manifests: Sequence[Mapping[str, Any]], extra_objects: Sequence[Mapping[str, Any]] = (), *,
              start: bool = True, tls: bool = True, **kwargs: Any) -> RegistryProcess:
        workdir = tmp_path / f"registry-{next(counter)}"
        process = RegistryProcess(manifests, extra_objects=extra_objects, workdir=workdir,
                                  tls=tls_files if tls else None, pvc_root=tmp_path / "pvc", **kwargs)
        started.append(process)
        return process.start() if start else process

    try:
        yield start
    finally:
        for process in started:
            process.stop()


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
