"""Storage.s3 / Storage.filesystem and S3Credentials (constructs_lib/storage.py) and what the Registry renders."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import cdk8s
import pytest
from _manifests import assert_nothing_built, env_entries, find, invalid, of_kind, pod_spec, registry_container
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    FilesystemStorage,
    Registry,
    S3Credentials,
    S3Storage,
    Storage,
    VolumeAccessMode,
)

ACCESS_KEY = "minio-access-id"
SECRET_KEY = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY"


# --- helpers -------------------------------------------------------------------------------------------------------


def _synth_registry(app: cdk8s.App, storage: Storage) -> list[dict[str, Any]]:
    chart = cdk8s.Chart(app, "test", namespace="registry")
    Registry(chart, "Registry", name="registry", auth=None, storage=storage)
    return cdk8s.Testing.synth(chart)


def _storage_env(manifests: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {name: entry for name, entry in env_entries(registry_container(manifests)).items()
            if name.startswith("REGISTRY_STORAGE")}


def _value(name: str, value: str) -> dict[str, Any]:
    return {"name": name, "value": value}


def _credentials_volumes(manifests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Secret volumes the init container reads the S3 keys from."""
    return [v for v in pod_spec(manifests)["volumes"] if v["name"].startswith("s3-")]


def _s3(**overrides: Any) -> S3Storage:
    return Storage.s3(**{"bucket": "registry-blobs", "credentials": None, **overrides})


# --- S3 ------------------------------------------------------------------------------------------------------------


