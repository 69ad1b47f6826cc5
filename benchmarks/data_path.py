"""The data path: a 200 MB image pushed and pulled through the real registry on a real S3 server (SeaweedFS).

Compared on the same server with the same bytes, cases interleaved round-robin so that machine noise spreads over all:

- boto3 multipart upload and download (its defaults: 8 MiB parts, 10 threads), and boto3 with one thread and 10 MiB
  parts (what the registry's S3 driver does: one part after the other);
- the registry as the default app (main.build) synthesizes it: S3 keys from a Secret through a credentials file,
  redirects disabled (clients get the bytes from the registry), the registry's default 10 MiB chunk size;
- the same chart with the settings we control changed: `chunk_size_mib` and `redirect_disabled=False`;
- the registry as the original hand-written manifests configured it: REGISTRY_STORAGE=s3 and REGISTRY_STORAGE_S3_*
  variables, the keys as ACCESSKEY/SECRETKEY from secretKeyRef, REGISTRY_HTTP_SECRET from a Secret, htpasswd at
  /auth, no redirect setting and no chunk size (and, since REGISTRY_STORAGE replaces the storage block, no
  blob-descriptor cache).

Every registry runs on plain HTTP (the ingress terminates TLS in the cluster) with an htpasswd hash of cost 4, so the
auth cost (see the bcrypt table) stays out of the data path; skopeo is the client.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import gzip
import hashlib
import io
import json
import os
import pathlib
import shutil
import tarfile
import time
from collections.abc import Callable
from typing import Any

from ._common import Table, children, cpu_seconds, fmt_s, median, proc_memory, temp_dir
from ._pods import Cluster, cluster, registry_pid

USER, PASSWORD = "bench", "a long enough password for the benchmark"
NAMESPACE = "registry"
MIB = 1 << 20


@dataclasses.dataclass(frozen=True)
class Case:
    key: str
    label: str
    kind: str  # "boto3", "ours" (the chart), "hand-written"
    storage: dict[str, Any] = dataclasses.field(default_factory=dict)  # Storage.s3 options for "ours"
    transfer: dict[str, Any] = dataclasses.field(default_factory=dict)  # boto3 TransferConfig options


CASES = (
    Case("boto3", "boto3 multipart (8 MiB parts, 10 threads)", "boto3"),
    Case("boto3-serial", "boto3, 1 thread, 10 MiB parts", "boto3",
         transfer={"max_concurrency": 1, "multipart_chunksize": 10 * MIB}),
    Case("ours", "default app (main.build): redirect off, 10 MiB chunks", "ours"),
    Case("chunk32", "default app, chunk_size_mib=32 (the largest allowed)", "ours", storage={"chunk_size_mib": 32}),
    Case("redirect", "default app, redirect_disabled=False", "ours", storage={"redirect_disabled": False}),
    Case("hand", "hand-written manifests (env vars, redirect on)", "hand-written"),
)
QUICK_CASES = ("boto3", "ours", "chunk32", "redirect", "hand")


# -- the image ---------------------------------------------------------------------------------------------------------

class _Hashing(io.RawIOBase):
    """A write-only file that hashes and counts what passes through it on its way to `target`."""

    def __init__(self, target: Any) -> None:
        self.target, self.sha, self.size = target, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data)
        self.sha.update(view)
        self.size += len(view)
        self.target.write(view)
        return len(view)


def write_big_image(path: pathlib.Path, size: int) -> tuple[Any, pathlib.Path]:
    """An OCI layout with one layer holding `size` random bytes, gzipped at level 0 (stored blocks): a valid gzip
    layer as large as its content, written in seconds (random data does not compress anyway)."""
    from e2e.harness import read_oci_image

    blobs = path / "blobs" / "sha256"
    blobs.mkdir(parents=True)
    staging = blobs / "layer.partial"
    with staging.open("wb") as raw:
        compressed = _Hashing(raw)
        with gzip.GzipFile(fileobj=compressed, mode="wb", compresslevel=0, mtime=0) as gz:
            tar = _Hashing(gz)
            info = tarfile.TarInfo("data.bin")
            info.size, info.mtime, info.mode = size, 0, 0o644
            tar.write(info.tobuf(format=tarfile.PAX_FORMAT))
            left = size
            while left:
                chunk = os.urandom(min(MIB, left))
                tar.write(chunk)
                left -= len(chunk)
            end = size % 512
            tar.write(b"\0" * ((512 - end) % 512 + 1024))  # pad the file, then two empty blocks
    layer_digest = "sha256:" + compressed.sha.hexdigest()
    layer = blobs / layer_digest.split(":")[1]
    staging.rename(layer)

    def put(data: bytes) -> str:
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        (blobs / digest.split(":")[1]).write_bytes(data)
        return digest

    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
                         "rootfs": {"type": "layers", "diff_ids": ["sha256:" + tar.sha.hexdigest()]}}).encode()
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(config),
                   "size": len(config)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest,
                    "size": compressed.size}],
    }).encode()
    manifest_digest = put(manifest)
    (path / "oci-layout").write_text(json.dumps({"imageLayoutVersion": "1.0.0"}))
    (path / "index.json").write_text(json.dumps({"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest, "size": len(manifest),
        "annotations": {"org.opencontainers.image.ref.name": "latest"}}]}))
    return read_oci_image(path, "latest"), layer


# -- the registries ----------------------------------------------------------------------------------------------------

def _secret(name: str, data: dict[str, str]) -> dict[str, Any]:
    """A Secret as `kubectl create secret generic NAME --from-literal=...` makes it."""
    return {"apiVersion": "v1", "kind": "Secret", "type": "Opaque", "metadata": {"name": name, "namespace": NAMESPACE},
            "data": {key: base64.b64encode(value.encode()).decode() for key, value in data.items()}}


def user_secrets(s3: Any) -> list[dict[str, Any]]:
    """The Secrets the default app's docstring tells the user to create (htpasswd, S3 keys, http secret)."""
    import bcrypt

    hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode().replace("$2b$", "$2y$", 1)
    return [
        _secret("registry-htpasswd", {"htpasswd": f"{USER}:{hashed}\n"}),
        _secret("registry-s3", {"accesskey": s3.access_key, "secretkey": s3.secret_key}),
        _secret("registry-http-secret", {"http-secret": "a-stable-random-value-0123456789abcdef"}),
    ]


