"""The Registry construct: Deployment, Service and the Secrets and claim it creates."""

import json
import pathlib
import re
from typing import Any

import cdk8s
import pytest
from _manifests import container, env, find, kinds
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    DEFAULT_METRICS_PROXY_IMAGE,
    HtpasswdAuth,
    HttpSecret,
    LogLevel,
    PodOptions,
    RedisCache,
    Registry,
    S3Credentials,
    Storage,
    VolumeAccessMode,
)


@pytest.fixture
def ns_chart(app: cdk8s.App) -> cdk8s.Chart:
    return cdk8s.Chart(app, "test", namespace="registry")


def _s3(**overrides: Any) -> Storage:
    options: dict[str, Any] = {"bucket": "registry", "endpoint": "http://minio.minio.svc:9000",
                               "credentials": S3Credentials.from_secret("registry-s3")}
    options.update(overrides)
    return Storage.s3(**options)


def _nothing_written(app: cdk8s.App) -> bool:
    outdir = pathlib.Path(app.outdir)
    return not outdir.exists() or not any(outdir.iterdir())


def test_defaults_give_one_hardened_pod_on_a_volume(ns_chart: cdk8s.Chart, snapshot: SnapshotAssertion) -> None:
    # GIVEN a registry with only the required argument
    Registry(ns_chart, "Registry", name="registry", auth=None)

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(ns_chart)

    # THEN a Deployment, a Service and a 10Gi claim, in the chart's namespace
    assert manifests == snapshot
    assert kinds(manifests) == [("PersistentVolumeClaim", "registry-data"), ("Deployment", "registry"),
                                ("ConfigMap", "registry-metrics-proxy"), ("Service", "registry"),
                                ("NetworkPolicy", "registry")]
    assert {m["metadata"]["namespace"] for m in manifests} == {"registry"}
    deployment = find(manifests, "Deployment")
    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    registry = container(deployment, "registry")
    assert spec["replicas"] == 1
    assert spec["strategy"] == {"type": "Recreate"}  # a ReadWriteOnce volume: old and new pod never overlap
    assert registry["image"] == "registry:2.8.3"
    assert registry["imagePullPolicy"] == "Always"  # a tag can move; a digest gets IfNotPresent
    # (the registry's port only: the metrics port, which the Service never exposes, is the metrics sidecar's)
    assert registry["ports"] == [{"containerPort": 5000, "name": "http"}]
    assert [c["name"] for c in pod["containers"]] == ["registry", "metrics"]
    assert pod["enableServiceLinks"] is False
    assert pod["automountServiceAccountToken"] is False
    assert env(registry) == {
        "REGISTRY_LOG_LEVEL": "info",
        "REGISTRY_HTTP_ADDR": ":5000",
        "REGISTRY_STORAGE": "filesystem",
        "REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY": "/var/lib/registry",
        "REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR": "inmemory",
        "REGISTRY_HTTP_DEBUG_ADDR": "127.0.0.1:5002",
        "REGISTRY_HTTP_DEBUG_PROMETHEUS_ENABLED": "true",
        "REGISTRY_HTTP_DEBUG_PROMETHEUS_PATH": "/metrics",
        "REGISTRY_STORAGE_DELETE_ENABLED": "false",
        "REGISTRY_HEALTH_STORAGEDRIVER_ENABLED": "true",
        "REGISTRY_HEALTH_STORAGEDRIVER_INTERVAL": "5s",
        "REGISTRY_HEALTH_STORAGEDRIVER_THRESHOLD": "2",
        "REGISTRY_HTTP_DRAINTIMEOUT": "20s",
    }
    # AND the pods announce the metrics endpoint to Prometheus, next to the configuration checksum
    annotations = spec["template"]["metadata"]["annotations"]
    assert re.fullmatch(r"[0-9a-f]{64}", annotations["checksum/config"])
    assert annotations == {"checksum/config": annotations["checksum/config"], "prometheus.io/scrape": "true",
                           "prometheus.io/port": "5001", "prometheus.io/path": "/metrics"}
    # (the config file the init container always renders: tests/e2e/test_command_e2e.py)
    assert registry["volumeMounts"] == [{"mountPath": "/run/registry", "name": "rendered", "readOnly": True},
                                        {"mountPath": "/var/lib/registry", "name": "data", "readOnly": False}]
    assert (registry["command"], registry["args"]) == (["registry", "serve"], ["/run/registry/config.yml"])
    # (the metrics sidecar's volumes: test_metrics_come_from_a_sidecar_that_serves_only_get_metrics)
    assert [v for v in pod["volumes"] if not v["name"].startswith("metrics-proxy-")] == [
        {"name": "rendered", "emptyDir": {"medium": "Memory", "sizeLimit": "1Mi"}},
        {"name": "data", "persistentVolumeClaim": {"claimName": "registry-data", "readOnly": False}}]
    claim = find(manifests, "PersistentVolumeClaim")
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert claim["spec"]["resources"] == {"requests": {"storage": "10Gi"}}
    service = find(manifests, "Service")
    assert service["spec"]["ports"] == [{"name": "http", "port": 5000, "targetPort": 5000}]
    assert service["spec"]["selector"] == spec["selector"]["matchLabels"]
    assert service["spec"]["type"] == "ClusterIP"