def test_s3_minio_with_key_values(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN MinIO storage with keys given as values, a root directory and a chunk size
    storage = Storage.s3(
        bucket="registry-blobs",
        credentials=S3Credentials.from_values(access_key_id=ACCESS_KEY, secret_access_key=SECRET_KEY),
        endpoint="http://minio.minio.svc:9000/",
        root_directory="/registry/v2-data",
        chunk_size_mib=16,
    )

    # WHEN a registry uses it
    manifests = _synth_registry(app, storage)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    # AND the storage env is exactly this: endpoint without its trailing '/', path style and no redirects by
    # default with an endpoint, the chunk size in bytes, keys from the created Secret
    assert _storage_env(manifests) == {
        "REGISTRY_STORAGE": _value("REGISTRY_STORAGE", "s3"),
        "REGISTRY_STORAGE_S3_BUCKET": _value("REGISTRY_STORAGE_S3_BUCKET", "registry-blobs"),
        "REGISTRY_STORAGE_S3_REGION": _value("REGISTRY_STORAGE_S3_REGION", "us-east-1"),
        "REGISTRY_STORAGE_S3_REGIONENDPOINT": _value("REGISTRY_STORAGE_S3_REGIONENDPOINT",
                                                     "http://minio.minio.svc:9000"),
        # secure follows the endpoint's http:// scheme
        "REGISTRY_STORAGE_S3_SECURE": _value("REGISTRY_STORAGE_S3_SECURE", "false"),
        "REGISTRY_STORAGE_S3_SKIPVERIFY": _value("REGISTRY_STORAGE_S3_SKIPVERIFY", "false"),
        "REGISTRY_STORAGE_S3_FORCEPATHSTYLE": _value("REGISTRY_STORAGE_S3_FORCEPATHSTYLE", "true"),
        "REGISTRY_STORAGE_S3_ROOTDIRECTORY": _value("REGISTRY_STORAGE_S3_ROOTDIRECTORY", "/registry/v2-data"),
        "REGISTRY_STORAGE_S3_CHUNKSIZE": _value("REGISTRY_STORAGE_S3_CHUNKSIZE", str(16 * 1024 * 1024)),
        "REGISTRY_STORAGE_REDIRECT_DISABLE": _value("REGISTRY_STORAGE_REDIRECT_DISABLE", "true"),
        "REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR": _value("REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR", "inmemory"),
        "REGISTRY_STORAGE_DELETE_ENABLED": _value("REGISTRY_STORAGE_DELETE_ENABLED", "false"),
    }
    # AND a Secret "<name>-s3" in the namespace holds the keys, read as files by the init container
    secret = find(manifests, "Secret")
    assert (secret["metadata"]["name"], secret["metadata"]["namespace"]) == ("registry-s3", "registry")
    assert secret["stringData"] == {"accesskey": ACCESS_KEY, "secretkey": SECRET_KEY}
    assert _credentials_volumes(manifests) == [{"name": "s3-credentials", "secret": {
        "secretName": "registry-s3", "defaultMode": 0o440,
        "items": [{"key": "accesskey", "path": "access-key"}, {"key": "secretkey", "path": "secret-key"}]}}]
    # AND the secret key is in that Secret only: never an env value, nor in the checksum annotation
    assert SECRET_KEY not in [entry.get("value") for entry in registry_container(manifests)["env"]]
    assert json.dumps(manifests).count(SECRET_KEY) == 1
    # AND S3 storage mounts no data volume and makes no claim
    assert of_kind(manifests, "PersistentVolumeClaim") == []
    assert not [m for m in registry_container(manifests).get("volumeMounts", [])
                if m["mountPath"] == "/var/lib/registry"]


def test_s3_aws_with_existing_secret_and_custom_keys(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN AWS S3 (no endpoint) in a region, keys in an existing Secret under custom key names
    storage = Storage.s3(
        bucket="acme-registry.eu",
        region="eu-west-1",
        credentials=S3Credentials.from_secret("aws-keys", access_key_key="AWS_ACCESS_KEY_ID",
                                              secret_key_key="AWS_SECRET_ACCESS_KEY"),
    )

    # WHEN a registry uses it
    manifests = _synth_registry(app, storage)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    # AND the keys come from the existing Secret's custom keys, as files for the init container; none is created
    assert _credentials_volumes(manifests) == [{"name": "s3-credentials", "secret": {
        "secretName": "aws-keys", "defaultMode": 0o440,
        "items": [{"key": "AWS_ACCESS_KEY_ID", "path": "access-key"},
                  {"key": "AWS_SECRET_ACCESS_KEY", "path": "secret-key"}]}}]
    variables = env_entries(registry_container(manifests))
    assert "REGISTRY_STORAGE_S3_ACCESSKEY" not in variables
    assert variables["AWS_SHARED_CREDENTIALS_FILE"] == _value("AWS_SHARED_CREDENTIALS_FILE",
                                                              "/run/registry/aws-credentials")
    assert of_kind(manifests, "Secret") == []
    env = _storage_env(manifests)
    # AND without an endpoint: no REGIONENDPOINT, virtual-host style and presigned redirects (the defaults)
    assert "REGISTRY_STORAGE_S3_REGIONENDPOINT" not in env
    assert env["REGISTRY_STORAGE_S3_REGION"]["value"] == "eu-west-1"
    assert env["REGISTRY_STORAGE_S3_BUCKET"]["value"] == "acme-registry.eu"
    assert env["REGISTRY_STORAGE_S3_FORCEPATHSTYLE"]["value"] == "false"
    assert env["REGISTRY_STORAGE_REDIRECT_DISABLE"]["value"] == "false"
    assert "REGISTRY_STORAGE_S3_ROOTDIRECTORY" not in env
    assert "REGISTRY_STORAGE_S3_CHUNKSIZE" not in env
    assert env["REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR"]["value"] == "inmemory"


def test_s3_without_credentials_sets_no_key_env(app: cdk8s.App) -> None:
    # GIVEN S3 storage that uses the pod's own identity
    storage = _s3(region="us-west-2")

    # WHEN a registry uses it
    manifests = _synth_registry(app, storage)

    # THEN no key variable and no Secret exist
    env = _storage_env(manifests)
    assert "REGISTRY_STORAGE_S3_ACCESSKEY" not in env
    assert "REGISTRY_STORAGE_S3_SECRETKEY" not in env
    assert of_kind(manifests, "Secret") == []
    assert env["REGISTRY_STORAGE"]["value"] == "s3"


@pytest.mark.parametrize(
    ("endpoint", "overrides", "path_style", "redirect_disabled"),
    [
        (None, {}, "false", "false"),
        ("https://s3.example.com", {}, "true", "true"),
        ("https://s3.example.com", {"force_path_style": False, "redirect_disabled": False}, "false", "false"),
        (None, {"force_path_style": True, "redirect_disabled": True}, "true", "true"),
    ],
    ids=["aws-defaults", "endpoint-defaults", "endpoint-overridden", "aws-overridden"],
)
def test_s3_path_style_and_redirect_defaults_follow_the_endpoint(
    app: cdk8s.App, endpoint: str | None, overrides: dict[str, Any], path_style: str, redirect_disabled: str
) -> None:
    # GIVEN S3 storage with or without an endpoint, with or without explicit settings
    storage = _s3(endpoint=endpoint, **overrides)

    # WHEN a registry uses it
    env = _storage_env(_synth_registry(app, storage))

    # THEN path style and redirects are on with an endpoint and off without, unless set explicitly
    assert storage.force_path_style is (path_style == "true")
    assert storage.redirect_disabled is (redirect_disabled == "true")
    assert env["REGISTRY_STORAGE_S3_FORCEPATHSTYLE"]["value"] == path_style
    assert env["REGISTRY_STORAGE_REDIRECT_DISABLE"]["value"] == redirect_disabled


def test_s3_secure_and_skip_verify(app: cdk8s.App, tmp_path: pathlib.Path) -> None:
    # GIVEN an https endpoint with a self-signed certificate, and an http endpoint without TLS
    self_signed = _s3(endpoint="https://minio.example.com:9443", skip_verify=True)
    plain = _s3(endpoint="http://minio:9000", secure=False)

    # WHEN registries use them
    self_signed_env = _storage_env(_synth_registry(app, self_signed))
    plain_env = _storage_env(_synth_registry(cdk8s.Testing.app(outdir=str(tmp_path / "dist2")), plain))

    # THEN SKIPVERIFY and SECURE carry the settings
    assert self_signed_env["REGISTRY_STORAGE_S3_SKIPVERIFY"]["value"] == "true"
    assert self_signed_env["REGISTRY_STORAGE_S3_SECURE"]["value"] == "true"
    assert self_signed_env["REGISTRY_STORAGE_S3_REGIONENDPOINT"]["value"] == "https://minio.example.com:9443"
    assert plain_env["REGISTRY_STORAGE_S3_SKIPVERIFY"]["value"] == "false"
    assert plain_env["REGISTRY_STORAGE_S3_SECURE"]["value"] == "false"


def test_s3_secure_follows_the_endpoint_scheme_and_defaults_to_true_without_one() -> None:
    # GIVEN / WHEN storages with and without an endpoint, secure left unset
    # THEN the endpoint's scheme decides; AWS (no endpoint) uses HTTPS unless told otherwise
    assert _s3(endpoint="http://minio:9000").secure is False
    assert _s3(endpoint="https://minio:9443").secure is True
    assert _s3(endpoint=None).secure is True
    assert _s3(endpoint=None, secure=False).secure is False


@pytest.mark.parametrize(("endpoint", "secure"), [("http://minio:9000", True), ("https://minio:9443", False)])
def test_fails_secure_contradicting_the_endpoint(chart: cdk8s.Chart, tmp_path: pathlib.Path, endpoint: str,
                                                  secure: bool) -> None:
    # GIVEN / WHEN secure set against the endpoint's scheme
    # THEN a ValueError names the parameter, the value and the rule
    with pytest.raises(ValueError, match=invalid("secure", secure) + ".*leave secure unset"):
        Registry(chart, "Registry", name="registry", auth=None, storage=_s3(endpoint=endpoint, secure=secure))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize(("mib", "size"), [(5, "5242880"), (32, "33554432")], ids=["min", "max"])
def test_s3_chunk_size_bounds_in_bytes(app: cdk8s.App, mib: int, size: str) -> None:
    # GIVEN the smallest and largest S3 part sizes
    # WHEN a registry uses them
    env = _storage_env(_synth_registry(app, _s3(chunk_size_mib=mib)))
    # THEN CHUNKSIZE is in bytes
    assert env["REGISTRY_STORAGE_S3_CHUNKSIZE"]["value"] == size


def test_s3_credentials_from_values_repr_hides_the_secret_key() -> None:
    # GIVEN keys given as values
    credentials = S3Credentials.from_values(access_key_id=ACCESS_KEY, secret_access_key=SECRET_KEY)

    # WHEN the credentials and the storage holding them are printed
    texts = [repr(credentials), str(credentials), repr(_s3(credentials=credentials))]

    # THEN the access key id shows, the secret key never does
    assert repr(credentials) == f"S3Credentials(access_key_id={ACCESS_KEY!r}, secret_access_key=<hidden>)"
    assert all(SECRET_KEY not in text for text in texts)
    assert credentials.access_key_ref is None and credentials.secret_key_ref is None


def test_s3_credentials_from_secret_defaults_and_repr() -> None:
    # GIVEN an existing Secret name only
    # WHEN the credentials are made
    credentials = S3Credentials.from_secret("s3-keys")

    # THEN they read the keys "accesskey" and "secretkey" and hold no values
    assert credentials.access_key_ref is not None and credentials.secret_key_ref is not None
    assert (credentials.access_key_ref.name, credentials.access_key_ref.key) == ("s3-keys", "accesskey")
    assert (credentials.secret_key_ref.name, credentials.secret_key_ref.key) == ("s3-keys", "secretkey")
    assert credentials.values is None
    assert repr(credentials) == "S3Credentials.from_secret('s3-keys')"


# --- filesystem ----------------------------------------------------------------------------------------------------


def test_filesystem_defaults(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN filesystem storage with its defaults
    storage = Storage.filesystem()

    # WHEN a registry uses it
    manifests = _synth_registry(app, storage)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    # AND the value object holds the defaults
    assert isinstance(storage, FilesystemStorage)
    assert (storage.size_gib, storage.storage_class, storage.access_mode) == \
        (10, None, VolumeAccessMode.READ_WRITE_ONCE)
    # AND a 10Gi ReadWriteOnce claim uses the cluster's default class (no storageClassName at all)
    claim = find(manifests, "PersistentVolumeClaim")
    assert claim["metadata"]["name"] == "registry-data"
    assert claim["metadata"]["namespace"] == "registry"
    assert claim["spec"]["resources"]["requests"]["storage"] == "10Gi"
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert "storageClassName" not in claim["spec"]
    # AND the claim is mounted read-write at /var/lib/registry, where the registry writes
    (volume,) = [v for v in pod_spec(manifests)["volumes"] if v["name"] == "data"]
    assert volume["persistentVolumeClaim"]["claimName"] == "registry-data"
    assert {"mountPath": "/var/lib/registry", "name": "data", "readOnly": False} in \
        registry_container(manifests)["volumeMounts"]
    assert _storage_env(manifests) == {
        "REGISTRY_STORAGE": _value("REGISTRY_STORAGE", "filesystem"),
        "REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY": _value("REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY",
                                                            "/var/lib/registry"),
        "REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR": _value("REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR", "inmemory"),
        "REGISTRY_STORAGE_DELETE_ENABLED": _value("REGISTRY_STORAGE_DELETE_ENABLED", "false"),
    }
    # AND a ReadWriteOnce volume is never mounted by two pods at once during a rollout
    deployment = find(manifests, "Deployment")
    assert deployment["spec"]["strategy"] == {"type": "Recreate"}
    assert of_kind(manifests, "Secret") == []


def test_filesystem_custom_size_class_and_access_mode(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a 50Gi ReadWriteMany claim on the "longhorn" class
    storage = Storage.filesystem(size_gib=50, storage_class="longhorn", access_mode=VolumeAccessMode.READ_WRITE_MANY)

    # WHEN a registry uses it
    manifests = _synth_registry(app, storage)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    # AND the claim has the size, class and access mode given
    claim = find(manifests, "PersistentVolumeClaim")
    assert claim["spec"]["resources"]["requests"]["storage"] == "50Gi"
    assert claim["spec"]["storageClassName"] == "longhorn"
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]
    assert {"mountPath": "/var/lib/registry", "name": "data", "readOnly": False} in \
        registry_container(manifests)["volumeMounts"]


def test_filesystem_read_write_once_pod(app: cdk8s.App) -> None:
    # GIVEN a ReadWriteOncePod claim
    # WHEN a registry uses it
    manifests = _synth_registry(app, Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_ONCE_POD))
    # THEN the claim carries that access mode
    claim = find(manifests, "PersistentVolumeClaim")
    assert claim["spec"]["accessModes"] == ["ReadWriteOncePod"]


@pytest.mark.parametrize(
    ("storage", "shared"),
    [
        (Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_ONCE), False),
        (Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_ONCE_POD), False),
        (Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_MANY), True),
        (Storage.s3(bucket="registry-blobs", credentials=None), True),
    ],
    ids=["rwo", "rwop", "rwx", "s3"],
)
def test_shared(storage: Storage, shared: bool) -> None:
    # GIVEN a storage
    # WHEN asked whether several replicas can share it
    # THEN only ReadWriteMany claims and S3 say yes
    assert storage.shared is shared


