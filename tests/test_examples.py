"""The runnable apps in examples/: each synthesizes, is pinned by a snapshot, and shows what it is for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from _manifests import container, env, find
from _variants import synth_variant
from conftest import ROOT
from syrupy.assertion import SnapshotAssertion

import main

# examples/homelab.py is the default app (main.py), which tests/test_app.py pins.
EXAMPLES = ["example-high-availability", "example-pull-through-cache", "example-quick-start", "example-single-node"]


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_synthesizes_and_is_pinned(tmp_path: Any, example: str, snapshot: SnapshotAssertion) -> None:
    # GIVEN / WHEN the example app is synthesized (the single-node one with its password in the environment)
    manifests = synth_variant(example, str(tmp_path))

    # THEN its output is pinned
    assert manifests == snapshot


def test_homelab_uses_minio_and_existing_secrets(tmp_path: Any) -> None:
    # GIVEN / WHEN the homelab example, which is the default app
    from examples import homelab

    assert homelab.build is main.build
    manifests = synth_variant("default-app", str(tmp_path))
    variables = env(container(find(manifests, "Deployment", "registry"), "registry"))

    # THEN MinIO by path style, no Secret in the output, and the UI under /ui with a redirect from HTTP
    assert variables["REGISTRY_STORAGE_S3_REGIONENDPOINT"] == "http://minio.minio.svc.cluster.local:9000"
    assert variables["REGISTRY_STORAGE_S3_FORCEPATHSTYLE"] == "true"
    assert "Secret" not in {m["kind"] for m in manifests}
    assert find(manifests, "IngressRoute", "registry-http")["spec"]["entryPoints"] == ["web"]


def test_high_availability_spreads_three_replicas_with_redis(tmp_path: Any) -> None:
    # GIVEN / WHEN the high-availability example
    manifests = synth_variant("example-high-availability", str(tmp_path))
    deployment = find(manifests, "Deployment", "registry")
    variables = env(container(deployment, "registry"))

    # THEN three replicas, Redis shared, a disruption budget, node spread, CORS to the UI's own host exactly
    assert deployment["spec"]["replicas"] == 3
    assert variables["REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR"] == "redis"
    assert find(manifests, "PodDisruptionBudget", "registry")["spec"]["maxUnavailable"] == 1
    assert deployment["spec"]["template"]["spec"]["topologySpreadConstraints"][0]["topologyKey"] == \
        "kubernetes.io/hostname"
    assert variables["REGISTRY_HTTP_HEADERS_Access-Control-Allow-Origin"] == "[https://registry-ui.example.com]"
    cors = find(manifests, "Middleware", "registry-cors")["spec"]["headers"]
    assert cors["accessControlAllowOriginList"] == ["https://registry-ui.example.com"]
    assert find(manifests, "TLSOption", "registry-tls")["spec"]["minVersion"] == "VersionTLS13"


def test_pull_through_cache_proxies_docker_hub_without_ui(tmp_path: Any) -> None:
    # GIVEN / WHEN the pull-through cache example
    manifests = synth_variant("example-pull-through-cache", str(tmp_path))
    variables = env(container(find(manifests, "Deployment", "cache"), "registry"))

    # THEN it proxies Docker Hub with credentials from a Secret, on a 100 GiB claim, with no UI
    assert variables["REGISTRY_PROXY_REMOTEURL"] == "https://registry-1.docker.io"
    assert find(manifests, "PersistentVolumeClaim", "cache-data")["spec"]["resources"]["requests"]["storage"] == \
        "100Gi"
    assert not [m for m in manifests if m["metadata"]["name"].startswith("cache-ui")]


def test_single_node_hashes_the_password_from_the_environment(tmp_path: Any) -> None:
    # GIVEN / WHEN the single-node example with its password in the environment
    manifests = synth_variant("example-single-node", str(tmp_path))

    # THEN only a bcrypt hash of it is in the output, and the volume uses local-path
    text = json.dumps(manifests)
    assert "an-admin-password-from-the-environment" not in text
    assert find(manifests, "Secret", "registry-htpasswd")["stringData"]["htpasswd"].startswith("admin:$2b$10$")
    assert find(manifests, "PersistentVolumeClaim")["spec"]["storageClassName"] == "local-path"


def test_fails_single_node_without_its_password_in_one_line() -> None:
    # GIVEN the environment without REGISTRY_ADMIN_PASSWORD
    environment = {key: value for key, value in os.environ.items() if key != "REGISTRY_ADMIN_PASSWORD"}

    # WHEN the example runs as the README says (make synth EXAMPLE=single_node runs `python -m examples.single_node`)
    result = subprocess.run([sys.executable, "-m", "examples.single_node"], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=120, check=False)

    # THEN it stops with one line that names the variable and how to set it, and no traceback
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [(
        "REGISTRY_ADMIN_PASSWORD is not set: export REGISTRY_ADMIN_PASSWORD=... (the password of the registry user "
        "admin), then run the example again")]
