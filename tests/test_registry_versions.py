"""The facts of ../shared/notes/registry-v3.md that the library relies on, pinned per version: what the synthesized
registry (2.x, 3.1.x, distribution's own 3.x image) gets for each. No 3.x binary runs here; the 2.x side of each fact is
also run for real in tests/e2e."""

from __future__ import annotations

import re
from typing import Any

import cdk8s
import pytest
from _manifests import container, env, find

from constructs_lib import (
    GarbageCollection,
    ProxyCache,
    RedisCache,
    Registry,
    S3Credentials,
    Storage,
    UploadPurging,
)
from constructs_lib._render import CONFIG_PATH

V2, V3, V3_DISTRIBUTION = "registry:2.8.3", "registry:3.1.1", "distribution/distribution:3.1.1"


def _synth(image: str, **options: Any) -> list[dict[str, Any]]:
    app = cdk8s.Testing.app()
    chart = cdk8s.Chart(app, "test", namespace="registry")
    Registry(chart, "Registry", name="registry", auth=None, image=image, **options)
    return cdk8s.Testing.synth(chart)


def _registry_env(image: str, **options: Any) -> dict[str, str]:
    return env(container(find(_synth(image, **options), "Deployment"), "registry"))


@pytest.mark.parametrize("image", [V2, V3, V3_DISTRIBUTION])
def test_config_path_given_and_always_ours(image: str) -> None:
    # Fact: 3.x has no default config path (`registry serve PATH`); distribution's image has ENTRYPOINT ["registry"];
    # without our file the image's default applies (3.x: a debug listener on :5001, environment: development).
    registry = container(find(_synth(image), "Deployment"), "registry")
    assert (registry["command"], registry["args"]) == (["registry", "serve"], [CONFIG_PATH])
    assert "REGISTRY_CONFIGURATION_PATH" not in env(registry)


@pytest.mark.parametrize(("image", "expected"), [
    (V2, {"REGISTRY_REDIS_ADDR": "redis.registry.svc:6379"}),
    (V3, {"REGISTRY_REDIS_ADDRS": "[redis.registry.svc:6379]"}),
    (V3_DISTRIBUTION, {"REGISTRY_REDIS_ADDRS": "[redis.registry.svc:6379]"}),
])
def test_redis_address_in_each_dialect(image: str, expected: dict[str, str]) -> None:
    # Fact: 3.1.x reads `redis.addrs` as a list (a bare host:port is fatal); REGISTRY_REDIS_ADDR is ignored on 3.x.
    variables = _registry_env(image, redis=RedisCache.of("redis.registry.svc:6379"))
    assert {key: variables[key] for key in expected} == expected
    assert not {"REGISTRY_REDIS_ADDR", "REGISTRY_REDIS_ADDRS"} - set(expected) & set(variables)


@pytest.mark.parametrize("image", ["registry:3.0.0", "registry:3.0.1", "distribution/distribution:3.0.0"])
def test_redis_on_3_0_is_refused(image: str) -> None:
    # Fact: 3.0.0 ignores REGISTRY_REDIS_ADDRS/_DB and panics at start ("redis configuration required ...").
    with pytest.raises(ValueError, match=re.escape("registry:3.1.1 or later")):
        _synth(image, redis=RedisCache.of("redis.registry.svc:6379"))


@pytest.mark.parametrize(("image", "exporter"), [(V3, "none"), (V3_DISTRIBUTION, "none")])
def test_tracing_exporter_is_named_on_3(image: str, exporter: str) -> None:
    # Fact: `serve` always starts OpenTelemetry; both images set OTEL_TRACES_EXPORTER=none; tracing needs a named one.
    assert _registry_env(image)["OTEL_TRACES_EXPORTER"] == exporter
    assert _registry_env(image, opentelemetry=True)["OTEL_TRACES_EXPORTER"] == "otlp"
    assert not [name for name in _registry_env(V2) if name.startswith("OTEL_")]


@pytest.mark.parametrize("image", [V2, V3])
def test_s3_path_style_and_shared_credentials_on_both(image: str) -> None:
    # Facts: 3.x defaults forcepathstyle to false (with a regionendpoint pushes fail); 2.8 with a regionendpoint uses
    # path style on its own; both read AWS_SHARED_CREDENTIALS_FILE when no keys are configured.
    variables = _registry_env(image, storage=Storage.s3(
        bucket="registry", endpoint="http://minio.minio.svc:9000",
        credentials=S3Credentials.from_secret("registry-s3")))
    assert variables["REGISTRY_STORAGE_S3_FORCEPATHSTYLE"] == "true"
    assert variables["AWS_SHARED_CREDENTIALS_FILE"] == "/run/registry/aws-credentials"
    assert not {"REGISTRY_STORAGE_S3_ACCESSKEY", "REGISTRY_STORAGE_S3_SECRETKEY"} & set(variables)


@pytest.mark.parametrize("image", [V2, V3])
def test_maps_from_one_variable_each(image: str) -> None:
    # Fact: storage.maintenance.uploadpurging and .readonly are read as YAML maps from one variable each.
    variables = _registry_env(image, upload_purging=UploadPurging.every(interval_hours=12, age_hours=48),
                              garbage_collection=GarbageCollection.on_schedule())
    assert variables["REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING"].startswith("{enabled: true")
    assert variables["REGISTRY_STORAGE_MAINTENANCE_READONLY"] == "{enabled: false}"


def test_proxy_ttl_only_on_3() -> None:
    # Fact: REGISTRY_PROXY_TTL=24h is read by 3.x; 2.x has no proxy TTL.
    assert _registry_env(V3, proxy=ProxyCache.of(ttl_hours=24))["REGISTRY_PROXY_TTL"] == "24h"
    with pytest.raises(ValueError, match="ttl_hours"):
        _synth(V2, proxy=ProxyCache.of(ttl_hours=24))


@pytest.mark.parametrize("image", [V2, V3])
def test_debug_listener_only_on_loopback(image: str) -> None:
    # Fact: the debug port's /debug/vars returns secrets (3.x: the whole configuration; 2.8: the Redis block).
    variables = _registry_env(image)
    assert variables["REGISTRY_HTTP_DEBUG_ADDR"].startswith("127.0.0.1:")
