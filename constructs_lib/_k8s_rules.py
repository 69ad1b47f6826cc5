"""Kubernetes' own rules for labels, annotations, node selectors and tolerations, checked before anything is built.

The rules are those the API server applies (so a manifest this library writes is never refused for them):

* label keys, node-selector keys and annotation keys: ``IsQualifiedName`` (k8s.io/apimachinery/pkg/util/validation);
* label and node-selector values: ``IsValidLabelValue`` (same package), as ``ValidateLabels``
  (apimachinery/pkg/apis/meta/v1/validation) applies them;
* annotations: ``ValidateAnnotations`` (apimachinery/pkg/api/validation/objectmeta.go): keys are qualified names
  after lower-casing, values are any string, and keys plus values total at most ``TotalAnnotationSizeLimitB``
  (256 KiB = 262144 bytes, counted in UTF-8 bytes as Go's ``len`` does);
* tolerations: ``ValidateTolerations`` and ``validateTaintEffect`` (kubernetes/pkg/apis/core/validation).

A rule broken raises ``ValueError`` as :func:`_validation.fail` writes it: ``parameter=value is invalid: rule``. A
value of the wrong type (a label value that is an int) raises ``TypeError`` from :mod:`_typecheck`, which never shows
the value. Pure Python: no cdk8s, jsii or constructs import.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Mapping, Sequence
from typing import TypeVar

from . import _typecheck
from ._labels import SELECTOR_KEYS
from ._validation import fail

__all__ = [
    "ANNOTATIONS_SIZE_LIMIT",
    "SELECTOR_LABEL_KEYS",
    "TaintEffect",
    "Toleration",
    "TolerationOperator",
    "check_annotation_key",
    "check_annotations",
    "check_label_key",
    "check_label_value",
    "check_labels",
    "check_node_selector",
    "check_tolerations",
    "check_user_labels",
    "toleration_from_struct",
]

#: ``TotalAnnotationSizeLimitB``: the most bytes an object's annotation keys and values may total.
ANNOTATIONS_SIZE_LIMIT = 256 * (1 << 10)
#: The pod labels the constructs' selectors (Deployment, Service, NetworkPolicy) match on.
# The labels selectors use, from the one place that defines them.
SELECTOR_LABEL_KEYS = SELECTOR_KEYS

_QUALIFIED_NAME_MAX = 63  # qualifiedNameMaxLength
_LABEL_VALUE_MAX = 63  # LabelValueMaxLength
_DNS1123_SUBDOMAIN_MAX = 253  # DNS1123SubdomainMaxLength
# qualifiedNameFmt and dns1123SubdomainFmt, matched whole (Go's ^...$ has no Python-style match before a final "\n").
_QUALIFIED_NAME = re.compile(r"([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")
_DNS1123_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
# The reserved prefixes ("kubernetes.io/ and k8s.io/ prefixes are reserved for Kubernetes core components") and their
# subdomains; app.kubernetes.io is the prefix of the recommended labels, meant for users to set.
_RESERVED_DOMAINS = ("kubernetes.io", "k8s.io")
_USER_DOMAINS = ("app.kubernetes.io",)
_INT64 = (-(1 << 63), (1 << 63) - 1)
# The annotations the type checks use, made once.
_OPTIONAL_STR = str | None
_OPTIONAL_INT = int | None
_STR_MAPPING = Mapping[str, str]


# --- labels, annotations and node selectors --------------------------------------------------------------------------


def _check_qualified_name(parameter: str, key: str, what: str, shown: str | None = None) -> None:
    """IsQualifiedName(key), blaming `shown` (the key as given, when `key` is it lower-cased)."""
    shown = key if shown is None else shown
    source = f"Kubernetes IsQualifiedName, for {what}s"
    parts = key.split("/")
    if len(parts) > 2:
        raise fail(parameter, shown, f"{what} is a name with an optional DNS subdomain prefix and one '/' "
                                     f"(like 'example.com/my-name'); this has {len(parts) - 1} '/' ({source})")
    if len(parts) == 2:
        prefix = parts[0]
        if not prefix:
            raise fail(parameter, shown, f"the prefix part before the '/' must not be empty ({source})")
        if len(prefix) > _DNS1123_SUBDOMAIN_MAX:
            raise fail(parameter, shown, f"the prefix part must be no more than {_DNS1123_SUBDOMAIN_MAX} characters; "
                                         f"it has {len(prefix)} ({source})")
        if not _DNS1123_SUBDOMAIN.fullmatch(prefix):
            raise fail(parameter, shown, "the prefix part must be a DNS-1123 subdomain: lower-case letters, digits, "
                                         "'-' and '.', each dot-separated part starting and ending with a letter or "
                                         f"digit ({source})")
    name = parts[-1]
    if not name:
        raise fail(parameter, shown, f"the name part must not be empty ({source})")
    if len(name) > _QUALIFIED_NAME_MAX:
        raise fail(parameter, shown, f"the name part must be no more than {_QUALIFIED_NAME_MAX} characters; it has "
                                     f"{len(name)} ({source})")
    if not _QUALIFIED_NAME.fullmatch(name):
        raise fail(parameter, shown, "the name part must consist of letters, digits, '-', '_' or '.', and start and "
                                     f"end with a letter or digit ({source})")


def check_label_key(parameter: str, key: str) -> str:
    """A label key: ``[prefix/]name``, the prefix a DNS-1123 subdomain of at most 253 characters, the name 1 to 63
    letters, digits, '-', '_' or '.' starting and ending with a letter or digit (``IsQualifiedName``)."""
    _typecheck.check_type(f"{parameter} (a key)", key, str)
    _check_qualified_name(parameter, key, "a label key")
    return key


def check_label_value(parameter: str, key: str, value: str) -> str:
    """The value of label `key`: empty, or up to 63 letters, digits, '-', '_' or '.' starting and ending with a letter
    or digit (``IsValidLabelValue``). The error names ``parameter[key]``."""
    where = f"{parameter}[{key!r}]"
    _typecheck.check_type(where, value, str)
    if len(value) > _LABEL_VALUE_MAX:
        raise fail(where, value, f"a label value must be no more than {_LABEL_VALUE_MAX} characters; it has "
                                 f"{len(value)} (Kubernetes IsValidLabelValue)")
    if value and not _QUALIFIED_NAME.fullmatch(value):
        raise fail(where, value, "a label value must be empty or consist of letters, digits, '-', '_' or '.', and "
                                 "start and end with a letter or digit (Kubernetes IsValidLabelValue)")
    return value


def check_labels(parameter: str, mapping: Mapping[str, str]) -> dict[str, str]:
    """Labels (``ValidateLabels``): every key a label key, every value a label value. Returns a copy."""
    _typecheck.check_type(parameter, mapping, _STR_MAPPING)
    for key, value in mapping.items():
        check_label_key(parameter, key)
        check_label_value(parameter, key, value)
    return dict(mapping)


def check_user_labels(parameter: str, mapping: Mapping[str, str]) -> dict[str, str]:
    """Labels a user adds to the pods: :func:`check_labels`, and no key the user may not set.

    Refused: the prefixes ``kubernetes.io/`` and ``k8s.io/`` and their subdomains (``node.kubernetes.io/``), reserved
    for Kubernetes' own components, except ``app.kubernetes.io/`` of the recommended labels; and of those
    ``app.kubernetes.io/name`` and ``app.kubernetes.io/instance``, which the constructs set for their selectors."""
    labels = check_labels(parameter, mapping)
    for key in labels:
        if key in SELECTOR_LABEL_KEYS:
            raise fail(parameter, key, "the construct sets app.kubernetes.io/name and app.kubernetes.io/instance "
                                       "itself: the Deployment's, the Service's and the NetworkPolicies' selectors "
                                       "select the pods by them")
        prefix = key.partition("/")[0] if "/" in key else ""
        if prefix not in _USER_DOMAINS and any(prefix == domain or prefix.endswith(f".{domain}")
                                               for domain in _RESERVED_DOMAINS):
            raise fail(parameter, key, "the kubernetes.io/ and k8s.io/ prefixes and their subdomains (like "
                                       "node.kubernetes.io/) are reserved for Kubernetes' own components; "
                                       "app.kubernetes.io/ is the one for users")
    return labels


def check_node_selector(parameter: str, mapping: Mapping[str, str]) -> dict[str, str]:
    """A pod's node selector: node label keys and values (``ValidatePodSpec`` checks ``spec.nodeSelector`` with
    ``ValidateLabels``). Kubernetes' well-known node labels (``kubernetes.io/os``, ``node.kubernetes.io/instance-type``)
    are allowed: no reserved prefix is refused here."""
    return check_labels(parameter, mapping)


class _Size:
    """How an over-size mapping appears in the error: its size, not its content."""

    def __init__(self, count: int, size: int) -> None:
        self.text = f"<{count} annotations, {size} bytes>"

    def __repr__(self) -> str:
        return self.text


def check_annotation_key(parameter: str, key: str) -> str:
    """An annotation key: a qualified name (``IsQualifiedName``) once lower-cased, so upper-case letters may appear
    in the prefix too (``ValidateAnnotations``)."""
    _typecheck.check_type(f"{parameter} (a key)", key, str)
    _check_qualified_name(parameter, key.lower(), "an annotation key (checked lower-cased)", shown=key)
    return key


def check_annotations(parameter: str, mapping: Mapping[str, str]) -> dict[str, str]:
    """Annotations (``ValidateAnnotations``): every key an annotation key, the values any str, and keys and values at
    most 262144 bytes in all (``TotalAnnotationSizeLimitB``). Returns a copy."""
    _typecheck.check_type(parameter, mapping, _STR_MAPPING)
    size = 0
    for key, value in mapping.items():
        check_annotation_key(parameter, key)
        size += len(key.encode("utf-8", "surrogatepass")) + len(value.encode("utf-8", "surrogatepass"))
    if size > ANNOTATIONS_SIZE_LIMIT:
        raise fail(parameter, _Size(len(mapping), size),
                   f"annotation keys and values must total at most {ANNOTATIONS_SIZE_LIMIT} bytes (256 KiB, Kubernetes "
                   f"ValidateAnnotations' TotalAnnotationSizeLimitB); these have {size}")
    return dict(mapping)


# --- tolerations -----------------------------------------------------------------------------------------------------


class TolerationOperator(enum.Enum):
    """How a toleration matches a taint's value (``Toleration.operator``)."""

    EQUAL = "Equal"
    EXISTS = "Exists"