def test_pod_meets_the_restricted_profile_with_registry_sized_resources(ns_chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN a default registry
    Registry(ns_chart, "Registry", name="registry", auth=None)
    deployment = find(cdk8s.Testing.synth(ns_chart), "Deployment")

    # THEN the pod runs non-root, without privileges or capabilities, on a read-only root, writable via fsGroup
    pod = deployment["spec"]["template"]["spec"]
    # (a uid above 10000 maps to no user of the node)
    assert pod["securityContext"] == {"fsGroup": 10001, "fsGroupChangePolicy": "OnRootMismatch",
                                      "runAsGroup": 10001, "runAsNonRoot": True, "runAsUser": 10001,
                                      "seccompProfile": {"type": "RuntimeDefault"}}
    registry = container(deployment, "registry")
    assert registry["securityContext"] == {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]},
                                           "privileged": False, "readOnlyRootFilesystem": True, "runAsGroup": 10001,
                                           "runAsNonRoot": True, "runAsUser": 10001}
    assert registry["resources"] == {"limits": {"cpu": "1", "memory": "512Mi"},
                                     "requests": {"cpu": "100m", "memory": "128Mi"}}


def test_probes_use_storage_health_for_readiness_only(ns_chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN a registry on a custom port
    Registry(ns_chart, "Registry", name="registry", auth=None, port=5050)
    registry = container(find(cdk8s.Testing.synth(ns_chart), "Deployment"), "registry")

    # THEN readiness asks GET / (503 while storage is down); liveness and startup only need the port to answer
    assert registry["readinessProbe"]["httpGet"] == {"path": "/", "port": 5050, "scheme": "HTTP"}
    assert registry["livenessProbe"]["tcpSocket"] == {"port": 5050}
    assert "httpGet" not in registry["livenessProbe"]
    assert registry["startupProbe"]["tcpSocket"] == {"port": 5050}
    assert registry["startupProbe"]["failureThreshold"] * registry["startupProbe"]["periodSeconds"] >= 60
    assert env(registry)["REGISTRY_HTTP_ADDR"] == ":5050"
    # AND an S3 outage takes the pod out within 20 s at worst (the storage check failing, then the probe): well
    # inside a 40 s outage (tests/traefik/test_replicas_faults.py measures it), while the liveness probe would need
    # a minute of a process that no longer answers at all
    variables, readiness = env(registry), registry["readinessProbe"]
    check = int(variables["REGISTRY_HEALTH_STORAGEDRIVER_INTERVAL"].removesuffix("s"))
    worst_drain = check * int(variables["REGISTRY_HEALTH_STORAGEDRIVER_THRESHOLD"]) + (
        readiness["periodSeconds"] * readiness["failureThreshold"])
    assert worst_drain <= 20
    assert readiness["timeoutSeconds"] < readiness["periodSeconds"]
    assert registry["livenessProbe"]["periodSeconds"] * registry["livenessProbe"]["failureThreshold"] >= 60


def test_a_deleted_pod_serves_until_the_ingress_let_it_go_then_drains(ns_chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN the default registry
    Registry(ns_chart, "Registry", name="registry", auth=None)
    deployment = find(cdk8s.Testing.synth(ns_chart), "Deployment")
    registry = container(deployment, "registry")
    # THEN a deleted pod keeps serving for a pause (the ingress drops its endpoint meanwhile), then finishes the
    # requests in flight, all within the grace period before the kubelet's SIGKILL
    assert registry["lifecycle"] == {"preStop": {"exec": {"command": ["sleep", "5"]}}}
    drain = int(env(registry)["REGISTRY_HTTP_DRAINTIMEOUT"].removesuffix("s"))
    assert 5 + drain < deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]


def test_options_reach_the_registry_configuration(ns_chart: cdk8s.Chart, snapshot: SnapshotAssertion) -> None:
    # GIVEN every option of the registry set, S3 storage and an existing htpasswd Secret
    Registry(
        ns_chart, "Registry", name="hub", auth=HtpasswdAuth.from_secret("users", key="file", realm="Hub"),
        storage=_s3(), image="mirror.example.com/library/registry:2.8.3", replicas=3,
        http_secret=HttpSecret.from_secret("hub-shared", key="secret"), delete_enabled=True,
        log_level=LogLevel.DEBUG, port=5050,
    )

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(ns_chart)

    # THEN each option shows up where the registry reads it
    assert manifests == snapshot
    # existing Secrets: none created; several replicas: a disruption budget
    assert kinds(manifests) == [("Deployment", "hub"), ("ConfigMap", "hub-metrics-proxy"),
                                ("PodDisruptionBudget", "hub"), ("Service", "hub"), ("NetworkPolicy", "hub")]
    deployment = find(manifests, "Deployment")
    registry = container(deployment, "registry")
    variables = env(registry)
    assert registry["image"] == "mirror.example.com/library/registry:2.8.3"
    assert deployment["spec"]["replicas"] == 3
    assert deployment["spec"]["strategy"] == {"type": "RollingUpdate",
                                              "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}}
    assert "REGISTRY_HTTP_SECRET" not in variables  # a file the init container renders, see below
    assert registry["args"] == ["/run/registry/config.yml"]
    assert variables["REGISTRY_STORAGE_DELETE_ENABLED"] == "true"
    assert variables["REGISTRY_LOG_LEVEL"] == "debug"
    assert variables["REGISTRY_HTTP_ADDR"] == ":5050"
    assert registry["ports"] == [{"containerPort": 5050, "name": "http"}]
    assert container(deployment, "metrics")["ports"] == [{"containerPort": 5001, "name": "metrics"}]
    assert variables["REGISTRY_HTTP_DEBUG_ADDR"] == "127.0.0.1:5002"
    assert find(manifests, "Service")["spec"]["ports"] == [{"name": "http", "port": 5050, "targetPort": 5050}]
    assert variables["REGISTRY_AUTH"] == "htpasswd"
    assert variables["REGISTRY_AUTH_HTPASSWD_REALM"] == "Hub"
    assert variables["REGISTRY_AUTH_HTPASSWD_PATH"] == "/auth/htpasswd"
    assert registry["volumeMounts"] == [{"mountPath": "/run/registry", "name": "rendered", "readOnly": True},
                                        {"mountPath": "/auth", "name": "htpasswd", "readOnly": True}]
    pod = deployment["spec"]["template"]["spec"]
    assert [v for v in pod["volumes"] if not v["name"].startswith("metrics-proxy-")][:3] == [
        {"name": "rendered", "emptyDir": {"medium": "Memory", "sizeLimit": "1Mi"}},
        {"name": "htpasswd", "secret": {"secretName": "users", "defaultMode": 0o440,
                                        "items": [{"key": "file", "path": "htpasswd"}]}},
        {"name": "http-secret", "secret": {"secretName": "hub-shared", "defaultMode": 0o440,
                                           "items": [{"key": "secret", "path": "http-secret"}]}},
    ]
    render = pod["initContainers"][0]
    assert render["image"] == registry["image"]
    assert render["volumeMounts"][0] == {"mountPath": "/run/secrets/http", "name": "http-secret", "readOnly": True}


def test_http_secret_from_value_goes_into_a_new_secret(ns_chart: cdk8s.Chart) -> None:
    # GIVEN an http secret given as a value
    value = "0123456789abcdef0123"
    Registry(ns_chart, "Registry", name="registry", auth=None, http_secret=HttpSecret.from_value(value))

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(ns_chart)

    # THEN a Secret holds it, the init container reads it as a file, and it is never an env value
    secret = find(manifests, "Secret", "registry-http-secret")
    assert secret["stringData"] == {"http-secret": value}
    deployment = find(manifests, "Deployment")
    pod = deployment["spec"]["template"]["spec"]
    assert {"name": "http-secret", "secret": {"secretName": "registry-http-secret", "defaultMode": 0o440,
                                              "items": [{"key": "http-secret", "path": "http-secret"}]}} \
        in pod["volumes"]
    assert "REGISTRY_HTTP_SECRET" not in env(container(deployment, "registry"))
    assert value not in json.dumps(deployment)
    assert "<hidden>" in repr(HttpSecret.from_value(value)) and value not in repr(HttpSecret.from_value(value))


def test_checksum_annotation_follows_configuration_and_htpasswd(app: cdk8s.App) -> None:
    # GIVEN registries that differ in one setting or one password each
    def checksum(**options: Any) -> str:
        chart = cdk8s.Chart(app, f"c{len(app.node.children)}", namespace=f"c{len(app.node.children)}")
        Registry(chart, "Registry", name="registry", **options)
        deployment = find(cdk8s.Testing.synth(chart), "Deployment")
        value: str = deployment["spec"]["template"]["metadata"]["annotations"]["checksum/config"]
        return value

    # WHEN / THEN the pod template's checksum changes with the configuration, the htpasswd and secret values,
    # so a change rolls the pods, and stays the same for the same inputs
    base = checksum(auth=HtpasswdAuth.from_users({"alice": "one"}, cost=4))
    assert base == checksum(auth=HtpasswdAuth.from_users({"alice": "one"}, cost=4))
    assert base != checksum(auth=HtpasswdAuth.from_users({"alice": "two"}, cost=4))
    assert base != checksum(auth=HtpasswdAuth.from_users({"alice": "one"}, cost=4), log_level=LogLevel.WARN)
    with_secret = checksum(auth=None, http_secret=HttpSecret.from_value("a" * 32))
    assert with_secret != checksum(auth=None, http_secret=HttpSecret.from_value("b" * 32))
    assert re.fullmatch(r"[0-9a-f]{64}", base)


def test_default_name_comes_from_the_construct_id_not_its_path(app: cdk8s.App) -> None:
    # GIVEN two registries without a name in one chart, and one more under other parents in another app
    chart = cdk8s.Chart(app, "apps")
    first = Registry(chart, "First", auth=None)
    second = Registry(chart, "Second_Registry", auth=None)
    from constructs import Construct

    moved = Registry(Construct(cdk8s.Chart(cdk8s.Testing.app(), "other"), "Team"), "First", auth=None)

    # WHEN / THEN each is named after its id (lower case, other characters made '-'), wherever it sits
    assert (first.name, second.name, moved.name) == ("first", "second-registry", "first")


@pytest.mark.parametrize("construct_id", ["1st", "---", "r" * 41])
def test_fails_an_id_that_gives_no_default_name(chart: cdk8s.Chart, construct_id: str) -> None:
    with pytest.raises(ValueError, match=rf"name=None is invalid: the default derives from the construct id "
                                         rf"'{construct_id}'.*pass name="):
        Registry(chart, construct_id, auth=None)
    assert chart.node.try_find_child(construct_id) is None


def test_exposes_children_and_escape_hatch(ns_chart: cdk8s.Chart) -> None:
    # GIVEN a registry
    registry = Registry(ns_chart, "Registry", name="registry", auth=None)

    # WHEN the Deployment is patched through the documented escape hatch
    cdk8s.ApiObject.of(registry.deployment).add_json_patch(
        cdk8s.JsonPatch.add("/spec/template/spec/priorityClassName", "infra"))

    # THEN the patch lands, and the children are where the docs say
    deployment = find(cdk8s.Testing.synth(ns_chart), "Deployment")
    assert deployment["spec"]["template"]["spec"]["priorityClassName"] == "infra"
    assert registry.deployment.node.id == "Resource"
    assert registry.service.node.id == "Service"
    assert registry.service.name == "registry"
    assert (registry.port, registry.delete_enabled, registry.auth) == (5000, False, None)


def test_read_write_many_claim_allows_several_replicas(ns_chart: cdk8s.Chart) -> None:
    # GIVEN filesystem storage on a ReadWriteMany claim and three replicas
    Registry(ns_chart, "Registry", name="registry", auth=None, replicas=3,
             storage=Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_MANY, storage_class="nfs"),
             http_secret=HttpSecret.from_secret("registry-http"))

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(ns_chart)

    # THEN pods roll one at a time on the shared claim
    deployment = find(manifests, "Deployment")
    assert deployment["spec"]["strategy"]["type"] == "RollingUpdate"
    assert find(manifests, "PersistentVolumeClaim")["spec"]["accessModes"] == ["ReadWriteMany"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"name": "Registry"}, "name='Registry' is invalid: a Kubernetes Service name (DNS-1035 label)"),
        ({"name": "1registry"}, "name='1registry' is invalid"),
        ({"name": "r" * 41}, f"name='{'r' * 41}' is invalid: a Kubernetes Service name (DNS-1035 label) has 1 to 40"),
        ({"image": "Registry:2"}, "image='Registry:2' is invalid: an image reference"),
        ({"image": "registry :2"}, "image='registry :2' is invalid"),
        ({"replicas": 0}, "replicas=0 is invalid: it must be a whole number from 1 to 100"),
        ({"replicas": 2}, "replicas=2 is invalid: several replicas need shared storage"),
        ({"replicas": 2, "storage": _s3()}, "replicas=2 is invalid: several replicas must share an http_secret"),
        ({"port": 0}, "port=0 is invalid: a port is a whole number from 1 to 65535"),
        ({"port": 70000}, "port=70000 is invalid"),
    ],
)
def test_fails_on_invalid_registry_options(app: cdk8s.App, options: dict[str, Any], message: str) -> None:
    # GIVEN a chart
    chart = cdk8s.Chart(app, "test")

    # WHEN a registry is built with a wrong option THEN a ValueError names the parameter, the value and the rule
    with pytest.raises(ValueError, match=re.escape(message)):
        Registry(chart, "Registry", auth=None, **options)
    assert _nothing_written(app)


