"""RegistryChart: everything composed with good defaults."""

import pathlib
import re
from typing import Any

import cdk8s
import pytest
from _manifests import REGISTRY_UI_OBJECTS, container, env, find, kinds
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    GarbageCollection,
    HtpasswdAuth,
    IngressTls,
    RegistryChart,
    S3Credentials,
    Storage,
    TraefikApiGroup,
)


def test_defaults_compose_namespace_registry_ingress_and_ui(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a chart with only a host and an existing htpasswd Secret
    chart = RegistryChart(app, "registry", host="registry.example.com",
                          auth=HtpasswdAuth.from_secret("registry-htpasswd"))

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(chart)

    # THEN the namespace, the registry on a volume, its route with TLS, and the UI under /ui
    assert manifests == snapshot
    assert kinds(manifests) == [
        ("Namespace", "registry"),
        ("PersistentVolumeClaim", "registry-data"),
        ("Deployment", "registry"),
        ("ConfigMap", "registry-metrics-proxy"),
        ("Service", "registry"),
        ("NetworkPolicy", "registry"),
        ("TLSOption", "registry-tls"),
        ("IngressRoute", "registry"),
        *REGISTRY_UI_OBJECTS,
    ]
    namespace = find(manifests, "Namespace")
    assert "namespace" not in namespace["metadata"]  # cluster-scoped
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
    assert {m["metadata"].get("namespace") for m in manifests if m["kind"] != "Namespace"} == {"registry"}
    route = find(manifests, "IngressRoute", "registry")
    assert route["spec"]["tls"] == {"certResolver": "letsencrypt", "options": {"name": "registry-tls"}}
    assert route["spec"]["entryPoints"] == ["websecure"]
    assert find(manifests, "TLSOption", "registry-tls")["spec"] == {"minVersion": "VersionTLS12"}
    assert env(container(find(manifests, "Deployment", "registry-ui"), "ui"))["DELETE_IMAGES"] == "false"
    assert chart.ui is not None and chart.namespace_object is not None
    assert (chart.registry.node.id, chart.ingress.node.id, chart.ui.node.id) == ("Registry", "Ingress", "Ui")


def test_options_pass_through_to_the_constructs(app: cdk8s.App) -> None:
    # GIVEN a chart with its options set
    chart = RegistryChart(
        app, "registry", host="hub.example.org", auth=None, namespace="hub", create_namespace=False, name="hub",
        storage=Storage.s3(bucket="hub", credentials=S3Credentials.from_secret("hub-s3")),
        tls=IngressTls.secret("hub-tls"), entry_points=["https"], api_group=TraefikApiGroup.TRAEFIK_CONTAINO_US,
        redirect_http_to_https=True, delete_enabled=True, ui_title="Hub", ui_path_prefix="/browse",
        ui_delete_images=False, registry_image="registry:2.8.2", ui_image="joxit/docker-registry-ui:2.6.1",
        ui_version_notification=True,
    )

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(chart)

    # THEN no Namespace object, and each option reaches its object
    assert chart.namespace_object is None
    assert "Namespace" not in {m["kind"] for m in manifests}
    assert {m["metadata"]["namespace"] for m in manifests} == {"hub"}
    registry = container(find(manifests, "Deployment", "hub"), "registry")
    assert registry["image"] == "registry:2.8.2"
    assert env(registry)["REGISTRY_STORAGE_DELETE_ENABLED"] == "true"
    assert "REGISTRY_AUTH" not in env(registry)
    route = find(manifests, "IngressRoute", "hub")
    assert route["apiVersion"] == "traefik.containo.us/v1alpha1"
    assert route["spec"]["tls"] == {"secretName": "hub-tls", "options": {"name": "hub-tls"}}
    assert route["spec"]["entryPoints"] == ["https"]
    tls_option = find(manifests, "TLSOption", "hub-tls")
    assert tls_option["apiVersion"] == "traefik.containo.us/v1alpha1"
    assert tls_option["spec"] == {"minVersion": "VersionTLS12"}
    assert find(manifests, "IngressRoute", "hub-http")["spec"]["entryPoints"] == ["web"]
    ui = container(find(manifests, "Deployment", "hub-ui"), "ui")
    assert ui["image"] == "joxit/docker-registry-ui:2.6.1"
    assert env(ui)["DOCKER_REGISTRY_UI_TITLE"] == "Hub"
    assert env(ui)["REGISTRY_TITLE"] == "hub.example.org"
    assert env(ui)["DELETE_IMAGES"] == "false"
    assert env(ui)["REGISTRY_SECURED"] == "false"
    assert env(ui)["ENABLE_VERSION_NOTIFICATION"] == "true"
    assert find(manifests, "IngressRoute", "hub-ui")["spec"]["routes"][0]["match"] == \
        "Host(`hub.example.org`) && (Path(`/browse`) || PathPrefix(`/browse/`))"


def test_garbage_collection_passes_through_to_the_registry(app: cdk8s.App) -> None:
    # GIVEN a chart on S3 with garbage collection on a schedule, in a time zone, as a dry run
    chart = RegistryChart(
        app, "registry", host="hub.example.org", auth=None, namespace="hub", name="hub",
        storage=Storage.s3(bucket="hub", credentials=S3Credentials.from_secret("hub-s3")),
        garbage_collection=GarbageCollection.on_schedule("15 4 * * SAT", time_zone="Europe/Paris", dry_run=True),
    )

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(chart)

    # THEN the registry has the collection's CronJob, in the chart's namespace, as asked
    assert chart.registry.garbage_collection is not None
    cron = find(manifests, "CronJob", "hub-gc")
    assert cron["metadata"]["namespace"] == "hub"
    assert (cron["spec"]["schedule"], cron["spec"]["timeZone"]) == ("15 4 * * SAT", "Europe/Paris")
    collect = next(c for c in cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
                   if c["name"] == "garbage-collect")
    assert "registry garbage-collect --dry-run " in collect["command"][2]
    # AND its RoleBinding names the chart's namespace, its Role the chart's Deployment
    assert find(manifests, "RoleBinding", "hub-gc")["subjects"] == [
        {"kind": "ServiceAccount", "name": "hub-gc", "namespace": "hub"}]
    assert find(manifests, "Role", "hub-gc")["rules"][0]["resourceNames"] == ["hub"]
    # AND the registry is read-write by its manifest
    assert env(container(find(manifests, "Deployment", "hub"), "registry"))[
        "REGISTRY_STORAGE_MAINTENANCE_READONLY"] == "{enabled: false}"


def test_no_garbage_collection_by_default(app: cdk8s.App) -> None:
    # GIVEN / WHEN a chart without garbage_collection
    chart = RegistryChart(app, "registry", host="registry.example.com", auth=None)
    manifests = cdk8s.Testing.synth(chart)

    # THEN no CronJob, no account and no role
    assert chart.registry.garbage_collection is None
    assert {"CronJob", "ServiceAccount", "Role", "RoleBinding"}.isdisjoint(m["kind"] for m in manifests)


def test_ui_can_be_left_out(app: cdk8s.App) -> None:
    # GIVEN / WHEN a chart without the UI
    chart = RegistryChart(app, "registry", host="registry.example.com", auth=None, ui=False)
    manifests = cdk8s.Testing.synth(chart)

    # THEN no UI objects
    assert chart.ui is None
    assert not [name for _, name in kinds(manifests) if name.startswith("registry-ui")]


def test_ui_delete_follows_the_registry_by_default(app: cdk8s.App) -> None:
    # GIVEN / WHEN delete enabled on the registry only
    chart = RegistryChart(app, "registry", host="registry.example.com", auth=None, delete_enabled=True)

    # THEN the UI offers deleting too
    ui = container(find(cdk8s.Testing.synth(chart), "Deployment", "registry-ui"), "ui")
    assert env(ui)["DELETE_IMAGES"] == "true"


def test_ui_tls_gives_the_ui_host_its_own_certificate(app: cdk8s.App) -> None:
    # GIVEN / WHEN a chart whose registry certificate is a Secret, with the UI on its own host and its own Secret
    chart = RegistryChart(app, "registry", host="registry.example.com", auth=None,
                          tls=IngressTls.secret("registry-tls"), ui_host="registry-ui.example.com",
                          ui_tls=IngressTls.secret("registry-ui-tls"))
    manifests = cdk8s.Testing.synth(chart)

    # THEN each route serves its own host with its own Secret and the shared TLS option
    assert find(manifests, "IngressRoute", "registry-ui")["spec"]["tls"] == {
        "secretName": "registry-ui-tls", "options": {"name": "registry-tls"}}
    assert find(manifests, "IngressRoute", "registry")["spec"]["tls"] == {
        "secretName": "registry-tls", "options": {"name": "registry-tls"}}


def test_ui_host_orders_its_certificate_from_the_registry_resolver_by_default(app: cdk8s.App) -> None:
    # GIVEN / WHEN the default certificate resolver and the UI on its own host
    chart = RegistryChart(app, "registry", host="registry.example.com", auth=None, ui_host="registry-ui.example.com")

    # THEN the UI's route asks the same resolver, which orders a certificate for the UI's host
    route = find(cdk8s.Testing.synth(chart), "IngressRoute", "registry-ui")
    assert route["spec"]["routes"][0]["match"] == "Host(`registry-ui.example.com`)"
    assert route["spec"]["tls"] == {"certResolver": "letsencrypt", "options": {"name": "registry-tls"}}


def test_chart_composes_into_a_larger_app(app: cdk8s.App) -> None:
    # GIVEN an app with its own chart next to ours
    own = cdk8s.Chart(app, "own")
    cdk8s.ApiObject(own, "cm", api_version="v1", kind="ConfigMap", metadata={"name": "own"})
    RegistryChart(app, "registry", host="registry.example.com", auth=None)

    # WHEN the app is synthesized to its output folder
    app.synth()

    # THEN both charts are written, each to its own file
    outdir = pathlib.Path(app.outdir)
    assert sorted(p.name for p in outdir.iterdir()) == ["own.k8s.yaml", "registry.k8s.yaml"]
    assert "kind: ConfigMap" in (outdir / "own.k8s.yaml").read_text()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"namespace": "Registry"}, "namespace='Registry' is invalid: a Kubernetes name (DNS-1123 label)"),
        ({"namespace": "a" * 64}, f"namespace='{'a' * 64}' is invalid"),
        ({"host": "https://registry.example.com"}, "host='https://registry.example.com' is invalid"),
        ({"name": "Hub"}, "name='Hub' is invalid"),
        ({"ui_path_prefix": "ui"}, "path_prefix='ui' is invalid"),
        ({"ui_delete_images": True}, "delete_images=True is invalid: the registry refuses deletes"),
        ({"tls": IngressTls.secret("registry-tls"), "ui_host": "registry-ui.example.com"},
         "tls=None is invalid: the registry's certificate comes from the Secret 'registry-tls'"),
        ({"ui_tls": IngressTls.secret("registry-ui-tls")},
         "tls=IngressTls(cert_resolver_name=None, secret_name='registry-ui-tls') is invalid: without host"),
    ],
)
def test_fails_on_invalid_chart_options(app: cdk8s.App, options: dict[str, Any], message: str) -> None:
    # GIVEN valid defaults
    arguments = {"host": "registry.example.com", "auth": None, **options}

    # WHEN / THEN a wrong option is refused with the parameter, the value and the rule, and nothing is written
    with pytest.raises(ValueError, match=re.escape(message)):
        RegistryChart(app, "registry", **arguments)
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())


