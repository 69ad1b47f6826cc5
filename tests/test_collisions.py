"""One object per apiVersion, kind, namespace and name in an app: a collision fails at synth, naming both paths; a
refused construct leaves nothing behind; a second RegistryChart that differs only in its id does not collide."""

from __future__ import annotations

import pathlib
import re

import cdk8s
import pytest
from _manifests import assert_nothing_built, invalid
from cdk8s_plus_27 import k8s

from constructs_lib import (
    HtpasswdAuth,
    K3sTraefik,
    K3sTraefikChart,
    ProxyCache,
    Registry,
    RegistryChart,
    RegistryUi,
    TraefikIngress,
)

AUTH = HtpasswdAuth.from_secret("registry-htpasswd")


def _written(tmp_path: pathlib.Path) -> list[str]:
    outdir = tmp_path / "dist"
    return sorted(p.name for p in outdir.iterdir()) if outdir.exists() else []


def test_charts_that_differ_only_in_id_do_not_collide(app: cdk8s.App, tmp_path: pathlib.Path) -> None:
    # GIVEN the README's registry and pull-through cache in one app, with only their ids told apart
    registry = RegistryChart(app, "registry", host="registry.example.com", auth=AUTH)
    cache = RegistryChart(app, "cache", host="cache.example.com", auth=AUTH, ui=False,
                          proxy=ProxyCache.of("https://registry-1.docker.io"))

    # WHEN the app is synthesized
    app.synth()

    # THEN each chart lives in the namespace its id names, and both files are written
    assert (registry.namespace, cache.namespace) == ("registry", "cache")
    assert _written(tmp_path) == ["cache.k8s.yaml", "registry.k8s.yaml"]


def test_fails_two_charts_emitting_the_same_objects(app: cdk8s.App, tmp_path: pathlib.Path) -> None:
    # GIVEN two charts with different ids but the same namespace and names
    RegistryChart(app, "registry", host="registry.example.com", auth=AUTH, namespace="registry")
    RegistryChart(app, "cache", host="cache.example.com", auth=AUTH, namespace="registry", ui=False)

    # WHEN / THEN synth fails, naming both construct paths of each clash and what clashes, and writes nothing
    with pytest.raises(RuntimeError) as error:
        app.synth()
    message = str(error.value)
    assert ("registry/Registry/Resource and cache/Registry/Resource both emit apps/v1 Deployment "
            "'registry' in namespace 'registry'") in message
    assert "registry/Namespace and cache/Namespace both emit v1 Namespace 'registry' in no namespace" in message
    assert ("registry/Ingress/Resource and cache/Ingress/Resource both emit traefik.io/v1alpha1 IngressRoute "
            "'registry' in namespace 'registry'") in message
    assert "kubectl apply would keep only one of them" in message
    assert _written(tmp_path) == []


def test_fails_an_application_object_that_takes_a_registry_name(app: cdk8s.App) -> None:
    # GIVEN the registry and, in the application's own chart, a Service of the same name and namespace
    RegistryChart(app, "registry", host="registry.example.com", auth=AUTH, ui=False)
    mine = cdk8s.Chart(app, "mine", namespace="registry")
    k8s.KubeService(mine, "Web", metadata=k8s.ObjectMeta(name="registry"),
                    spec=k8s.ServiceSpec(ports=[k8s.ServicePort(port=80)]))

    # WHEN / THEN cdk8s.Testing.synth (which validates the whole app) names both
    with pytest.raises(RuntimeError, match=re.escape(
            "registry/Registry/Service and mine/Web both emit v1 Service 'registry' in namespace 'registry'")):
        cdk8s.Testing.synth(mine)


@pytest.mark.parametrize(("first", "second"), [
    pytest.param({"namespace": "a"}, {"namespace": "b"}, id="other-namespace"),
    pytest.param({"namespace": "a", "create_namespace": False}, {"namespace": "a", "create_namespace": False,
                                                                 "name": "other"}, id="other-name"),
])
def test_same_names_elsewhere_do_not_collide(app: cdk8s.App, first: dict[str, object],
                                             second: dict[str, object]) -> None:
    # GIVEN two charts whose objects differ in namespace or in name
    RegistryChart(app, "one", host="one.example.com", auth=AUTH, **first)  # type: ignore[arg-type]
    RegistryChart(app, "two", host="two.example.com", auth=AUTH, **second)  # type: ignore[arg-type]

    # WHEN / THEN the app synthesizes
    app.synth()


def test_the_check_is_added_once_per_app(app: cdk8s.App) -> None:
    # GIVEN two colliding registries in one chart's namespace, each built of several constructs of ours
    for chart_id in ("a", "b"):
        chart = cdk8s.Chart(app, chart_id, namespace="shared")
        registry = Registry(chart, "Registry", name="registry", auth=None)
        TraefikIngress(chart, "Ingress", registry=registry, host=f"{chart_id}.example.com")

    # WHEN / THEN every clash is reported once
    with pytest.raises(RuntimeError) as error:
        app.synth()
    assert str(error.value).count("a/Registry/Resource and b/Registry/Resource") == 1