def ours_manifests(storage: dict[str, Any], outdir: pathlib.Path) -> list[dict[str, Any]]:
    """The default app; with storage options, the same chart as main.build with those Storage.s3 options added."""
    import cdk8s

    import main
    from constructs_lib import HtpasswdAuth, HttpSecret, IngressTls, RegistryChart, S3Credentials, Storage

    app = cdk8s.Testing.app(outdir=str(outdir))
    if not storage:
        chart = main.build(app)
    else:  # main.build's arguments, with `storage` changed
        chart = RegistryChart(
            app, "registry", host="registry.example.com", auth=HtpasswdAuth.from_secret("registry-htpasswd"),
            storage=Storage.s3(bucket="registry", endpoint="http://minio.minio.svc.cluster.local:9000",
                               credentials=S3Credentials.from_secret("registry-s3"), **storage),
            http_secret=HttpSecret.from_secret("registry-http-secret"), tls=IngressTls.cert_resolver("letsencrypt"),
            delete_enabled=True, redirect_http_to_https=True)
    return list(cdk8s.Testing.synth(chart))


def hand_written_manifests() -> list[dict[str, Any]]:
    """The registry as the original hand-written manifests deployed it: everything in environment variables."""

    def from_secret(name: str, key: str) -> dict[str, Any]:
        return {"secretKeyRef": {"name": name, "key": key}}

    env = [
        {"name": "REGISTRY_AUTH", "value": "htpasswd"},
        {"name": "REGISTRY_AUTH_HTPASSWD_REALM", "value": "Registry Realm"},
        {"name": "REGISTRY_AUTH_HTPASSWD_PATH", "value": "/auth/htpasswd"},
        {"name": "REGISTRY_HTTP_SECRET", "valueFrom": from_secret("registry-http-secret", "http-secret")},
        {"name": "REGISTRY_STORAGE", "value": "s3"},
        {"name": "REGISTRY_STORAGE_S3_REGION", "value": "us-east-1"},
        {"name": "REGISTRY_STORAGE_S3_REGIONENDPOINT", "value": "http://minio.minio.svc.cluster.local:9000"},
        {"name": "REGISTRY_STORAGE_S3_BUCKET", "value": "registry"},
        {"name": "REGISTRY_STORAGE_S3_ACCESSKEY", "valueFrom": from_secret("registry-s3", "accesskey")},
        {"name": "REGISTRY_STORAGE_S3_SECRETKEY", "valueFrom": from_secret("registry-s3", "secretkey")},
        {"name": "REGISTRY_STORAGE_DELETE_ENABLED", "value": "true"},
    ]
    deployment = {
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "registry", "namespace": NAMESPACE},
        "spec": {
            "replicas": 1, "selector": {"matchLabels": {"app": "registry"}},
            "template": {
                "metadata": {"labels": {"app": "registry"}},
                "spec": {
                    # The one change: the pod runner does not play the ServiceAccount admission plugin that would
                    # mount a token (tests/pods/runner.py); the registry never reads it.
                    "automountServiceAccountToken": False,
                    "containers": [{
                        "name": "registry", "image": "registry:2",
                        "ports": [{"containerPort": 5000, "name": "http"}],
                        "env": env,
                        "volumeMounts": [{"name": "htpasswd", "mountPath": "/auth", "readOnly": True}],
                    }],
                    "volumes": [{"name": "htpasswd", "secret": {"secretName": "registry-htpasswd"}}],
                },
            },
        },
    }
    service = {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "registry", "namespace": NAMESPACE},
               "spec": {"selector": {"app": "registry"}, "ports": [{"port": 5000, "targetPort": 5000}]}}
    return [deployment, service]