class TaintEffect(enum.Enum):
    """The taint effect a toleration tolerates (``Toleration.effect``); none means every effect."""

    NO_SCHEDULE = "NoSchedule"
    PREFER_NO_SCHEDULE = "PreferNoSchedule"
    NO_EXECUTE = "NoExecute"


def _check_toleration(prefix: str, key: str | None, operator: TolerationOperator, value: str | None,
                      effect: TaintEffect | None, toleration_seconds: int | None) -> None:
    """ValidateTolerations for one toleration, naming its fields `prefix` + field."""
    _typecheck.check_type(f"{prefix}key", key, _OPTIONAL_STR)
    _typecheck.check_type(f"{prefix}operator", operator, TolerationOperator)
    _typecheck.check_type(f"{prefix}value", value, _OPTIONAL_STR)
    _typecheck.check_type(f"{prefix}effect", effect, TaintEffect | None)
    _typecheck.check_type(f"{prefix}toleration_seconds", toleration_seconds, _OPTIONAL_INT)
    source = "Kubernetes ValidateTolerations"
    if key:
        _check_qualified_name(f"{prefix}key", key, "a toleration key (a label key)")
    elif operator is not TolerationOperator.EXISTS:
        raise fail(f"{prefix}operator", operator.value,
                   "the operator must be 'Exists' (an unset one is 'Equal') when the key is empty, which means 'match "
                   f"all values and all keys' ({source})")
    if toleration_seconds is not None:
        if effect is not TaintEffect.NO_EXECUTE:
            raise fail(f"{prefix}effect", effect.value if effect else effect,
                       f"the effect must be 'NoExecute' when toleration_seconds is set ({source})")
        if not _INT64[0] <= toleration_seconds <= _INT64[1]:
            raise fail(f"{prefix}toleration_seconds", toleration_seconds,
                       "toleration seconds are a 64-bit integer (Kubernetes Toleration.tolerationSeconds is int64)")
    if operator is TolerationOperator.EXISTS:
        if value:
            raise fail(f"{prefix}value", value, f"the value must be empty when the operator is 'Exists' ({source})")
    elif value:
        if len(value) > _LABEL_VALUE_MAX:
            raise fail(f"{prefix}value", value, f"a toleration value (a label value) must be no more than "
                                                f"{_LABEL_VALUE_MAX} characters; it has {len(value)} ({source}: "
                                                "IsValidLabelValue)")
        if not _QUALIFIED_NAME.fullmatch(value):
            raise fail(f"{prefix}value", value, "a toleration value (a label value) must be empty or consist of "
                                                "letters, digits, '-', '_' or '.', and start and end with a letter "
                                                f"or digit ({source}: IsValidLabelValue)")