# --- the default namespace -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("chart_id", "namespace"), [
    ("registry", "registry"), ("My Registry", "my-registry"), ("cache_2", "cache-2"), ("-edge-", "edge")])
def test_namespace_defaults_to_the_chart_id(app: cdk8s.App, chart_id: str, namespace: str) -> None:
    # GIVEN / WHEN a chart without a namespace
    chart = RegistryChart(app, chart_id, host="registry.example.com", auth=AUTH)

    # THEN its namespace, and the Namespace object, derive from its id
    assert chart.namespace == namespace
    assert chart.namespace_object is not None
    assert chart.namespace_object.name == namespace


@pytest.mark.parametrize("chart_id", ["---", "x" * 64])
def test_fails_chart_id_that_gives_no_namespace(app: cdk8s.App, tmp_path: pathlib.Path, chart_id: str) -> None:
    # GIVEN / WHEN / THEN an id that makes no namespace name is refused, naming namespace and the id
    with pytest.raises(ValueError, match=invalid("namespace", None) + ".*" + re.escape(repr(chart_id))):
        RegistryChart(app, chart_id, host="registry.example.com", auth=AUTH)
    assert app.node.children == []
    assert _written(tmp_path) == []


# --- a refused construct leaves nothing behind -----------------------------------------------------------------------

def test_refused_registry_leaves_no_node_and_its_id_can_be_used_again(chart: cdk8s.Chart,
                                                                      tmp_path: pathlib.Path) -> None:
    # GIVEN / WHEN a registry refused after its own node existed (its checks read its path for the default name)
    with pytest.raises(ValueError, match=invalid("replicas", 0)):
        Registry(chart, "Registry", auth=None, replicas=0)

    # THEN nothing is left, and the same id builds
    assert_nothing_built(chart, tmp_path)
    Registry(chart, "Registry", auth=None)


def test_refused_ingress_leaves_no_node(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN a registry
    registry = Registry(chart, "Registry", name="registry", auth=None)

    # WHEN an ingress is refused
    with pytest.raises(ValueError, match=invalid("host", "https://registry.example.com")):
        TraefikIngress(chart, "Ingress", registry=registry, host="https://registry.example.com")

    # THEN only the registry is there, and the same id builds
    assert [child.node.id for child in chart.node.children] == ["Registry"]
    TraefikIngress(chart, "Ingress", registry=registry, host="registry.example.com")


def test_refused_chart_leaves_nothing_in_the_app(app: cdk8s.App, tmp_path: pathlib.Path) -> None:
    # GIVEN / WHEN a chart refused by one of its children (the registry, after the Namespace was made)
    with pytest.raises(ValueError, match=invalid("replicas", 2)):
        RegistryChart(app, "registry", host="registry.example.com", auth=AUTH, replicas=2)

    # THEN the app is empty and writes nothing, and the same id builds
    assert app.node.children == []
    app.synth()
    assert _written(tmp_path) == []
    RegistryChart(app, "registry", host="registry.example.com", auth=AUTH)


def test_a_taken_id_is_refused_without_removing_the_first(chart: cdk8s.Chart) -> None:
    # GIVEN a registry
    first = Registry(chart, "Registry", name="registry", auth=None)

    # WHEN a second one takes its id
    with pytest.raises(RuntimeError, match="There is already a Construct with name 'Registry'"):
        Registry(chart, "Registry", name="other", auth=None)

    # THEN the first one stays
    assert chart.node.find_child("Registry") is first


def test_refused_ui_leaves_no_node(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN a registry behind an ingress
    registry = Registry(chart, "Registry", name="registry", auth=None)
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host="registry.example.com")

    # WHEN a UI is refused after its own node existed
    with pytest.raises(ValueError, match=invalid("delete_images", True)):
        RegistryUi(chart, "Ui", ingress=ingress, delete_images=True)

    # THEN only the registry and the ingress are there, and the same id builds
    assert [child.node.id for child in chart.node.children] == ["Registry", "Ingress"]
    RegistryUi(chart, "Ui", ingress=ingress)


def test_fails_two_k3s_traefik_configs_in_one_app(app: cdk8s.App) -> None:
    # GIVEN two k3s Traefik set-ups (there is one kube-system/traefik HelmChartConfig per cluster)
    K3sTraefikChart(app, "k3s-traefik", acme_email="admin@example.com")
    K3sTraefik(cdk8s.Chart(app, "other"), "Traefik", acme_email="other@example.com")

    # WHEN / THEN synth names both
    with pytest.raises(RuntimeError, match=re.escape(
            "k3s-traefik/Traefik/Resource and other/Traefik/Resource both emit helm.cattle.io/v1 HelmChartConfig "
            "'traefik' in namespace 'kube-system'")):
        app.synth()
