"""The default app in main.py: the homelab setup."""

import json
import pathlib
import subprocess
import sys

import cdk8s
from _manifests import REGISTRY_UI_OBJECTS, container, env, find, kinds
from conftest import ROOT
from syrupy.assertion import SnapshotAssertion

import main


def test_default_app_deploys_every_object_of_the_homelab_setup(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN the default app
    # WHEN it is built and synthesized
    chart = main.build(app)
    manifests = cdk8s.Testing.synth(chart)

    # THEN the whole output is pinned, and each object of the hand-written setup is there
    assert manifests == snapshot
    assert kinds(manifests) == [
        ("Namespace", "registry"),
        ("Deployment", "registry"),
        ("ConfigMap", "registry-metrics-proxy"),
        ("Service", "registry"),
        ("NetworkPolicy", "registry"),
        ("ServiceAccount", "registry-gc"),
        ("Role", "registry-gc"),
        ("RoleBinding", "registry-gc"),
        ("CronJob", "registry-gc"),
        ("NetworkPolicy", "registry-gc"),
        ("TLSOption", "registry-tls"),
        ("IngressRoute", "registry"),
        ("Middleware", "registry-https-redirect"),
        ("IngressRoute", "registry-http"),
        *REGISTRY_UI_OBJECTS,
    ]
    deployment = find(manifests, "Deployment", "registry")
    pod = deployment["spec"]["template"]["spec"]
    registry = container(deployment, "registry")
    variables = env(registry)
    assert variables["REGISTRY_AUTH_HTPASSWD_PATH"] == "/auth/htpasswd"
    assert variables["REGISTRY_STORAGE"] == "s3"
    assert variables["REGISTRY_STORAGE_S3_REGIONENDPOINT"] == "http://minio.minio.svc.cluster.local:9000"
    assert variables["REGISTRY_STORAGE_DELETE_ENABLED"] == "true"
    # The S3 keys and the http secret are files that the init container renders from the user's Secrets
    assert variables["AWS_SHARED_CREDENTIALS_FILE"] == "/run/registry/aws-credentials"
    assert registry["args"] == ["/run/registry/config.yml"]
    assert {v["name"]: v["secret"]["secretName"] for v in pod["volumes"] if "secret" in v} == {
        "htpasswd": "registry-htpasswd", "http-secret": "registry-http-secret", "s3-credentials": "registry-s3"}
    assert [c["name"] for c in pod["initContainers"]] == ["render-secrets"]
    assert variables["REGISTRY_AUTH_HTPASSWD_REALM"] == "Registry Realm"
    assert variables["REGISTRY_STORAGE_S3_BUCKET"] == "registry"
    assert variables["REGISTRY_STORAGE_S3_REGION"] == "us-east-1"
    assert variables["REGISTRY_HEALTH_STORAGEDRIVER_ENABLED"] == "true"
    assert registry["volumeMounts"] == [{"mountPath": "/run/registry", "name": "rendered", "readOnly": True},
                                        {"mountPath": "/auth", "name": "htpasswd", "readOnly": True}]
    assert pod["enableServiceLinks"] is False
    # Existing Secrets only: the output holds no Secret and no secret material
    assert "Secret" not in {m["kind"] for m in manifests}
    assert "$2" not in json.dumps(manifests)
    route = find(manifests, "IngressRoute", "registry")
    assert route["spec"]["routes"][0]["match"] == "Host(`registry.example.com`)"
    assert route["spec"]["tls"] == {"certResolver": "letsencrypt", "options": {"name": "registry-tls"}}
    assert find(manifests, "TLSOption", "registry-tls")["spec"] == {"minVersion": "VersionTLS12"}
    assert "tls" not in find(manifests, "IngressRoute", "registry-http")["spec"]
    ui_route = find(manifests, "IngressRoute", "registry-ui")
    assert ui_route["spec"]["routes"][0]["match"] == \
        "Host(`registry.example.com`) && (Path(`/ui`) || PathPrefix(`/ui/`))"
    assert ui_route["spec"]["tls"] == {"certResolver": "letsencrypt", "options": {"name": "registry-tls"}}
    # Garbage collection weekly, in a read-only window the Deployment starts out of
    assert find(manifests, "CronJob", "registry-gc")["spec"]["schedule"] == "0 3 * * 0"
    assert variables["REGISTRY_STORAGE_MAINTENANCE_READONLY"] == "{enabled: false}"


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


def test_two_synths_in_separate_processes_are_byte_identical(tmp_path: pathlib.Path) -> None:
    # GIVEN two runs of the default app, each in its own process (so with its own hash seed)
    outputs = []
    for run in ("first", "second"):
        outdir = tmp_path / run
        subprocess.run(
            ["cdk8s", "synth", "--no-check-upgrade", "--output", str(outdir)],
            cwd=ROOT, check=True, capture_output=True, text=True,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(outdir.iterdir())})

    # WHEN / THEN the files are the same, byte for byte
    assert outputs[0] == outputs[1]
    assert outputs[0]


def test_hashed_passwords_and_secret_values_synthesize_identically_across_processes() -> None:
    # GIVEN an app whose output holds bcrypt hashes, a checksum of secret values and generated names
    script = (
        "import cdk8s\n"
        "from constructs_lib import *\n"
        "app = cdk8s.App()\n"
        "RegistryChart(app, 'r', host='r.example.com', replicas=2,\n"
        "    auth=HtpasswdAuth.from_users({'alice': 'a-password', 'bob': 'b-password'}, cost=4),\n"
        "    http_secret=HttpSecret.from_value('0123456789abcdef'),\n"
        "    storage=Storage.s3(bucket='bkt', credentials=S3Credentials.from_values(access_key_id='AK',\n"
        "        secret_access_key='SK')))\n"
        "Registry(cdk8s.Chart(app, 'extra'), 'Unnamed', auth=None)\n"
        "print(app.synth_yaml())\n"
    )

    # WHEN it is synthesized twice, each time in a new process
    runs = [subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, capture_output=True,
                           text=True).stdout for _ in range(2)]

    # THEN the YAML is the same, byte for byte
    assert runs[0] == runs[1]
    assert "$2b$04$" in runs[0]
