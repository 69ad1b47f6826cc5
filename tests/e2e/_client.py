"""The client side: OCI images written from Python, Debian's skopeo for push/pull/delete, and the registry HTTP API."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import pathlib
import random
import subprocess
import tarfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from ._proc import HarnessError
from ._registry import http_request
from ._tls import TlsFiles

SKOPEO = "/usr/bin/skopeo"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
MANIFEST_TYPES = (OCI_MANIFEST, "application/vnd.docker.distribution.manifest.v2+json", OCI_INDEX,
                  "application/vnd.docker.distribution.manifest.list.v2+json")
MANIFEST_ACCEPT = ", ".join(MANIFEST_TYPES)
Credentials = tuple[str, str]


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------------------------------------------------
# OCI image layouts

@dataclass(frozen=True)
class OciImage:
    path: pathlib.Path
    tag: str
    manifest_digest: str
    config_digest: str
    layer_digests: tuple[str, ...]

    @property
    def reference(self) -> str:
        """skopeo's name for it: oci:DIR:TAG."""
        return f"oci:{self.path}:{self.tag}"

    def blob(self, digest: str) -> bytes:
        algorithm, hexdigest = digest.split(":", 1)
        return (self.path / "blobs" / algorithm / hexdigest).read_bytes()

    @property
    def manifest(self) -> bytes:
        return self.blob(self.manifest_digest)


def write_oci_image(path: pathlib.Path, *, tag: str = "latest", layer_sizes: Sequence[int] = (32 * 1024,),
                    seed: int | None = None, layer_seeds: Sequence[int | None] = ()) -> OciImage:
    """An OCI image layout with one gzipped tar layer per size, each holding a file of that many random bytes.
    `layer_seeds[i]`, where given and not None, makes layer i's bytes those of that seed alone: the same layer in
    several images."""
    rng = random.Random(seed) if seed is not None else None
    put = _blob_writer(path)
    manifest, manifest_digest = _write_image_manifest(put, rng, layer_sizes, architecture="amd64",
                                                      layer_seeds=layer_seeds)
    _write_layout(path, [{"mediaType": OCI_MANIFEST, "digest": manifest_digest, "size": len(manifest),
                          "annotations": {"org.opencontainers.image.ref.name": tag}}])
    return read_oci_image(path, tag)


def _blob_writer(path: pathlib.Path) -> Callable[[bytes], str]:
    blobs = path / "blobs" / "sha256"
    blobs.mkdir(parents=True)

    def put(data: bytes) -> str:
        digest = sha256(data)
        (blobs / digest.split(":", 1)[1]).write_bytes(data)
        return digest

    return put