def memory_limit(manifests: list[dict[str, Any]]) -> int | None:
    """The registry container's memory limit in bytes, from the synthesized Deployment (None if it has none)."""
    units = {"Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30, "K": 1000, "M": 1000**2, "G": 1000**3}
    for manifest in manifests:
        if manifest.get("kind") != "Deployment":
            continue
        for container in manifest["spec"]["template"]["spec"]["containers"]:
            limit = str(container.get("resources", {}).get("limits", {}).get("memory", ""))
            if container.get("name") == "registry" and limit:
                for suffix, factor in units.items():
                    if limit.endswith(suffix):
                        return int(float(limit[: -len(suffix)]) * factor)
                return int(limit)
    return None


# -- one round ---------------------------------------------------------------------------------------------------------

def _s3_client(s3: Any) -> Any:
    import boto3
    import botocore.config

    return boto3.session.Session().client(
        "s3", endpoint_url=s3.endpoint_url, aws_access_key_id=s3.access_key, aws_secret_access_key=s3.secret_key,
        region_name=s3.region, config=botocore.config.Config(s3={"addressing_style": "path"},
                                                             retries={"max_attempts": 3}))


def _delete_prefix(client: Any, bucket: str, prefix: str) -> None:
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
        if keys:
            client.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})


def _boto3_round(case: Case, s3: Any, client: Any, layer: pathlib.Path, tmp: pathlib.Path,
                 index: int) -> dict[str, float]:
    from boto3.s3.transfer import TransferConfig

    config = TransferConfig(**case.transfer)
    key = f"boto3/{case.key}-{index}/layer"
    start = time.perf_counter()
    client.upload_file(str(layer), s3.bucket, key, Config=config)
    push = time.perf_counter() - start
    target = tmp / f"download-{case.key}-{index}"
    start = time.perf_counter()
    client.download_file(s3.bucket, key, str(target), Config=config)
    pull = time.perf_counter() - start
    if target.stat().st_size != layer.stat().st_size:
        raise RuntimeError(f"boto3 downloaded {target.stat().st_size} bytes of {layer.stat().st_size}")
    target.unlink()
    _delete_prefix(client, s3.bucket, key)
    return {"push": push, "pull": pull}