@pytest.mark.parametrize(("options", "match"), [
    ({"ui_host": "ui.example.com"}, r"ui_host='ui.example.com' is invalid: it has no effect with ui=False"),
    ({"ui_title": "Mine"}, r"ui_title='Mine' is invalid: it has no effect with ui=False"),
    ({"ui_path_prefix": "/images"}, r"ui_path_prefix='/images' is invalid: it has no effect with ui=False"),
    ({"ui_proxy_registry": True}, r"ui_proxy_registry=True is invalid: it has no effect with ui=False"),
    ({"ui_version_notification": True}, r"ui_version_notification=True is invalid: it has no effect"),
])
def test_fails_ui_options_without_the_ui(app: cdk8s.App, options: dict[str, Any], match: str) -> None:
    # GIVEN / WHEN a chart without the UI but with a UI option
    # THEN the option is refused with the reason, and the app stays empty
    with pytest.raises(ValueError, match=match):
        RegistryChart(app, "registry", host="registry.example.com", auth=None, ui=False, **options)
    assert app.node.try_find_child("registry") is None


@pytest.mark.parametrize(("options", "match"), [
    ({"delete_enabled": "false"}, r"^delete_enabled: expected bool, got str"),
    ({"replicas": "2"}, r"^replicas: expected int, got str"),
    ({"host": None}, r"^host: expected str, got NoneType"),
    ({"entry_points": "websecure"}, r"^entry_points: expected Sequence\[str\], got str"),
    ({"auth": "registry-htpasswd"}, r"^auth: expected HtpasswdAuth \| AccessControl \| None, got str"),
    ({"metrics": False, "metrics_proxy_image": "nginx:1.29"},
     r"metrics_proxy_image='nginx:1.29' is invalid: it has no effect with metrics=False"),
])
def test_fails_chart_option_of_another_type_or_without_effect(app: cdk8s.App, options: dict[str, Any],
                                                               match: str) -> None:
    arguments: dict[str, Any] = {"host": "registry.example.com", "auth": None, **options}
    with pytest.raises((TypeError, ValueError), match=match):
        RegistryChart(app, "registry", **arguments)
    assert app.node.try_find_child("registry") is None


