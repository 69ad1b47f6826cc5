"""Kubernetes' own rules for labels, annotations, node selectors and tolerations (constructs_lib/_k8s_rules.py).

Plain Python: no cdk8s object is made here; a cdk8s ``k8s.Toleration`` is stood in for by an object with its
attributes."""

from __future__ import annotations

import dataclasses
import pathlib
import re
import subprocess
import sys
import textwrap
import types

import pytest

from constructs_lib._k8s_rules import (
    ANNOTATIONS_SIZE_LIMIT,
    TaintEffect,
    Toleration,
    TolerationOperator,
    check_annotation_key,
    check_annotations,
    check_label_key,
    check_label_value,
    check_labels,
    check_node_selector,
    check_tolerations,
    check_user_labels,
    toleration_from_struct,
)

PREFIX_253 = ".".join(["a" * 63] * 3 + ["b" * 61])  # four DNS labels, 253 characters
NAME_63 = "N" + "a" * 61 + "9"


def invalid(parameter: str, value: object) -> str:
    """The start of the message `_validation.fail` writes, escaped for pytest.raises(match=...)."""
    return re.escape(f"{parameter}={value!r} is invalid")


def struct(**fields: object) -> types.SimpleNamespace:
    """A stand-in for a cdk8s k8s.Toleration: every attribute present, None when unset."""
    values: dict[str, object] = dict.fromkeys(("key", "operator", "value", "effect", "toleration_seconds"))
    values.update(fields)
    return types.SimpleNamespace(**values)


# --- pure Python -----------------------------------------------------------------------------------------------------


def test_the_rules_and_type_checks_import_no_cdk8s_jsii_or_constructs() -> None:
    # GIVEN a fresh interpreter that loads the two modules without the package's __init__ (which imports cdk8s)
    script = textwrap.dedent("""
        import sys, types
        package = types.ModuleType("constructs_lib")
        package.__path__ = [sys.argv[1]]
        sys.modules["constructs_lib"] = package
        import constructs_lib._k8s_rules, constructs_lib._typecheck
        print(sorted(name for name in sys.modules if name.split(".")[0] in
                     {"cdk8s", "cdk8s_plus_27", "constructs", "jsii"}))
    """)

    # WHEN it imports them
    package = pathlib.Path(__file__).resolve().parent.parent / "constructs_lib"
    result = subprocess.run([sys.executable, "-c", script, str(package)], check=True, capture_output=True, text=True)

    # THEN none of cdk8s, cdk8s-plus, constructs or jsii was imported
    assert result.stdout.strip() == "[]"


# --- label keys ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", [
    "app", "a", "1", "MyName", "my.name", "123-abc", "my_name.v1", NAME_63, "example.com/name", "a/b",
    "app.kubernetes.io/part-of", f"{PREFIX_253}/{NAME_63}", f"{'a' * 253}/{NAME_63}", "1.2.3.4/5678",
], ids=["word", "one-letter", "one-digit", "upper", "dot", "digit-start", "underscore", "name-63", "prefix", "short",
        "recommended", "prefix-253-name-63", "prefix-one-label-253", "ip-like-prefix"])
def test_label_key_accepts_qualified_names_up_to_the_longest(key: str) -> None:
    # GIVEN a qualified name, up to a 253-character prefix with a 63-character name
    # WHEN checked / THEN it is returned as it is
    assert check_label_key("labels", key) == key


@pytest.mark.parametrize(("key", "rule"), [
    ("a" * 64, "the name part must be no more than 63 characters; it has 64"),
    (f"{PREFIX_253}/{'a' * 64}", "the name part must be no more than 63 characters"),
    (f"{'a' * 254}/name", "the prefix part must be no more than 253 characters; it has 254"),
    (f"{PREFIX_253}a/name", "the prefix part must be no more than 253 characters"),
    ("Example.com/name", "the prefix part must be a DNS-1123 subdomain"),
    ("-example.com/name", "the prefix part must be a DNS-1123 subdomain"),
    ("example..com/name", "the prefix part must be a DNS-1123 subdomain"),
    ("my_domain.com/name", "the prefix part must be a DNS-1123 subdomain"),
    ("/name", "the prefix part before the '/' must not be empty"),
    ("example.com/", "the name part must not be empty"),
    ("", "the name part must not be empty"),
    ("a/b/c", "one '/'"),
    ("has space", "the name part must consist of letters, digits, '-', '_' or '.', and start and end"),
    ("nospecialchars^=@", "the name part must consist of letters"),
    ("-starts-with-dash", "the name part must consist of letters"),
    ("ends-with-dash-", "the name part must consist of letters"),
    ("ends.with.dot.", "the name part must consist of letters"),
    ("ümlaut", "the name part must consist of letters"),
    ("newline\n", "the name part must consist of letters"),
], ids=["name-64", "prefixed-name-64", "prefix-254", "prefix-254-dotted", "upper-prefix", "dash-prefix", "empty-label",
        "underscore-prefix", "empty-prefix", "empty-name", "empty-key", "two-slashes", "space", "special", "dash-start",
        "dash-end", "dot-end", "non-ascii", "trailing-newline"])