def _registry_round(case: Case, s3: Any, client: Any, image: Any, tmp: pathlib.Path, index: int,
                    manifests: list[dict[str, Any]], secrets: list[dict[str, Any]],
                    pods: Cluster) -> dict[str, float]:
    from e2e.harness import Skopeo

    root = f"/{case.key}-{index}"
    workdir = tmp / f"registry-{case.key}-{index}"
    overrides = {**s3.registry_overrides(), "REGISTRY_STORAGE_S3_BUCKET": s3.bucket,
                 "REGISTRY_STORAGE_S3_ROOTDIRECTORY": root}
    with contextlib.ExitStack() as stack:  # afterwards: the pod deleted, then its folder, then its S3 keys
        stack.callback(_delete_prefix, client, s3.bucket, root.lstrip("/") + "/")
        stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        registry = stack.enter_context(pods.registry(manifests, extra_objects=secrets, pvc_root=workdir / "pvc",
                                                     overrides=overrides))
        pid = registry_pid(registry)
        rss_start = proc_memory(pid).get("VmRSS", 0)
        skopeo = Skopeo(workdir / "skopeo", tls=None, timeout=300)
        reference = f"{registry.address}/bench/{case.key}-{index}:v1"
        cpu = cpu_seconds(pid)
        start = time.perf_counter()
        skopeo.push(image, reference, creds=(USER, PASSWORD))
        push = time.perf_counter() - start
        push_cpu = cpu_seconds(pid) - cpu
        cpu = cpu_seconds(pid)
        start = time.perf_counter()
        pulled = skopeo.pull(reference, workdir / "pulled", creds=(USER, PASSWORD))
        pull = time.perf_counter() - start
        pull_cpu = cpu_seconds(pid) - cpu
        peak = proc_memory(pid).get("VmHWM", 0)
        if pulled.manifest_digest != image.manifest_digest or pulled.layer_digests != image.layer_digests:
            raise RuntimeError(f"{case.key}: the pulled image differs from the pushed one")
    return {"push": push, "pull": pull, "push_cpu": push_cpu, "pull_cpu": pull_cpu, "start": rss_start, "peak": peak}


