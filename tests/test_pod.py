"""PodOptions on the registry and the UI."""

from __future__ import annotations

import pathlib
import re
from typing import Any

import cdk8s
import pytest
from _manifests import container, env, find
from cdk8s_plus_27 import k8s

from constructs_lib import PodOptions, Registry, RegistryUi, TraefikIngress

OPTIONS = PodOptions(
    env={"TZ": "Europe/Paris", "HTTP_PROXY": "http://proxy.example.com:3128"},
    node_selector={"kubernetes.io/arch": "arm64"},
    tolerations=[k8s.Toleration(key="dedicated", operator="Equal", value="infra", effect="NoSchedule",
                                toleration_seconds=None)],
    affinity=k8s.Affinity(node_affinity=k8s.NodeAffinity(
        required_during_scheduling_ignored_during_execution=k8s.NodeSelector(node_selector_terms=[
            k8s.NodeSelectorTerm(match_expressions=[
                k8s.NodeSelectorRequirement(key="disk", operator="In", values=["ssd"])])]))),
    priority_class_name="infra-critical",
    image_pull_secrets=["mirror-credentials"],
    labels={"team": "platform"},
    annotations={"backup.example.com/skip": "true"},
)
EXPECTED_POD_FIELDS = {
    "nodeSelector": {"kubernetes.io/arch": "arm64"},
    "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "infra", "effect": "NoSchedule"}],
    "affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
        {"matchExpressions": [{"key": "disk", "operator": "In", "values": ["ssd"]}]}]}}},
    "priorityClassName": "infra-critical",
    "imagePullSecrets": [{"name": "mirror-credentials"}],
}


def _assert_applied(deployment: dict[str, Any], main_container: str) -> None:
    pod = deployment["spec"]["template"]["spec"]
    for field, value in EXPECTED_POD_FIELDS.items():
        assert pod[field] == value, field
    metadata = deployment["spec"]["template"]["metadata"]
    assert metadata["labels"]["team"] == "platform"
    assert metadata["annotations"]["backup.example.com/skip"] == "true"
    # the selector keeps only the construct's own labels
    assert "team" not in deployment["spec"]["selector"]["matchLabels"]
    variables = env(container(deployment, main_container))
    assert (variables["TZ"], variables["HTTP_PROXY"]) == ("Europe/Paris", "http://proxy.example.com:3128")


def test_registry_and_ui_take_every_pod_option(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and a UI with the same pod options
    registry = Registry(chart, "Registry", name="registry", auth=None, pod=OPTIONS)
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host="registry.example.com")
    RegistryUi(chart, "Ui", ingress=ingress, pod=OPTIONS)

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(chart)

    # THEN both pods are scheduled, labelled and configured as asked, in Kubernetes' own field names
    _assert_applied(find(manifests, "Deployment", "registry"), "registry")
    _assert_applied(find(manifests, "Deployment", "registry-ui"), "ui")
    # AND the registry's own annotations stay
    annotations = find(manifests, "Deployment", "registry")["spec"]["template"]["metadata"]["annotations"]
    assert "checksum/config" in annotations and annotations["prometheus.io/port"] == "5001"


def test_extra_env_changes_the_checksum(app: cdk8s.App) -> None:
    # GIVEN two registries that differ only in an extra variable
    def checksum(value: str) -> str:
        chart = cdk8s.Chart(app, f"c{value}", namespace=f"c{value.lower()}")
        Registry(chart, "Registry", name="registry", auth=None, pod=PodOptions(env={"TZ": value}))
        annotations = find(cdk8s.Testing.synth(chart), "Deployment")["spec"]["template"]["metadata"]["annotations"]
        result = annotations["checksum/config"]
        assert isinstance(result, str)
        return result

    # WHEN / THEN the pods roll when it changes
    assert checksum("UTC") != checksum("CET")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"env": {"1BAD": "x"}}, "env='1BAD' is invalid: an environment variable name"),
        ({"env": {"OK": "line\nbreak"}}, "env['OK']='line\\nbreak' is invalid"),
        ({"priority_class_name": "Infra"}, "priority_class_name='Infra' is invalid"),
        ({"image_pull_secrets": ["Bad_Secret"]}, "image_pull_secrets='Bad_Secret' is invalid"),
    ],
)
def test_fails_bad_pod_options(app: cdk8s.App, options: dict[str, Any], message: str) -> None:
    # GIVEN / WHEN / THEN a wrong option is refused with its name, value and rule
    with pytest.raises(ValueError, match=re.escape(message)):
        PodOptions(**options)
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())


@pytest.mark.parametrize("name", ["REGISTRY_LOG_LEVEL", "REGISTRY_STORAGE"])
def test_fails_extra_env_the_registry_sets_itself(chart: cdk8s.Chart, name: str) -> None:
    # GIVEN / WHEN an extra variable the construct owns THEN it is refused, pointing at the construct's options
    with pytest.raises(ValueError, match=re.escape(f"pod.env=['{name}'] is invalid: the registry construct sets")):
        Registry(chart, "Registry", name="registry", auth=None, pod=PodOptions(env={name: "x"}))