# --- validation: S3 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bucket", ["ab", "a" * 64, "Upper", "a..b", "-ab", "192.168.1.1", "a_b"],
    ids=["too-short", "too-long", "upper-case", "double-dot", "leading-dash", "ip-address", "underscore"],
)
def test_fails_bad_bucket(chart: cdk8s.Chart, tmp_path: pathlib.Path, bucket: str) -> None:
    # GIVEN a bucket name S3 rejects
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter, the value and the rule
    with pytest.raises(ValueError, match=invalid("bucket", bucket) + ".*S3 bucket name"):
        Registry(chart, "Registry", name="registry", auth=None, storage=_s3(bucket=bucket))
    assert_nothing_built(chart, tmp_path)


def test_fails_bad_region(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN a region in the wrong case and with '_'
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    with pytest.raises(ValueError, match=invalid("region", "US_EAST") + ".*S3 region"):
        Registry(chart, "Registry", name="registry", auth=None, storage=_s3(region="US_EAST"))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize(
    "endpoint", ["minio.minio.svc:9000", "http://minio:9000/path", "ftp://minio:9000", "http://"],
    ids=["no-scheme", "path", "ftp", "no-host"],
)
def test_fails_bad_endpoint(chart: cdk8s.Chart, tmp_path: pathlib.Path, endpoint: str) -> None:
    # GIVEN an endpoint that is not an http(s) URL of a host
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    with pytest.raises(ValueError, match=invalid("endpoint", endpoint) + ".*http:// or https://"):
        Registry(chart, "Registry", name="registry", auth=None, storage=_s3(endpoint=endpoint))
    assert_nothing_built(chart, tmp_path)


def test_fails_skip_verify_with_http_endpoint(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN skip_verify on a plain-http endpoint, where there is no certificate to skip
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    with pytest.raises(ValueError, match=invalid("skip_verify", True) + ".*https://"):
        Registry(chart, "Registry", name="registry", auth=None,
                 storage=_s3(endpoint="http://minio:9000", skip_verify=True))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize("root_directory", ["registry", "/registry/", "//registry", "/a b"],
                         ids=["no-leading-slash", "trailing-slash", "empty-segment", "space"])
def test_fails_bad_root_directory(chart: cdk8s.Chart, tmp_path: pathlib.Path, root_directory: str) -> None:
    # GIVEN a root directory that is not '/segment/...'
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    with pytest.raises(ValueError, match=invalid("root_directory", root_directory) + ".*starts with '/'"):
        Registry(chart, "Registry", name="registry", auth=None, storage=_s3(root_directory=root_directory))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize("chunk_size_mib", [4, 33], ids=["4", "33"])
def test_fails_bad_chunk_size(chart: cdk8s.Chart, tmp_path: pathlib.Path, chunk_size_mib: int) -> None:
    # GIVEN a part size outside S3's 5 MiB to 5 GiB
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter, the value and the range
    with pytest.raises(ValueError, match=invalid("chunk_size_mib", chunk_size_mib) + ".*from 5 to 32"):
        Registry(chart, "Registry", name="registry", auth=None, storage=_s3(chunk_size_mib=chunk_size_mib))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize(
    ("kwargs", "parameter", "shown"),
    [
        ({"access_key_id": "", "secret_access_key": SECRET_KEY}, "access_key_id", ""),
        ({"access_key_id": "AK IA", "secret_access_key": SECRET_KEY}, "access_key_id", "AK IA"),
        ({"access_key_id": ACCESS_KEY, "secret_access_key": ""}, "secret_access_key", "<hidden>"),
        ({"access_key_id": ACCESS_KEY, "secret_access_key": "  "}, "secret_access_key", "<hidden>"),
        ({"access_key_id": ACCESS_KEY, "secret_access_key": SECRET_KEY + "\n"}, "secret_access_key", "<hidden>"),
    ],
    ids=["empty-access", "space-in-access", "empty-secret", "blank-secret", "newline-in-secret"],
)
def test_fails_bad_key_values(chart: cdk8s.Chart, tmp_path: pathlib.Path, kwargs: dict[str, Any], parameter: str,
                              shown: str) -> None:
    # GIVEN an empty key or one with whitespace
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter, and shows the access key id but never the secret key
    with pytest.raises(ValueError, match=invalid(parameter, shown) + ".*no whitespace") as error:
        Registry(chart, "Registry", name="registry", auth=None,
                 storage=_s3(credentials=S3Credentials.from_values(**kwargs)))
    assert SECRET_KEY not in str(error.value)
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize(
    ("kwargs", "parameter", "value"),
    [
        ({"name": "s3-keys", "access_key_key": "key", "secret_key_key": "key"}, "secret_key_key", "key"),
        ({"name": "s3-keys", "secret_key_key": "accesskey"}, "secret_key_key", "accesskey"),
        ({"name": "Bad_Name"}, "name", "Bad_Name"),
        ({"name": "s3-keys", "access_key_key": "a/b"}, "access_key_key", "a/b"),
        ({"name": "s3-keys", "secret_key_key": ""}, "secret_key_key", ""),
    ],
    ids=["identical-keys", "secret-key-equals-default-access-key", "bad-name", "bad-access-key", "empty-secret-key"],
)
def test_fails_bad_credentials_secret(chart: cdk8s.Chart, tmp_path: pathlib.Path, kwargs: dict[str, Any],
                                      parameter: str, value: str) -> None:
    # GIVEN an existing-Secret reference with a bad name, a bad key, or the same key twice
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    with pytest.raises(ValueError, match=invalid(parameter, value)):
        Registry(chart, "Registry", name="registry", auth=None,
                 storage=_s3(credentials=S3Credentials.from_secret(**kwargs)))
    assert_nothing_built(chart, tmp_path)


# --- validation: filesystem ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("parameter", "options", "expected"), [
    ("chunk_size_mib", {"bucket": "registry", "credentials": None, "chunk_size_mib": True}, r"int \| None"),
    ("secure", {"bucket": "registry", "credentials": None, "secure": "false"}, r"bool \| None"),
    ("skip_verify", {"bucket": "registry", "credentials": None, "skip_verify": 1}, "bool"),
    ("credentials", {"bucket": "registry", "credentials": "registry-s3"}, r"S3Credentials \| None"),
    ("bucket", {"bucket": None, "credentials": None}, "str"),
])
def test_fails_s3_option_of_another_type(parameter: str, options: dict[str, object], expected: str) -> None:
    # GIVEN / WHEN an S3 option of the wrong type ("false" would read as true)
    # THEN a TypeError names the parameter, the value's type and the expected type
    with pytest.raises(TypeError, match=rf"^{parameter}: expected {expected}, got {type(options[parameter]).__name__}"):
        Storage.s3(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(("options", "message"), [
    ({"size_gib": True}, r"^size_gib: expected int, got bool"),
    ({"size_gib": "10Gi"}, r"^size_gib: expected int, got str"),
    ({"access_mode": "ReadWriteMany"}, r"^access_mode: expected VolumeAccessMode, got str"),
])
def test_fails_filesystem_option_of_another_type(options: dict[str, object], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        Storage.filesystem(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize("size_gib", [0, -1], ids=["0", "negative"])
def test_fails_bad_size(chart: cdk8s.Chart, tmp_path: pathlib.Path, size_gib: int) -> None:
    # GIVEN a claim size that is not a positive whole number
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    with pytest.raises(ValueError, match=invalid("size_gib", size_gib) + ".*whole number from 1"):
        Registry(chart, "Registry", name="registry", auth=None, storage=Storage.filesystem(size_gib=size_gib))
    assert_nothing_built(chart, tmp_path)


def test_fails_bad_storage_class(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN a StorageClass name Kubernetes rejects
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    with pytest.raises(ValueError, match=invalid("storage_class", "Bad_Class") + ".*DNS-1123 subdomain"):
        Registry(chart, "Registry", name="registry", auth=None, storage=Storage.filesystem(storage_class="Bad_Class"))
    assert_nothing_built(chart, tmp_path)


# --- dot segments and endpoints beyond a host and a port ---------------------------------------------------------


@pytest.mark.parametrize("root_directory", ["/a/../b", "/..", "/registry/.", "/./registry"],
                         ids=["dotdot-inside", "dotdot-only", "trailing-dot", "leading-dot"])
def test_fails_root_directory_with_dot_segments(chart: cdk8s.Chart, tmp_path: pathlib.Path,
                                                root_directory: str) -> None:
    # GIVEN a root directory with '.' or '..' segments
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    with pytest.raises(ValueError, match=invalid("root_directory", root_directory)):
        Registry(chart, "Registry", name="registry", auth=None, storage=_s3(root_directory=root_directory))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize(
    "endpoint",
    ["https://AKIA:s3cret@s3.example.com", "http://minio:99999", "http://minio:port", "http://:9000",
     "http://minio:9000?x=1", "http://minio:9000#f"],
    ids=["userinfo", "port-out-of-range", "port-not-a-number", "empty-host", "query", "fragment"],
)
def test_fails_endpoint_beyond_host_and_port(chart: cdk8s.Chart, tmp_path: pathlib.Path, endpoint: str) -> None:
    # GIVEN an endpoint with more than a scheme, a host and a port
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    # (credentials in the URL are named but not repeated)
    shown = "https://<credentials>@s3.example.com" if "@" in endpoint else endpoint
    with pytest.raises(ValueError, match=invalid("endpoint", shown)) as error:
        Registry(chart, "Registry", name="registry", auth=None, storage=_s3(endpoint=endpoint))
    assert "s3cret" not in str(error.value)
    assert_nothing_built(chart, tmp_path)