@dataclasses.dataclass(frozen=True, kw_only=True)
class Toleration:
    """A pod toleration, checked by Kubernetes' rules when made (``ValidateTolerations``).

    :param key: the taint key; empty or None matches every key (then the operator must be Exists).
    :param operator: Equal (the default: the value must equal the taint's) or Exists (any value; give none).
    :param value: the taint value an Equal toleration matches (a label value).
    :param effect: the taint effect it tolerates; None tolerates every effect.
    :param toleration_seconds: how long a NoExecute toleration keeps a pod on a node after the taint appears; only
        with ``effect=TaintEffect.NO_EXECUTE``.
    """

    key: str | None = None
    operator: TolerationOperator = TolerationOperator.EQUAL
    value: str | None = None
    effect: TaintEffect | None = None
    toleration_seconds: int | None = None

    def __post_init__(self) -> None:
        _check_toleration("", self.key, self.operator, self.value, self.effect, self.toleration_seconds)

    def to_manifest(self) -> dict[str, str | int]:
        """The toleration as in a pod spec: Kubernetes' camelCase names; empty fields left out (``omitempty``), the
        operator always written."""
        manifest: dict[str, str | int] = {}
        if self.key:
            manifest["key"] = self.key
        manifest["operator"] = self.operator.value
        if self.value:
            manifest["value"] = self.value
        if self.effect is not None:
            manifest["effect"] = self.effect.value
        if self.toleration_seconds is not None:
            manifest["tolerationSeconds"] = self.toleration_seconds
        return manifest


