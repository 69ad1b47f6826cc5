"""The default app in main.py: the homelab setup."""

import json
import pathlib
import subprocess

import cdk8s

import main
from _manifests import container, env, find, kinds
from conftest import ROOT


def test_default_app_deploys_every_object_of_the_homelab_setup(app: cdk8s.App, snapshot) -> None:
    # GIVEN the default app
    # WHEN it is built and synthesized
    chart = main.build(app)
    manifests = cdk8s.Testing.synth(chart)

    # THEN the whole output is pinned, and each object of the hand-written setup is there
    assert manifests == snapshot
    assert kinds(manifests) == [
        ("Namespace", "registry"),
        ("Deployment", "registry"),
        ("Service", "registry"),
        ("IngressRoute", "registry"),
        ("Middleware", "registry-https-redirect"),
        ("IngressRoute", "registry-http"),
        ("Deployment", "registry-ui"),
        ("Service", "registry-ui"),
        ("Middleware", "registry-ui-slash-redirect"),
        ("Middleware", "registry-ui-strip-prefix"),
        ("IngressRoute", "registry-ui"),
    ]
    registry = container(find(manifests, "Deployment", "registry"), "registry")
    variables = env(registry)
    assert variables["REGISTRY_AUTH_HTPASSWD_PATH"] == "/auth/htpasswd"
    assert variables["REGISTRY_STORAGE"] == "s3"
    assert variables["REGISTRY_STORAGE_S3_REGIONENDPOINT"] == "http://minio.minio.svc.cluster.local:9000"
    assert variables["REGISTRY_STORAGE_S3_ACCESSKEY"] == {"secretKeyRef": {"name": "registry-s3", "key": "accesskey"}}
    assert variables["REGISTRY_STORAGE_S3_SECRETKEY"] == {"secretKeyRef": {"name": "registry-s3", "key": "secretkey"}}
    assert variables["REGISTRY_STORAGE_DELETE_ENABLED"] == "true"
    # Existing Secrets only: the output holds no Secret and no secret material
    assert "Secret" not in {m["kind"] for m in manifests}
    assert "$2" not in json.dumps(manifests)
    route = find(manifests, "IngressRoute", "registry")
    assert route["spec"]["routes"][0]["match"] == "Host(`registry.example.com`)"
    assert route["spec"]["tls"] == {"certResolver": "letsencrypt"}
    ui_route = find(manifests, "IngressRoute", "registry-ui")
    assert ui_route["spec"]["routes"][0]["match"] == "Host(`registry.example.com`) && PathPrefix(`/ui`)"


def test_make_synth_writes_the_default_app_into_dist(tmp_path: pathlib.Path) -> None:
    # GIVEN the repository's cdk8s.yaml (app: python main.py, output: dist)
    # WHEN cdk8s synth runs it into a temporary output folder
    result = subprocess.run(
        ["cdk8s", "synth", "--no-check-upgrade", "--output", str(tmp_path / "dist")],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )

    # THEN one YAML file with the default app is written, and nothing is printed but the file list
    written = sorted(p.name for p in (tmp_path / "dist").iterdir())
    assert written == ["registry.k8s.yaml"]
    assert result.stdout.splitlines()[0] == "Synthesizing application"
    assert result.stderr == ""
    assert "kind: IngressRoute" in (tmp_path / "dist" / "registry.k8s.yaml").read_text()