def test_fails_extra_env_the_ui_sets_itself(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    registry = Registry(chart, "Registry", name="registry", auth=None)
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host="registry.example.com")

    # WHEN / THEN the UI refuses to let extra env override its own settings
    with pytest.raises(ValueError, match=re.escape("pod.env=['REGISTRY_TITLE'] is invalid: the UI construct sets")):
        RegistryUi(chart, "Ui", ingress=ingress, pod=PodOptions(env={"REGISTRY_TITLE": "x"}))


@pytest.mark.parametrize(("options", "match"), [
    ({"labels": {"app.kubernetes.io/name": "mine"}}, r"labels='app.kubernetes.io/name' is invalid: the construct sets"),
    ({"labels": {"kubernetes.io/role": "x"}}, r"labels='kubernetes.io/role' is invalid"),
    ({"labels": {"team": "a" * 64}}, r"labels\['team'\]='a{64}' is invalid"),
    ({"labels": {"bad key!": "x"}}, r"labels='bad key!' is invalid"),
    ({"annotations": {"example.com/": "x"}}, r"annotations='example.com/' is invalid"),
    ({"annotations": {"big": "x" * 262_144}}, r"annotations=<1 annotations, 262147 bytes> is invalid"),
    ({"node_selector": {"kubernetes.io/os": "linux-"}}, r"node_selector\['kubernetes.io/os'\]='linux-' is invalid"),
    ({"tolerations": [k8s.Toleration(operator="Exists", value="x")]}, r"tolerations\[0\]"),
    ({"tolerations": [k8s.Toleration(key="gpu", effect="NoSchedule", toleration_seconds=30)]},
     r"tolerations\[0\].*NoExecute"),
    ({"tolerations": [k8s.Toleration(key="gpu", effect="noschedule")]}, r"tolerations\[0\].effect"),
    ({"env": {"A": 1}}, r"^env\['A'\]: expected str, got int"),
    ({"image_pull_secrets": "mirror"}, r"^image_pull_secrets: expected"),
    ({"affinity": {"nodeAffinity": {}}}, r"^affinity: expected"),
])
def test_fails_pod_options_by_kubernetes_rules(options: dict[str, Any], match: str) -> None:
    # GIVEN / WHEN pod options that the API server would refuse, or of the wrong type
    # THEN they are refused when the options are made, naming the field
    with pytest.raises((ValueError, TypeError), match=match):
        PodOptions(**options)


def test_tolerations_are_rendered_as_the_pod_spec_spells_them(chart: cdk8s.Chart) -> None:
    # GIVEN a cdk8s struct and a Toleration value
    from constructs_lib import TaintEffect, Toleration, TolerationOperator

    pod = PodOptions(tolerations=[k8s.Toleration(key="dedicated", operator="Equal", value="infra", effect="NoSchedule"),
                                  Toleration(key="gpu", operator=TolerationOperator.EXISTS,
                                             effect=TaintEffect.NO_EXECUTE, toleration_seconds=60)])
    # WHEN a registry takes them
    Registry(chart, "Registry", name="registry", auth=None, pod=pod)
    spec = find(cdk8s.Testing.synth(chart), "Deployment", "registry")["spec"]["template"]["spec"]
    # THEN both are in the pod spec in Kubernetes' own field names
    assert spec["tolerations"] == [
        {"key": "dedicated", "operator": "Equal", "value": "infra", "effect": "NoSchedule"},
        {"key": "gpu", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 60}]


def test_the_collections_affinity_is_added_to_the_users_own() -> None:
    # GIVEN a registry on a ReadWriteOnce claim with garbage collection, and pods that must run beside a cache
    from constructs_lib import GarbageCollection

    app = cdk8s.Testing.app()
    chart = cdk8s.Chart(app, "registry", namespace="registry")
    own = k8s.PodAffinityTerm(topology_key="kubernetes.io/hostname",
                              label_selector=k8s.LabelSelector(match_labels={"app": "cache"}))
    Registry(chart, "Registry", name="registry", auth=None, garbage_collection=GarbageCollection.on_schedule(),
             pod=PodOptions(affinity=k8s.Affinity(pod_affinity=k8s.PodAffinity(
                 required_during_scheduling_ignored_during_execution=[own]))))

    # WHEN synthesized
    cron = find(cdk8s.Testing.synth(chart), "CronJob", "registry-gc")
    terms = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["affinity"]["podAffinity"][
        "requiredDuringSchedulingIgnoredDuringExecution"]

    # THEN the collection's pod keeps the user's term and adds its own (beside the registry's pod)
    assert [t["labelSelector"]["matchLabels"] for t in terms] == [
        {"app": "cache"}, {"app.kubernetes.io/name": "registry", "app.kubernetes.io/instance": "registry"}]
