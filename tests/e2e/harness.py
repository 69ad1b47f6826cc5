"""Public API of the e2e harness (import from here; the `_` modules are its parts).

RegistryPod (tests/pods/registry_pod.py) runs the registry's pod of synthesized manifests under runc, on a network
namespace and IP of its own with the manifests' NetworkPolicies enforced, the paths as written; SeaweedS3 is a real S3
server, RedisServer a real Redis, TokenServer a registry token server (Bearer auth, for the upstream of a pull-through
cache); Skopeo and RegistryApi are real clients. The fixtures in
conftest.py (start_registry: a RegistryPod; s3_server and make_redis: servers in pods of their own; skopeo,
make_image, tls_files) tie them to test lifetimes. Typical use in a test under tests/e2e:

    manifests = cdk8s.Testing.synth(chart)  # e.g. Storage.s3(endpoint=s3_server.endpoint_url, ...)
    registry = start_registry(manifests, [user_created_secret])
    digest = skopeo.push(make_image(), f"{registry.address}/app:v1", creds=("user", "password"))
"""

from pods.registry_pod import RegistryPod

from ._client import (
    Credentials,
    OciImage,
    RegistryApi,
    Skopeo,
    SkopeoError,
    assert_same_image,
    read_oci_image,
    sha256,
    write_oci_image,
)
from ._kube import UnsupportedSpec
from ._proc import HarnessError, free_port, wait_for
from ._redis import RedisServer
from ._registry import http_request
from ._s3 import SeaweedS3
from ._tls import TlsFiles, write_tls_files
from ._token import TokenRequest, TokenServer

__all__ = [
    "Credentials", "HarnessError", "OciImage", "RedisServer", "RegistryApi", "RegistryPod", "SeaweedS3", "Skopeo",
    "SkopeoError", "TlsFiles", "TokenRequest", "TokenServer", "UnsupportedSpec", "assert_same_image", "free_port",
    "http_request", "read_oci_image", "sha256", "wait_for", "write_oci_image", "write_tls_files",
]