def test_fails_bad_label_key(key: str, rule: str) -> None:
    # GIVEN a key that breaks IsQualifiedName
    # WHEN checked / THEN the error names the parameter, the key and the rule, and Kubernetes' source
    with pytest.raises(ValueError, match=invalid("pod_labels", key) + ".*" + re.escape(rule) + ".*IsQualifiedName"):
        check_label_key("pod_labels", key)


# --- label values ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "a", "A-b_c.d", "1", "x" * 63, "v1.2.3"],
                         ids=["empty", "letter", "all-kinds", "digit", "63", "version"])
def test_label_value_accepts_valid_values(value: str) -> None:
    # GIVEN a label value, empty or up to 63 characters / WHEN checked / THEN it is returned
    assert check_label_value("labels", "tier", value) == value


@pytest.mark.parametrize(("value", "rule"), [
    ("x" * 64, "a label value must be no more than 63 characters; it has 64"),
    ("-web", "a label value must be empty or consist of letters, digits, '-', '_' or '.', and start and end"),
    ("web-", "a label value must be empty or consist of letters"),
    ("_web", "a label value must be empty or consist of letters"),
    ("web.", "a label value must be empty or consist of letters"),
    ("web server", "a label value must be empty or consist of letters"),
    ("a/b", "a label value must be empty or consist of letters"),
    ("web\n", "a label value must be empty or consist of letters"),
], ids=["64", "dash-start", "dash-end", "underscore-start", "dot-end", "space", "slash", "trailing-newline"])
def test_fails_bad_label_value(value: str, rule: str) -> None:
    # GIVEN a value that breaks IsValidLabelValue
    # WHEN checked / THEN the error names parameter[key], the value and the rule
    with pytest.raises(ValueError, match=invalid("labels['tier']", value) + ".*" + re.escape(rule)
                       + r".*\(Kubernetes IsValidLabelValue\)"):
        check_label_value("labels", "tier", value)


# --- label mappings --------------------------------------------------------------------------------------------------


def test_labels_are_checked_and_copied() -> None:
    # GIVEN valid labels
    labels = {"tier": "web", "example.com/team": "", "app.kubernetes.io/part-of": "registry"}

    # WHEN checked
    checked = check_labels("labels", labels)

    # THEN a copy of them is returned
    assert checked == labels
    assert checked is not labels


@pytest.mark.parametrize(("labels", "error", "match"), [
    ({1: "web"}, TypeError, r"labels \(a key\): expected str, got int"),
    ({"tier": 1}, TypeError, r"labels\['tier'\]: expected str, got int"),
    ({"tier": None}, TypeError, r"labels\['tier'\]: expected str, got NoneType"),
    ([("tier", "web")], TypeError, r"labels: expected Mapping\[str, str\], got list"),
    ({"a/b/c": "web"}, ValueError, invalid("labels", "a/b/c") + ".*one '/'"),
    ({"tier": "-web"}, ValueError, invalid("labels['tier']", "-web") + ".*IsValidLabelValue"),
], ids=["int-key", "int-value", "none-value", "not-a-mapping", "bad-key", "bad-value"])
def test_fails_bad_labels(labels: object, error: type[Exception], match: str) -> None:
    # GIVEN labels with a key or value of the wrong type or form
    # WHEN checked / THEN the error names the parameter (and the key of a bad value)
    with pytest.raises(error, match=match):
        check_labels("labels", labels)  # type: ignore[arg-type]