def _write_image_manifest(put: Callable[[bytes], str], rng: random.Random | None, layer_sizes: Sequence[int], *,
                          architecture: str, layer_seeds: Sequence[int | None] = ()) -> tuple[bytes, str]:
    """One image's layers, config and manifest into the layout's blobs: (manifest bytes, manifest digest)."""
    layers, diff_ids = [], []
    for index, size in enumerate(layer_sizes):
        layer_seed = layer_seeds[index] if index < len(layer_seeds) else None
        content = (random.Random(layer_seed).randbytes(size) if layer_seed is not None
                   else rng.randbytes(size) if rng is not None else os.urandom(size))
        tar_bytes = io.BytesIO()
        with tarfile.open(fileobj=tar_bytes, mode="w", format=tarfile.PAX_FORMAT) as tar:
            info = tarfile.TarInfo(f"layer-{index}.bin")
            info.size, info.mtime, info.mode = size, 0, 0o644
            tar.addfile(info, io.BytesIO(content))
        diff_ids.append(sha256(tar_bytes.getvalue()))
        compressed = gzip.compress(tar_bytes.getvalue(), mtime=0)
        layers.append({"mediaType": OCI_LAYER, "digest": put(compressed), "size": len(compressed)})
    config = json.dumps({"architecture": architecture, "os": "linux", "config": {},
                         "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
    manifest = json.dumps({"schemaVersion": 2, "mediaType": OCI_MANIFEST,
                           "config": {"mediaType": OCI_CONFIG, "digest": put(config), "size": len(config)},
                           "layers": layers}).encode()
    return manifest, put(manifest)


def _write_layout(path: pathlib.Path, entries: Sequence[Mapping[str, Any]]) -> None:
    (path / "oci-layout").write_text(json.dumps({"imageLayoutVersion": "1.0.0"}))
    (path / "index.json").write_text(json.dumps({"schemaVersion": 2, "manifests": list(entries)}))


@dataclass(frozen=True)
class OciIndex:
    """An OCI layout whose tag names an image index (a multi-architecture image): one image manifest per
    architecture, which only the index references (they have no tag of their own)."""

    path: pathlib.Path
    tag: str
    digest: str
    architectures: tuple[str, ...]
    manifest_digests: tuple[str, ...]  # one per architecture, in the same order
    layer_digests: tuple[str, ...]  # of every architecture's image

    @property
    def reference(self) -> str:
        """skopeo's name for it: oci:DIR:TAG."""
        return f"oci:{self.path}:{self.tag}"

    def blob(self, digest: str) -> bytes:
        return _layout_blob(self.path, digest)


def write_oci_index(path: pathlib.Path, *, tag: str = "latest", architectures: Sequence[str] = ("amd64", "arm64"),
                    layer_sizes: Sequence[int] = (16 * 1024,)) -> OciIndex:
    """An OCI layout holding an image index tagged `tag`, of one linux image per architecture (random layers)."""
    put = _blob_writer(path)
    children = []
    for architecture in architectures:
        manifest, digest = _write_image_manifest(put, None, layer_sizes, architecture=architecture)
        children.append({"mediaType": OCI_MANIFEST, "digest": digest, "size": len(manifest),
                         "platform": {"architecture": architecture, "os": "linux"}})
    index = json.dumps({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": children}).encode()
    _write_layout(path, [{"mediaType": OCI_INDEX, "digest": put(index), "size": len(index),
                          "annotations": {"org.opencontainers.image.ref.name": tag}}])
    return read_oci_index(path, tag)


def read_oci_index(path: pathlib.Path, tag: str = "latest") -> OciIndex:
    digest = _tagged_digest(path, tag)
    index = json.loads(_layout_blob(path, digest))
    if index.get("mediaType") != OCI_INDEX:
        raise HarnessError(f"{path}: {tag!r} is not an image index: {index.get('mediaType')!r}")
    architectures, manifests, layers = [], [], []
    for child in index["manifests"]:
        architectures.append(str(child["platform"]["architecture"]))
        manifests.append(str(child["digest"]))
        layers += [str(layer["digest"]) for layer in json.loads(_layout_blob(path, child["digest"]))["layers"]]
    return OciIndex(path, tag, digest, tuple(architectures), tuple(manifests), tuple(layers))


def _tagged_digest(path: pathlib.Path, tag: str) -> str:
    index = json.loads((path / "index.json").read_text())
    entries = [entry for entry in index["manifests"]
               if entry.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag]
    if len(entries) != 1:
        raise HarnessError(f"{path}: expected one manifest tagged {tag!r}, found {len(entries)}")
    return str(entries[0]["digest"])


def _layout_blob(path: pathlib.Path, digest: str) -> bytes:
    algorithm, hexdigest = digest.split(":", 1)
    return (path / "blobs" / algorithm / hexdigest).read_bytes()


def read_oci_image(path: pathlib.Path, tag: str = "latest") -> OciImage:
    digest = _tagged_digest(path, tag)
    manifest = json.loads(_layout_blob(path, digest))
    return OciImage(path, tag, digest, manifest["config"]["digest"],
                    tuple(layer["digest"] for layer in manifest["layers"]))


def assert_same_image(expected: OciImage, actual: OciImage) -> None:
    """Same manifest digest and bytes, same config and layers, every blob byte-identical and matching its digest."""
    assert actual.manifest_digest == expected.manifest_digest, "manifest digest changed"
    assert actual.manifest == expected.manifest, "manifest bytes changed"
    assert actual.config_digest == expected.config_digest
    assert actual.layer_digests == expected.layer_digests
    for digest in (expected.config_digest, *expected.layer_digests):
        data = actual.blob(digest)
        assert sha256(data) == digest, f"blob {digest} does not match its digest"
        assert data == expected.blob(digest), f"blob {digest} differs"


# ---------------------------------------------------------------------------------------------------------------------
# skopeo

class SkopeoError(HarnessError):
    def __init__(self, args: Sequence[str], result: subprocess.CompletedProcess[str]) -> None:
        self.stderr = result.stderr
        self.returncode = result.returncode
        super().__init__(f"skopeo {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")


class Skopeo:
    """skopeo with its policy, auth file, registries config and temporary files inside `workdir`.

    As root skopeo still writes its blob-info cache to /var/lib/containers/cache (no flag moves it); that cache only
    speeds up copies and never changes what is pushed.
    """

    def __init__(self, workdir: pathlib.Path, *, tls: TlsFiles | None, timeout: float = 120.0,
                 wrap: Callable[[list[str]], list[str]] | None = None, retry_times: int = 0) -> None:
        """`retry_times`: skopeo's own retry of a failed copy step (--retry-times), as clients retry; none by
        default, so that a failure shows."""
        self.workdir = workdir
        self.tls = tls
        self.timeout = timeout
        self.retry_times = retry_times
        self.wrap = wrap  # turns its argv into the command that runs it (in a pod's network namespace, say)
        for folder in ("home", "run", "tmp", "registries.d"):
            (workdir / folder).mkdir(parents=True, exist_ok=True)
        self.policy = workdir / "policy.json"
        self.policy.write_text(json.dumps({"default": [{"type": "insecureAcceptAnything"}]}))
        (workdir / "registries.conf").write_text("unqualified-search-registries = []\n")
        self.authfile = workdir / "auth.json"  # never written: every command passes its credentials explicitly
        self.env = {
            "PATH": "/usr/bin:/bin", "HOME": str(workdir / "home"), "XDG_RUNTIME_DIR": str(workdir / "run"),
            "TMPDIR": str(workdir / "tmp"), "REGISTRY_AUTH_FILE": str(self.authfile),
            "CONTAINERS_REGISTRIES_CONF": str(workdir / "registries.conf"),
        }

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        argv = [SKOPEO, f"--policy={self.policy}", f"--registries.d={self.workdir / 'registries.d'}",
                f"--tmpdir={self.workdir / 'tmp'}", f"--command-timeout={int(self.timeout)}s", *args]
        result = subprocess.run(self.wrap(argv) if self.wrap else argv, env=self.env, capture_output=True, text=True,
                                timeout=self.timeout + 10, stdin=subprocess.DEVNULL, check=False)
        if result.returncode != 0:
            raise SkopeoError(args, result)
        return result

    def _remote(self, side: str, creds: Credentials | None) -> list[str]:
        flags = [f"--{side}-creds={creds[0]}:{creds[1]}"] if creds else [f"--{side}-no-creds"]
        flags += [f"--{side}-cert-dir={self.tls.ca_dir}"] if self.tls else [f"--{side}-tls-verify=false"]
        flags += [f"--retry-times={self.retry_times}"] if self.retry_times else []
        return flags

    def push(self, image: OciImage | OciIndex, destination: str, *, creds: Credentials | None) -> str:
        """Copy an OCI layout to docker://DESTINATION (host:port/repo:tag); returns the pushed manifest digest. An
        image index is pushed with every image it lists (`--all`)."""
        digest_file = self.workdir / "tmp" / "digest"
        every = ["--all"] if isinstance(image, OciIndex) else []
        self.run("copy", "--quiet", "--preserve-digests", *every, f"--digestfile={digest_file}",
                 *self._remote("dest", creds), image.reference, f"docker://{destination}")
        return digest_file.read_text().strip()

    def pull(self, source: str, directory: pathlib.Path, *, creds: Credentials | None,
             tag: str = "latest") -> OciImage:
        """Copy docker://SOURCE into a new OCI layout at `directory` under `tag`."""
        self.run("copy", "--quiet", "--preserve-digests", *self._remote("src", creds), f"docker://{source}",
                 f"oci:{directory}:{tag}")
        return read_oci_image(directory, tag)

    def pull_index(self, source: str, directory: pathlib.Path, *, creds: Credentials | None,
                   tag: str = "latest") -> OciIndex:
        """Copy the image index at docker://SOURCE with every image it lists (`--all`) into a new OCI layout."""
        self.run("copy", "--quiet", "--preserve-digests", "--all", *self._remote("src", creds), f"docker://{source}",
                 f"oci:{directory}:{tag}")
        return read_oci_index(directory, tag)

    def delete(self, reference: str, *, creds: Credentials | None) -> None:
        """skopeo delete docker://REFERENCE (host:port/repo:tag or host:port/repo@digest)."""
        side_flags = [flag.replace("--src-", "--") for flag in self._remote("src", creds)]
        self.run("delete", *side_flags, f"docker://{reference}")

    def list_tags(self, repository: str, *, creds: Credentials | None) -> list[str]:
        side_flags = [flag.replace("--src-", "--") for flag in self._remote("src", creds)]
        return list(json.loads(self.run("list-tags", *side_flags, f"docker://{repository}").stdout)["Tags"])


# ---------------------------------------------------------------------------------------------------------------------
# The registry HTTP API (what a browser UI or curl would see)

_DEFAULT = object()


class RegistryApi:
    def __init__(self, address: str, *, tls: TlsFiles | None, creds: Credentials | None) -> None:
        host, port = address.rsplit(":", 1)
        self.host, self.port, self.tls, self.creds = host, int(port), tls, creds

    def request(self, method: str, path: str, *, headers: Mapping[str, str] | None = None,
                creds: object = _DEFAULT) -> tuple[int, dict[str, str], bytes]:
        """(status, lower-cased headers, body); creds=None sends no Authorization header."""
        used = self.creds if creds is _DEFAULT else cast("Credentials | None", creds)
        all_headers = dict(headers or {})
        if used is not None:
            user, password = used
            all_headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        return http_request(method, self.host, self.port, path, headers=all_headers,
                            context=self.tls.client_context() if self.tls else None)

    def json(self, path: str) -> Any:
        status, _, body = self.request("GET", path)
        if status != 200:
            raise HarnessError(f"GET {path} answered {status}: {body[:300]!r}")
        return json.loads(body)

    def catalog(self) -> list[str]:
        return [str(name) for name in self.json("/v2/_catalog")["repositories"] or []]

    def tags(self, repository: str) -> list[str]:
        return [str(tag) for tag in self.json(f"/v2/{repository}/tags/list")["tags"] or []]

    def manifest_digest(self, repository: str, reference: str) -> str | None:
        """Docker-Content-Digest of a manifest, None if the registry answers 404."""
        status, headers, _ = self.request("HEAD", f"/v2/{repository}/manifests/{reference}",
                                          headers={"Accept": MANIFEST_ACCEPT})
        if status == 404:
            return None
        if status != 200:
            raise HarnessError(f"HEAD manifest {repository}:{reference} answered {status}")
        return headers["docker-content-digest"]

    def delete_manifest(self, repository: str, digest: str) -> None:
        status, _, body = self.request("DELETE", f"/v2/{repository}/manifests/{digest}")
        if status != 202:
            raise HarnessError(f"DELETE manifest {repository}@{digest} answered {status}: {body[:300]!r}")

    def assert_auth_required(self, path: str = "/v2/", *, wrong_password: str = "not-the-password") -> None:
        """Anonymous and wrong-password requests get 401 with a Basic challenge; the right credentials get 200."""
        if self.creds is None:
            raise HarnessError("assert_auth_required() needs the right credentials to compare with")
        for creds in (None, (self.creds[0], wrong_password)):
            status, headers, _ = self.request("GET", path, creds=creds)
            assert status == 401, f"GET {path} with {'no' if creds is None else 'wrong'} credentials: {status}"
            assert headers.get("www-authenticate", "").startswith("Basic "), headers
        status, _, _ = self.request("GET", path)
        assert status == 200, f"GET {path} with the right credentials: {status}"