def test_fails_on_short_http_secret_without_echoing_it(app: cdk8s.App) -> None:
    # GIVEN / WHEN a too-short http secret THEN the error names the rule but hides the value
    with pytest.raises(ValueError, match=re.escape("value='<hidden>' is invalid: an http secret has at least 16")) \
            as error:
        HttpSecret.from_value("short-secret")
    assert "short-secret" not in str(error.value)
    assert _nothing_written(app)


def test_fails_on_invalid_http_secret_reference(app: cdk8s.App) -> None:
    # GIVEN / WHEN / THEN bad Secret names and keys are refused
    with pytest.raises(ValueError, match=re.escape("name='Bad_Name' is invalid: a Kubernetes object name")):
        HttpSecret.from_secret("Bad_Name")
    with pytest.raises(ValueError, match=re.escape("key='a/b' is invalid: a Secret key")):
        HttpSecret.from_secret("ok", key="a/b")
    assert _nothing_written(app)


def test_several_replicas_get_a_disruption_budget_and_spread_across_nodes(ns_chart: cdk8s.Chart) -> None:
    # GIVEN three replicas on S3 with a shared http secret
    Registry(ns_chart, "Registry", name="registry", auth=None, replicas=3, storage=_s3(),
             http_secret=HttpSecret.from_secret("registry-http"))

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(ns_chart)

    # THEN at most one pod is evicted at a time, pods prefer distinct nodes, and rollouts never drop below three
    budget = find(manifests, "PodDisruptionBudget", "registry")
    deployment = find(manifests, "Deployment")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert budget["spec"]["maxUnavailable"] == 1
    assert budget["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    spread = deployment["spec"]["template"]["spec"]["topologySpreadConstraints"]
    assert spread == [{"maxSkew": 1, "topologyKey": "kubernetes.io/hostname", "whenUnsatisfiable": "ScheduleAnyway",
                       "labelSelector": {"matchLabels": budget["spec"]["selector"]["matchLabels"]}}]
    assert deployment["spec"]["strategy"]["rollingUpdate"] == {"maxSurge": 1, "maxUnavailable": 0}


def test_one_replica_has_no_disruption_budget_or_spread(ns_chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN a single replica
    Registry(ns_chart, "Registry", name="registry", auth=None)
    manifests = cdk8s.Testing.synth(ns_chart)

    # THEN a budget would only block node drains: there is none
    assert "PodDisruptionBudget" not in {m["kind"] for m in manifests}
    assert "topologySpreadConstraints" not in find(manifests, "Deployment")["spec"]["template"]["spec"]


def test_registry_3_is_chosen_by_the_image_tag(ns_chart: cdk8s.Chart) -> None:
    # GIVEN a registry 3 image pinned by tag and digest
    image = "registry:3.1.1@sha256:" + "ab" * 32
    registry = Registry(ns_chart, "Registry", name="registry", auth=None, image=image)

    # WHEN synthesized
    deployment = find(cdk8s.Testing.synth(ns_chart), "Deployment")
    variables = env(container(deployment, "registry"))

    # THEN the version is read from the tag, tracing export is off, and the digest is pulled IfNotPresent
    assert registry.major_version == 3
    assert variables["OTEL_TRACES_EXPORTER"] == "none"
    assert container(deployment, "registry")["imagePullPolicy"] == "IfNotPresent"


def test_registry_3_with_opentelemetry_exports_by_otlp(ns_chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN registry 3 with tracing wanted, and another with its own exporter and collector in pod.env
    Registry(ns_chart, "Registry", name="registry", auth=None, image="registry:3.1.1", opentelemetry=True)
    Registry(ns_chart, "Zipkin", name="zipkin", auth=None, image="registry:3.1.1", opentelemetry=True,
             pod=PodOptions(env={"OTEL_TRACES_EXPORTER": "zipkin",
                                 "OTEL_EXPORTER_ZIPKIN_ENDPOINT": "http://zipkin.observability:9411/api/v2/spans"}))
    manifests = cdk8s.Testing.synth(ns_chart)

    # THEN an exporter is on: OTLP (both images set `none`, which exports nothing), or the one pod.env names
    assert env(container(find(manifests, "Deployment", "registry"), "registry"))["OTEL_TRACES_EXPORTER"] == "otlp"
    assert env(container(find(manifests, "Deployment", "zipkin"), "registry"))["OTEL_TRACES_EXPORTER"] == "zipkin"


def test_fails_opentelemetry_exporter_in_pod_env_without_opentelemetry(ns_chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN / THEN an exporter in pod.env while the construct turns tracing off is refused
    with pytest.raises(ValueError, match=re.escape("pod.env=['OTEL_TRACES_EXPORTER'] is invalid")):
        Registry(ns_chart, "Registry", name="registry", auth=None, image="registry:3.1.1",
                 pod=PodOptions(env={"OTEL_TRACES_EXPORTER": "otlp"}))


@pytest.mark.parametrize("image", ["registry:3.0.0", "registry:3.0", "registry:3.0.0@sha256:" + "ab" * 32,
                                   "distribution/distribution:3.0.0"])
def test_fails_redis_on_registry_3_0(ns_chart: cdk8s.Chart, image: str) -> None:
    # GIVEN / WHEN / THEN Redis on 3.0.x, which ignores REGISTRY_REDIS_ADDRS/_DB and panics at start, is refused
    with pytest.raises(ValueError, match=re.escape("redis=") + ".*3\\.0\\.x.*registry:3\\.1\\.1 or later"):
        Registry(ns_chart, "Registry", name="registry", auth=None, image=image,
                 redis=RedisCache.of("redis.registry.svc:6379"))
    assert ns_chart.node.children == []


@pytest.mark.parametrize("image", ["registry:3.1.1", "registry:3", "registry:2.8.3"])
def test_redis_on_other_versions_is_accepted(ns_chart: cdk8s.Chart, image: str) -> None:
    # GIVEN / WHEN / THEN Redis on 3.1.x, a floating 3 tag (the newest 3.x) and 2.x builds
    Registry(ns_chart, "Registry", name="registry", auth=None, image=image,
             redis=RedisCache.of("redis.registry.svc:6379"))


def test_registry_2_has_no_opentelemetry_setting(ns_chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN the default registry 2 image THEN nothing about tracing is set (2.x has none)
    registry = Registry(ns_chart, "Registry", name="registry", auth=None)
    variables = env(container(find(cdk8s.Testing.synth(ns_chart), "Deployment"), "registry"))
    assert registry.major_version == 2
    assert not [name for name in variables if name.startswith("OTEL_")]


def test_cors_origin_becomes_exact_headers(ns_chart: cdk8s.Chart) -> None:
    # GIVEN a registry a browser UI on another host calls
    Registry(ns_chart, "Registry", name="registry", auth=None, cors_origin="https://ui.example.org:8443")

    # WHEN synthesized
    variables = env(container(find(cdk8s.Testing.synth(ns_chart), "Deployment"), "registry"))

    # THEN the headers name exactly that origin, with credentials, the UI's headers and methods
    assert variables["REGISTRY_HTTP_HEADERS_Access-Control-Allow-Origin"] == "[https://ui.example.org:8443]"
    assert variables["REGISTRY_HTTP_HEADERS_Access-Control-Allow-Credentials"] == "[true]"
    assert variables["REGISTRY_HTTP_HEADERS_Access-Control-Allow-Headers"] == "[Authorization,Accept,Cache-Control]"
    assert variables["REGISTRY_HTTP_HEADERS_Access-Control-Allow-Methods"] == "[HEAD,GET,OPTIONS,DELETE]"
    assert variables["REGISTRY_HTTP_HEADERS_Access-Control-Expose-Headers"] == "[Docker-Content-Digest]"


def test_metrics_come_from_a_sidecar_that_serves_only_get_metrics(ns_chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN metrics on other ports and a metrics proxy image with a digest
    image = DEFAULT_METRICS_PROXY_IMAGE + "@sha256:" + "ab" * 32
    Registry(ns_chart, "Registry", name="registry", auth=None, metrics_port=9101, debug_port=9102,
             metrics_proxy_image=image)
    manifests = cdk8s.Testing.synth(ns_chart)
    deployment = find(manifests, "Deployment")
    pod = deployment["spec"]["template"]["spec"]

    # THEN the registry's debug listener (expvar shows secrets) binds the pod's loopback only, in no containerPort
    assert env(container(deployment, "registry"))["REGISTRY_HTTP_DEBUG_ADDR"] == "127.0.0.1:9102"
    assert container(deployment, "registry")["ports"] == [{"containerPort": 5000, "name": "http"}]
    # AND the sidecar runs nginx on the metrics port with the ConfigMap's config, not the image's entrypoint
    sidecar = container(deployment, "metrics")
    assert sidecar["image"] == image and sidecar["imagePullPolicy"] == "IfNotPresent"
    assert sidecar["command"] == ["nginx", "-c", "/etc/nginx/metrics/nginx.conf", "-e", "stderr"]
    assert sidecar["ports"] == [{"containerPort": 9101, "name": "metrics"}]
    assert sidecar["readinessProbe"]["tcpSocket"] == {"port": 9101}
    assert sidecar["livenessProbe"]["tcpSocket"] == {"port": 9101}
    assert sidecar["volumeMounts"] == [
        {"mountPath": "/etc/nginx/metrics", "name": "metrics-proxy-config", "readOnly": True},
        {"mountPath": "/tmp", "name": "metrics-proxy-tmp"}]
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    assert volumes["metrics-proxy-config"]["configMap"]["name"] == "registry-metrics-proxy"
    assert volumes["metrics-proxy-tmp"]["emptyDir"] == {"medium": "Memory", "sizeLimit": "1Mi"}
    # AND its config passes exactly /metrics (GET) on to the loopback listener and answers 404 to anything else
    config = find(manifests, "ConfigMap")["data"]["nginx.conf"]
    assert "listen 9101;" in config
    assert re.search(r"location = /metrics \{\s+limit_except GET \{\s+deny all;\s+\}\s+"
                     r"proxy_pass http://127\.0\.0\.1:9102/metrics;", config), config
    assert re.search(r"location / \{\s+return 404;\s+\}", config), config
    assert config.count("proxy_pass") == 1 and config.count("location") == 2
    # AND Prometheus is pointed at the sidecar's port, as the NetworkPolicy opens it
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == "9101" and annotations["prometheus.io/path"] == "/metrics"
    assert find(manifests, "NetworkPolicy")["spec"]["ingress"][-1]["ports"] == [{"port": 9101, "protocol": "TCP"}]


def test_a_change_of_the_metrics_proxy_config_rolls_the_pods() -> None:
    # GIVEN / WHEN the same registry with two debug ports THEN the pods' config checksums differ
    def checksum(debug_port: int) -> str:
        chart = cdk8s.Chart(cdk8s.Testing.app(), "test", namespace="registry")
        Registry(chart, "Registry", name="registry", auth=None, debug_port=debug_port)
        return str(find(cdk8s.Testing.synth(chart), "Deployment")["spec"]["template"]["metadata"]["annotations"][
            "checksum/config"])

    assert checksum(5002) != checksum(5003)


def test_metrics_can_be_turned_off(ns_chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN metrics off
    Registry(ns_chart, "Registry", name="registry", auth=None, metrics=False)
    manifests = cdk8s.Testing.synth(ns_chart)
    deployment = find(manifests, "Deployment")

    # THEN no debug listener, no metrics port, no sidecar and its ConfigMap, no scrape annotations, no metrics rule
    # in the NetworkPolicy
    assert not [name for name in env(container(deployment, "registry")) if "DEBUG" in name]
    assert container(deployment, "registry")["ports"] == [{"containerPort": 5000, "name": "http"}]
    assert [c["name"] for c in deployment["spec"]["template"]["spec"]["containers"]] == ["registry"]
    assert not [m for m in manifests if m["kind"] == "ConfigMap"]
    assert not [key for key in deployment["spec"]["template"]["metadata"]["annotations"] if "prometheus" in key]
    assert len(find(manifests, "NetworkPolicy")["spec"]["ingress"]) == 2


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"image": "registry@sha256:" + "ab" * 32}, "image='registry@sha256:"),
        ({"image": "registry:latest"}, "image='registry:latest' is invalid: the tag must name the version"),
        ({"image": "registry:4.0.0"}, "image='registry:4.0.0' is invalid: registry 2.x and 3.x are supported"),
        ({"metrics_port": 5000}, "metrics_port=5000 is invalid: it must differ from port"),
        ({"debug_port": 5001}, "debug_port=5001 is invalid: it must differ from port (5000) and metrics_port (5001)"),
        ({"debug_port": 5000}, "debug_port=5000 is invalid: it must differ from port"),
        ({"debug_port": 70000}, "debug_port=70000 is invalid: a port is a whole number"),
        ({"metrics_proxy_image": "nginx unprivileged"}, "metrics_proxy_image='nginx unprivileged' is invalid"),
        ({"metrics_port": 0}, "metrics_port=0 is invalid"),
        ({"cors_origin": "*"}, "cors_origin='*' is invalid: an origin is exactly scheme://host[:port]"),
        ({"cors_origin": "https://ui.example.com/"}, "cors_origin='https://ui.example.com/' is invalid"),
        ({"cors_origin": "ui.example.com"}, "cors_origin='ui.example.com' is invalid"),
        ({"cors_origin": "https://ui.example.com/path"}, "cors_origin='https://ui.example.com/path' is invalid"),
    ],
)
def test_fails_on_invalid_version_metrics_and_cors_options(app: cdk8s.App, options: dict[str, Any],
                                                           message: str) -> None:
    # GIVEN a chart
    chart = cdk8s.Chart(app, "test")

    # WHEN / THEN a wrong option is refused with its name, value and rule, and nothing is written
    with pytest.raises(ValueError, match=re.escape(message)):
        Registry(chart, "Registry", auth=None, **options)
    assert _nothing_written(app)


@pytest.mark.parametrize(("scope", "construct_id", "match"), [
    ("not-a-scope", "Registry", r"^scope: expected Construct, got str"),
    (None, 5, r"^scope: expected Construct, got NoneType"),
])
def test_fails_scope_and_id_of_another_type(scope: Any, construct_id: Any, match: str) -> None:
    with pytest.raises(TypeError, match=match):
        Registry(scope, construct_id, auth=None)
