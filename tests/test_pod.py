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