def test_user_labels_take_users_keys_and_the_recommended_labels() -> None:
    # GIVEN labels a user adds to the pods, among them recommended ones and a domain merely ending like k8s.io
    labels = {"tier": "web", "example.com/team": "infra", "app.kubernetes.io/part-of": "platform",
              "app.kubernetes.io/version": "2.8.3", "notk8s.io/x": "y"}

    # WHEN checked / THEN they pass
    assert check_user_labels("labels", labels) == labels


@pytest.mark.parametrize("key", ["kubernetes.io/role", "k8s.io/role", "node.kubernetes.io/role",
                                 "topology.kubernetes.io/zone", "sub.k8s.io/x"],
                         ids=["kubernetes.io", "k8s.io", "node-subdomain", "topology-subdomain", "k8s-subdomain"])
def test_fails_user_label_with_reserved_prefix(key: str) -> None:
    # GIVEN a pod label of a prefix reserved for Kubernetes' components
    # WHEN checked as a user's label / THEN it is refused, naming the reason
    with pytest.raises(ValueError, match=invalid("labels", key) + ".*reserved for Kubernetes' own components"):
        check_user_labels("labels", {key: "x"})


@pytest.mark.parametrize("key", ["app.kubernetes.io/name", "app.kubernetes.io/instance"])
def test_fails_user_label_the_selectors_use(key: str) -> None:
    # GIVEN a pod label the constructs' selectors match on
    # WHEN checked as a user's label / THEN it is refused, naming the selectors
    with pytest.raises(ValueError, match=invalid("labels", key) + ".*the construct sets .* itself.*selectors"):
        check_user_labels("labels", {key: "other"})


def test_fails_user_label_still_by_kubernetes_rules() -> None:
    # GIVEN a user's label of a bad form / WHEN checked / THEN Kubernetes' rule refuses it first
    with pytest.raises(ValueError, match=invalid("labels", "Tier/x") + ".*DNS-1123 subdomain"):
        check_user_labels("labels", {"Tier/x": "web"})


def test_node_selector_takes_kubernetes_well_known_node_labels() -> None:
    # GIVEN a node selector on the well-known node labels (reserved prefixes, but set by Kubernetes on nodes)
    selector = {"kubernetes.io/os": "linux", "node.kubernetes.io/instance-type": "m5.large",
                "topology.kubernetes.io/zone": "eu-west-1a", "gpu": ""}

    # WHEN checked / THEN it passes
    assert check_node_selector("node_selector", selector) == selector


@pytest.mark.parametrize(("selector", "error", "match"), [
    ({"kubernetes.io/": "linux"}, ValueError, invalid("node_selector", "kubernetes.io/") + ".*name part must not"),
    ({"disk": "fast ssd"}, ValueError, invalid("node_selector['disk']", "fast ssd") + ".*IsValidLabelValue"),
    ({"disk": True}, TypeError, r"node_selector\['disk'\]: expected str, got bool"),
], ids=["bad-key", "bad-value", "bool-value"])
def test_fails_bad_node_selector(selector: object, error: type[Exception], match: str) -> None:
    # GIVEN a node selector with a bad key or value / WHEN checked / THEN it is refused, naming where
    with pytest.raises(error, match=match):
        check_node_selector("node_selector", selector)  # type: ignore[arg-type]


# --- annotations -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["simple", "UpperCase123", "Example.COM/Key", "now-with.dashes-and.dots/simple",
                                 f"{PREFIX_253.upper()}/{NAME_63}", "prometheus.io/port"],
                         ids=["simple", "upper", "upper-prefix", "dotted", "longest-upper", "prometheus"])
def test_annotation_key_accepts_qualified_names_in_any_case(key: str) -> None:
    # GIVEN an annotation key, a qualified name once lower-cased
    # WHEN checked / THEN it is returned unchanged
    assert check_annotation_key("annotations", key) == key


@pytest.mark.parametrize(("key", "rule"), [
    ("nospecialchars^=@", "the name part must consist of letters"),
    ("cantendwithadash-", "the name part must consist of letters"),
    ("only/one/slash", "one '/'"),
    ("a" * 254, "the name part must be no more than 63 characters"),
    ("Example.com/" + "a" * 64, "the name part must be no more than 63 characters"),
    ("Exam_ple.com/key", "the prefix part must be a DNS-1123 subdomain"),
    ("/key", "the prefix part before the '/' must not be empty"),
], ids=["special", "dash-end", "two-slashes", "254", "name-64", "underscore-prefix", "empty-prefix"])
def test_fails_bad_annotation_key(key: str, rule: str) -> None:
    # GIVEN a key that breaks IsQualifiedName even lower-cased
    # WHEN checked / THEN the error shows the key as given, the rule, and that it was checked lower-cased
    with pytest.raises(ValueError, match=invalid("annotations", key) + ".*" + re.escape(rule)
                       + r".*an annotation key \(checked lower-cased\)"):
        check_annotations("annotations", {key: "x"})