@pytest.mark.parametrize(("options", "match"), [
    ({"registry_image": "registry:latest"}, r"^registry_image='registry:latest' is invalid: the tag must name"),
    ({"ui_image": "joxit/docker-registry-ui:latest!"}, r"^ui_image='joxit/docker-registry-ui:latest!' is invalid"),
    ({"ui_title": 'A "quoted" title'}, r"^ui_title='A \"quoted\" title' is invalid"),
    ({"ui_host": "registry.example.com", "ui_proxy_registry": True},
     r"^ui_host='registry.example.com' is invalid: that is the registry's host"),
    ({"tls": __import__("constructs_lib").IngressTls.secret("registry-tls"), "ui_host": "ui.example.com",
      "ui_proxy_registry": True}, r"^ui_tls=None is invalid: the registry's certificate comes from the Secret"),
    ({"registry_pod": __import__("constructs_lib").PodOptions(env={"REGISTRY_HTTP_ADDR": ":1"})},
     r"^registry_pod.env=\['REGISTRY_HTTP_ADDR'\] is invalid"),
])
def test_fails_naming_the_charts_own_parameter_before_any_child(app: cdk8s.App, options: dict[str, Any], match: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a record of every object the library emits
    from constructs_lib import _emit

    emitted: list[str] = []
    original = _emit.emit

    def recording(scope: Any, manifest: Any, **options: Any) -> Any:
        emitted.append(manifest.id)
        return original(scope, manifest, **options)

    monkeypatch.setattr(_emit, "emit", recording)

    # WHEN a chart option is one the registry, the ingress or the UI refuses
    # THEN the error names the chart's parameter, and nothing was emitted before it: no Namespace, no registry
    with pytest.raises((ValueError, TypeError), match=match):
        RegistryChart(app, "registry", host="registry.example.com", auth=None, **options)
    assert emitted == []
    assert app.node.try_find_child("registry") is None