_STRUCT_FIELDS = ("key", "operator", "value", "effect", "toleration_seconds")


_E = TypeVar("_E", TolerationOperator, TaintEffect)


def _enum_member(parameter: str, raw: object, kind: type[_E], rule: str) -> _E | None:
    """The member of `kind` a struct's string names; None for an empty or missing one."""
    if isinstance(raw, kind):
        return raw
    _typecheck.check_type(parameter, raw, _OPTIONAL_STR)
    if not raw:
        return None
    try:
        return kind(raw)
    except ValueError:
        raise fail(parameter, raw, rule) from None


def toleration_from_struct(parameter: str, obj: object) -> Toleration:
    """A :class:`Toleration` from a cdk8s ``k8s.Toleration`` (or any object with its attributes ``key``, ``operator``,
    ``value``, ``effect`` and ``toleration_seconds``, the operator and effect as strings), checked by the same rules.
    A :class:`Toleration` is returned as it is. Errors name ``parameter.<field>``.

    An empty or missing operator is Equal, as in Kubernetes; the operator and effect strings are case-sensitive."""
    if isinstance(obj, Toleration):
        return obj
    missing = [name for name in _STRUCT_FIELDS if not hasattr(obj, name)]
    if missing:
        raise TypeError(f"{parameter}: expected Toleration or k8s.Toleration, got {type(obj).__name__} "
                        f"(without {', '.join(missing)})")
    prefix = f"{parameter}."
    operator = _enum_member(f"{prefix}operator", getattr(obj, "operator"), TolerationOperator,  # noqa: B009
                            "a toleration operator is 'Equal' or 'Exists', with that case; empty means Equal "
                            "(Kubernetes ValidateTolerations)")
    effect = _enum_member(f"{prefix}effect", getattr(obj, "effect"), TaintEffect,  # noqa: B009
                          "a taint effect is 'NoSchedule', 'PreferNoSchedule' or 'NoExecute', with that case; empty "
                          "tolerates every effect (Kubernetes validateTaintEffect)")
    key: str | None = getattr(obj, "key")  # noqa: B009
    value: str | None = getattr(obj, "value")  # noqa: B009
    seconds: int | None = getattr(obj, "toleration_seconds")  # noqa: B009
    operator = operator or TolerationOperator.EQUAL
    _check_toleration(prefix, key, operator, value, effect, seconds)
    return Toleration(key=key, operator=operator, value=value, effect=effect, toleration_seconds=seconds)


def check_tolerations(parameter: str, tolerations: Sequence[object]) -> tuple[Toleration, ...]:
    """Tolerations (``ValidateTolerations``): each a :class:`Toleration` or a ``k8s.Toleration``, converted by
    :func:`toleration_from_struct` and named ``parameter[index]``."""
    _typecheck.check_type(parameter, tolerations, Sequence[object])
    return tuple(toleration_from_struct(f"{parameter}[{index}]", toleration)
                 for index, toleration in enumerate(tolerations))