def run(*, quick: bool, log: Callable[[str], None]) -> list[Table]:
    import cdk8s  # noqa: F401  (jsii's Node.js starts here, before anything is timed)
    from e2e._s3 import s3_in_cluster

    size = (32 if quick else 200) * 1000 * 1000
    reps = 1 if quick else 2
    cases = [case for case in CASES if not quick or case.key in QUICK_CASES]
    results: dict[str, list[dict[str, float]]] = {case.key: [] for case in cases}
    with temp_dir("data") as tmp, cluster(tmp) as pods:
        log(f"data: writing a {size // 1000 // 1000} MB image")
        image, layer = write_big_image(tmp / "image", size)
        layer_bytes = layer.stat().st_size
        manifests = {case.key: ours_manifests(case.storage, tmp / f"dist-{case.key}") if case.kind == "ours"
                     else hand_written_manifests() for case in cases if case.kind != "boto3"}
        log("data: starting SeaweedFS (a pod behind minio.minio.svc.cluster.local:9000)")
        with s3_in_cluster(pods.net, bucket="bench") as s3:
            client = _s3_client(s3)
            secrets = user_secrets(s3)
            try:
                for index in range(reps):
                    order = cases if index % 2 == 0 else cases[::-1]
                    for case in order:
                        log(f"data: {case.key} ({index + 1}/{reps})")
                        if case.kind == "boto3":
                            results[case.key].append(_boto3_round(case, s3, client, layer, tmp, index))
                        else:
                            results[case.key].append(_registry_round(case, s3, client, image, tmp, index,
                                                                     manifests[case.key], secrets, pods))
            finally:
                client.close()

    push = {key: median([r["push"] for r in runs]) for key, runs in results.items()}
    pull = {key: median([r["pull"] for r in runs]) for key, runs in results.items()}
    mb = layer_bytes / 1e6
    table = Table(f"Data path: one {mb:.0f} MB layer pushed and pulled on SeaweedFS S3 (medians of {reps})",
                  ["case", "push s", "push MB/s", "pull s", "pull MB/s", "push vs boto3", "pull vs boto3",
                   "push vs hand-written", "pull vs hand-written", "registry CPU s push/pull",
                   "registry RSS start/peak MiB"])
    hand = "hand" if "hand" in results else None
    for case in cases:
        runs = results[case.key]
        registry = case.kind != "boto3"
        table.add(case.label, fmt_s(push[case.key]), f"{mb / push[case.key]:.0f}", fmt_s(pull[case.key]),
                  f"{mb / pull[case.key]:.0f}", f"{push[case.key] / push['boto3']:.2f}x",
                  f"{pull[case.key] / pull['boto3']:.2f}x",
                  f"{push[case.key] / push[hand]:.2f}x" if hand and registry else "-",
                  f"{pull[case.key] / pull[hand]:.2f}x" if hand and registry else "-",
                  (f"{median([r['push_cpu'] for r in runs]):.1f} / {median([r['pull_cpu'] for r in runs]):.1f}"
                   if registry else "-"),
                  (f"{median([r['start'] for r in runs]) / MIB:.0f} / {max(r['peak'] for r in runs) / MIB:.0f}"
                   if registry else "-"))
    table.notes += [
        (f"Same {mb:.0f} MB layer (random bytes, gzip level 0) for every case; skopeo pushes it in one request and "
         "the registry writes it to S3 in parts of the chunk size, then copies it from its upload folder to its blob "
         "path (S3 has no rename); boto3 writes it once."),
        ("With redirects on, a pull gets a 307 to a presigned S3 URL and skopeo fetches the bytes from the S3 server "
         "itself: reachable here (the registry is given the S3 pod's IP, which the node reaches), but in a cluster an "
         "in-cluster endpoint such as "
         "minio.minio.svc.cluster.local is not reachable by clients, which is why the chart disables redirects "
         "whenever an endpoint is given."),
        "The registries use an htpasswd hash of cost 4: a push and a pull make about 10 requests, auth stays small.",
    ]
    limit = memory_limit(manifests["ours"]) if "ours" in manifests else None
    peaks = {case.key: max(r["peak"] for r in results[case.key]) for case in cases if case.kind != "boto3"}
    chunks = {case.storage.get("chunk_size_mib", 10): peaks[case.key]
              for case in cases if case.kind == "ours" and "redirect_disabled" not in case.storage}
    if limit:
        growth = ""
        if len(chunks) >= 2:
            low, high = min(chunks), max(chunks)
            growth = (f" (about {(chunks[high] - chunks[low]) / ((high - low) * MIB):.1f} MiB more for every MiB of "
                      f"chunk, for one upload)")
        close = [f"{case.label} ({peaks[case.key] / limit:.0%} of it)" for case in cases
                 if case.key in peaks and peaks[case.key] > 0.5 * limit]
        table.notes.append(
            f"The registry's peak RSS grows with the chunk size{growth}; the chart limits the container to "
            f"{limit / MIB:.0f} MiB. "
            + (f"Over half of that with ONE push: {'; '.join(close)}: two concurrent pushes would get the pod "
               "OOM-killed." if close else "No case came near it with a single push."))
    if "ours" in push and "redirect" in push:
        spread = abs(push["ours"] - push["redirect"]) / min(push["ours"], push["redirect"])
        table.notes.append(
            f"Pushes never redirect, so the two default-app pushes with redirects off and on take the same path: their "
            f"difference ({spread:.0%}) is this machine's noise; read smaller differences as equal.")
    leaked = [f"{pid} {name}" for pid, name in children() if name in ("weed", "docker-registry", "skopeo")]
    if leaked:
        raise RuntimeError(f"processes left running: {leaked}")
    return [table]