def test_annotations_take_any_value_up_to_the_size_limit() -> None:
    # GIVEN annotations with free-text values (JSON, newlines, empty) totalling exactly 262144 bytes
    annotations = {"example.com/config": '{"a": [1, 2]}\nline two', "empty": "", "a": ""}
    used = sum(len(k) + len(v) for k, v in annotations.items())
    annotations["a"] = "b" * (ANNOTATIONS_SIZE_LIMIT - used)

    # WHEN checked / THEN they pass, the limit being 256 KiB
    assert ANNOTATIONS_SIZE_LIMIT == 262144
    assert check_annotations("annotations", annotations) == annotations


@pytest.mark.parametrize(("annotations", "size"), [
    ({"a": "b" * ANNOTATIONS_SIZE_LIMIT}, ANNOTATIONS_SIZE_LIMIT + 1),
    ({"a": "b" * (ANNOTATIONS_SIZE_LIMIT // 2), "c": "d" * (ANNOTATIONS_SIZE_LIMIT // 2)}, ANNOTATIONS_SIZE_LIMIT + 2),
    ({"a": "é" * (ANNOTATIONS_SIZE_LIMIT // 2)}, ANNOTATIONS_SIZE_LIMIT + 1),
], ids=["one-over", "two-halves", "utf8-bytes"])
def test_fails_annotations_over_the_size_limit(annotations: dict[str, str], size: int) -> None:
    # GIVEN annotations whose keys and values total more than 262144 bytes (UTF-8 bytes, not characters)
    # WHEN checked / THEN the error gives the size and the limit, not the content
    with pytest.raises(ValueError, match=re.escape(f"annotations=<{len(annotations)} annotations, {size} bytes> is "
                                                   "invalid: annotation keys and values must total at most 262144 "
                                                   "bytes") + r".*TotalAnnotationSizeLimitB"):
        check_annotations("annotations", annotations)


@pytest.mark.parametrize(("annotations", "match"), [
    ({"note": 5}, r"annotations\['note'\]: expected str, got int"),
    ({("a", "b"): "x"}, r"annotations \(a key\): expected str, got tuple"),
    ("note=x", r"annotations: expected Mapping\[str, str\], got str"),
], ids=["int-value", "tuple-key", "str"])
def test_fails_annotations_of_the_wrong_type(annotations: object, match: str) -> None:
    # GIVEN annotations that are not a mapping of str to str / WHEN checked / THEN a TypeError names where
    with pytest.raises(TypeError, match=match):
        check_annotations("annotations", annotations)  # type: ignore[arg-type]


# --- tolerations -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("toleration", "manifest"), [
    (Toleration(key="gpu", value="true", effect=TaintEffect.NO_SCHEDULE),
     {"key": "gpu", "operator": "Equal", "value": "true", "effect": "NoSchedule"}),
    (Toleration(key="gpu"), {"key": "gpu", "operator": "Equal"}),
    (Toleration(key="example.com/dedicated", operator=TolerationOperator.EXISTS,
                effect=TaintEffect.PREFER_NO_SCHEDULE),
     {"key": "example.com/dedicated", "operator": "Exists", "effect": "PreferNoSchedule"}),
    (Toleration(operator=TolerationOperator.EXISTS), {"operator": "Exists"}),
    (Toleration(key="", operator=TolerationOperator.EXISTS, value=""), {"operator": "Exists"}),
    (Toleration(key="node.kubernetes.io/not-ready", operator=TolerationOperator.EXISTS,
                effect=TaintEffect.NO_EXECUTE, toleration_seconds=300),
     {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}),
    (Toleration(key="k", value="v", effect=TaintEffect.NO_EXECUTE, toleration_seconds=0),
     {"key": "k", "operator": "Equal", "value": "v", "effect": "NoExecute", "tolerationSeconds": 0}),
    (Toleration(key=f"{PREFIX_253}/{NAME_63}", value="x" * 63),
     {"key": f"{PREFIX_253}/{NAME_63}", "operator": "Equal", "value": "x" * 63}),
], ids=["equal", "equal-empty-value", "exists", "match-all", "empty-strings", "not-ready", "zero-seconds", "longest"])
def test_toleration_renders_kubernetes_fields(toleration: Toleration, manifest: dict[str, object]) -> None:
    # GIVEN a valid toleration / WHEN rendered / THEN camelCase fields, the empty ones left out
    assert toleration.to_manifest() == manifest


def test_toleration_is_a_frozen_keyword_only_value() -> None:
    # GIVEN a toleration
    toleration = Toleration(key="gpu", operator=TolerationOperator.EXISTS)

    # THEN it compares by value, cannot change, and takes keywords only
    assert toleration == Toleration(key="gpu", operator=TolerationOperator.EXISTS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        toleration.key = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Toleration("gpu")  # type: ignore[call-arg]


@pytest.mark.parametrize(("fields", "error", "match"), [
    ({"key": "gpu", "operator": TolerationOperator.EXISTS, "value": "true"}, ValueError,
     invalid("value", "true") + r".*the value must be empty when the operator is 'Exists'"),
    ({}, ValueError, invalid("operator", "Equal") + r".*must be 'Exists' \(an unset one is 'Equal'\) when the key is "
                                                    "empty.*match all values and all keys"),
    ({"key": "", "value": "x"}, ValueError, invalid("operator", "Equal") + ".*when the key is empty"),
    ({"key": "gpu", "toleration_seconds": 60}, ValueError,
     invalid("effect", None) + ".*the effect must be 'NoExecute' when toleration_seconds is set"),
    ({"key": "gpu", "effect": TaintEffect.NO_SCHEDULE, "toleration_seconds": 60}, ValueError,
     invalid("effect", "NoSchedule") + ".*must be 'NoExecute' when toleration_seconds is set"),
    ({"key": "gpu", "effect": TaintEffect.NO_EXECUTE, "toleration_seconds": 1 << 63}, ValueError,
     invalid("toleration_seconds", 1 << 63) + ".*int64"),
    ({"key": "a/b/c"}, ValueError, invalid("key", "a/b/c") + ".*a toleration key .*IsQualifiedName"),
    ({"key": "x" * 64}, ValueError, invalid("key", "x" * 64) + ".*no more than 63 characters"),
    ({"key": "gpu", "value": "-true"}, ValueError, invalid("value", "-true") + ".*IsValidLabelValue"),
    ({"key": "gpu", "value": "x" * 64}, ValueError, invalid("value", "x" * 64) + ".*no more than 63 characters"),
    ({"key": "gpu", "effect": TaintEffect.NO_EXECUTE, "toleration_seconds": True}, TypeError,
     r"toleration_seconds: expected int \| None, got bool"),
    ({"key": "gpu", "effect": TaintEffect.NO_EXECUTE, "toleration_seconds": 1.5}, TypeError,
     r"toleration_seconds: expected int \| None, got float"),
    ({"key": "gpu", "operator": "Exists"}, TypeError,
     r"operator: expected TolerationOperator, got str \(give a member of TolerationOperator"),
    ({"key": "gpu", "effect": "NoSchedule"}, TypeError, r"effect: expected TaintEffect \| None, got str"),
    ({"key": 5}, TypeError, r"key: expected str \| None, got int"),
], ids=["exists-with-value", "no-key-equal", "empty-key-equal", "seconds-no-effect", "seconds-no-schedule",
        "seconds-over-int64", "bad-key", "key-too-long", "bad-value", "value-too-long", "bool-seconds",
        "float-seconds", "str-operator", "str-effect", "int-key"])
def test_fails_bad_toleration(fields: dict[str, object], error: type[Exception], match: str) -> None:
    # GIVEN a toleration that breaks ValidateTolerations, or of a field of the wrong type
    # WHEN made / THEN it is refused, naming the field and the rule
    with pytest.raises(error, match=match):
        Toleration(**fields)  # type: ignore[arg-type]


def test_toleration_from_struct_converts_strings_to_the_enums() -> None:
    # GIVEN k8s.Toleration-like structs, the operator and effect as strings, the operator unset or empty in two
    structs = [struct(key="node.kubernetes.io/unreachable", operator="Exists", effect="NoExecute",
                      toleration_seconds=30),
               struct(key="gpu", value="true", effect="NoSchedule"),
               struct(key="gpu", operator="", effect=""),
               struct(operator="Exists")]

    # WHEN converted
    tolerations = [toleration_from_struct("tolerations", s) for s in structs]

    # THEN they are the same tolerations as values, an unset operator being Equal and an empty effect none
    assert tolerations == [
        Toleration(key="node.kubernetes.io/unreachable", operator=TolerationOperator.EXISTS,
                   effect=TaintEffect.NO_EXECUTE, toleration_seconds=30),
        Toleration(key="gpu", value="true", effect=TaintEffect.NO_SCHEDULE),
        Toleration(key="gpu"),
        Toleration(operator=TolerationOperator.EXISTS),
    ]
    # AND a Toleration is taken as it is
    assert toleration_from_struct("tolerations", tolerations[0]) is tolerations[0]


@pytest.mark.parametrize(("obj", "error", "match"), [
    (struct(key="gpu", effect="noschedule"), ValueError,
     invalid("tolerations[1].effect", "noschedule") + ".*'NoSchedule', 'PreferNoSchedule' or 'NoExecute', with that "
                                                      "case.*validateTaintEffect"),
    (struct(key="gpu", effect="NoScheduleNoAdmit"), ValueError,
     invalid("tolerations[1].effect", "NoScheduleNoAdmit") + ".*a taint effect is"),
    (struct(key="gpu", operator="exists"), ValueError,
     invalid("tolerations[1].operator", "exists") + ".*a toleration operator is 'Equal' or 'Exists', with that case"),
    (struct(key="gpu", operator="In", value="a"), ValueError,
     invalid("tolerations[1].operator", "In") + ".*ValidateTolerations"),
    (struct(key="gpu", operator="Exists", value="true"), ValueError,
     invalid("tolerations[1].value", "true") + ".*must be empty when the operator is 'Exists'"),
    (struct(value="true"), ValueError, invalid("tolerations[1].operator", "Equal") + ".*when the key is empty"),
    (struct(key="gpu", effect="NoSchedule", toleration_seconds=10), ValueError,
     invalid("tolerations[1].effect", "NoSchedule") + ".*must be 'NoExecute' when toleration_seconds is set"),
    (struct(key="gpu_", operator="Exists"), ValueError, invalid("tolerations[1].key", "gpu_") + ".*IsQualifiedName"),
    (struct(key="gpu", operator=1), TypeError, r"tolerations\[1\]\.operator: expected str \| None, got int"),
    (struct(key="gpu", effect="NoExecute", toleration_seconds=False), TypeError,
     r"tolerations\[1\]\.toleration_seconds: expected int \| None, got bool"),
    ({"key": "gpu"}, TypeError, r"tolerations\[1\]: expected Toleration or k8s.Toleration, got dict \(without key, "),
], ids=["lower-case-effect", "unknown-effect", "lower-case-operator", "unknown-operator", "exists-with-value",
        "empty-key-equal", "seconds-no-execute", "bad-key", "int-operator", "bool-seconds", "dict"])
def test_fails_bad_toleration_struct(obj: object, error: type[Exception], match: str) -> None:
    # GIVEN a k8s.Toleration-like struct that breaks Kubernetes' rules, or no struct at all
    # WHEN converted / THEN the error names the parameter and the struct's field
    with pytest.raises(error, match=match):
        toleration_from_struct("tolerations[1]", obj)


def test_tolerations_are_converted_in_order() -> None:
    # GIVEN a mix of Toleration values and structs
    given = [Toleration(key="a"), struct(key="b", operator="Exists")]

    # WHEN checked / THEN Toleration values come back in the same order
    assert check_tolerations("tolerations", given) == (
        Toleration(key="a"), Toleration(key="b", operator=TolerationOperator.EXISTS))


@pytest.mark.parametrize(("tolerations", "error", "match"), [
    ("gpu", TypeError, r"tolerations: expected Sequence\[object\], got str \(a str is not taken as a sequence"),
    ([Toleration(key="a"), struct(key="b", effect="Never")], ValueError, invalid("tolerations[1].effect", "Never")),
    ([None], TypeError, r"tolerations\[0\]: expected Toleration or k8s.Toleration, got NoneType"),
], ids=["str", "second-bad", "none"])
def test_fails_bad_tolerations(tolerations: object, error: type[Exception], match: str) -> None:
    # GIVEN tolerations of which one is bad, or not a sequence / WHEN checked / THEN the error names its index
    with pytest.raises(error, match=match):
        check_tolerations("tolerations", tolerations)  # type: ignore[arg-type]
