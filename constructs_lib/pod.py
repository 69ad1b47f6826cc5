"""Pod-level settings that the registry and the UI take alike: scheduling, extra environment, image pull Secrets,
labels and annotations."""

from __future__ import annotations

import dataclasses
import re
import types
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import _k8s_rules, _typecheck, _validation
from ._k8s_rules import TaintEffect, Toleration, TolerationOperator
from ._labels import OWN_KEYS

if TYPE_CHECKING:  # the model imports no cdk8s: the structs are only passed on
    from cdk8s_plus_27 import k8s

__all__ = ["PodOptions", "TaintEffect", "Toleration", "TolerationOperator"]

# Annotations the constructs write on their pods, which would silently replace the user's (labels: _labels.OWN_KEYS).
_OWN_ANNOTATIONS = frozenset({"checksum/config"})
_ENV_NAME = re.compile(r"[-._a-zA-Z][-._a-zA-Z0-9]*")


@dataclasses.dataclass(frozen=True, kw_only=True)
class PodOptions:
    """Extra pod settings. Every field is optional.

    Every key and value is checked by Kubernetes' own rules when the options are created.

    :param env: extra environment variables of the main container (names must not be ones the construct sets).
    :param node_selector: node labels the pods must run on (label keys and values).
    :param tolerations: taints the pods tolerate: :class:`Toleration`, or ``k8s.Toleration`` from
        ``cdk8s_plus_27`` (converted and checked alike).
    :param affinity: node and pod affinity (``k8s.Affinity``), passed on as it is.
    :param priority_class_name: the PriorityClass of the pods.
    :param image_pull_secrets: names of Secrets to pull the images with (a private mirror).
    :param labels: extra labels of the pods (not of the selector: ``app.kubernetes.io/name`` and ``/instance`` are
        the construct's, and the ``kubernetes.io/`` and ``k8s.io/`` prefixes are Kubernetes').
    :param annotations: extra annotations of the pods (at most 256 KiB in all).
    """

    env: Mapping[str, str] = dataclasses.field(default_factory=dict)
    node_selector: Mapping[str, str] = dataclasses.field(default_factory=dict)
    tolerations: Sequence[Toleration | k8s.Toleration] = ()
    affinity: k8s.Affinity | None = None
    priority_class_name: str | None = None
    image_pull_secrets: Sequence[str] = ()
    labels: Mapping[str, str] = dataclasses.field(default_factory=dict)
    annotations: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        for name, value in self.env.items():
            if not _ENV_NAME.fullmatch(name):
                raise _validation.fail("env", name, "an environment variable name has letters, digits, '_', '-' "
                                                    "or '.', and does not start with a digit")
            _validation.check_no_forbidden_chars(f"env[{name!r}]", value, "", "control characters break the pod")
        if self.priority_class_name is not None:
            _validation.check_dns1123_subdomain("priority_class_name", self.priority_class_name)
        if isinstance(self.image_pull_secrets, str):
            raise TypeError("image_pull_secrets: expected a sequence of Secret names, got str")
        for secret in self.image_pull_secrets:
            _validation.check_dns1123_subdomain("image_pull_secrets", secret)
        _k8s_rules.check_node_selector("node_selector", self.node_selector)
        _k8s_rules.check_user_labels("labels", self.labels)
        for key in self.labels:
            if key in OWN_KEYS:
                raise _validation.fail("labels", key, "the construct sets the recommended app.kubernetes.io labels "
                                                      "itself (its value would replace yours)")
        for key in self.annotations:
            if key in _OWN_ANNOTATIONS or key.startswith("prometheus.io/"):
                raise _validation.fail("annotations", key, "the construct sets checksum/config and the prometheus.io "
                                                           "annotations itself (its value would replace yours)")
        _k8s_rules.check_annotations("annotations", self.annotations)
        # Kept as checked values and copies nobody can change afterwards; tolerations rendered as the pod spec
        # spells them.
        object.__setattr__(self, "tolerations", _k8s_rules.check_tolerations("tolerations", self.tolerations))
        for field in ("env", "node_selector", "labels", "annotations"):
            object.__setattr__(self, field, types.MappingProxyType(dict(getattr(self, field))))
        object.__setattr__(self, "image_pull_secrets", tuple(self.image_pull_secrets))
        if self.affinity is not None and type(self.affinity).__name__ != "Affinity":
            raise TypeError(f"affinity: expected k8s.Affinity | None, got {type(self.affinity).__name__}")

    def _pod_spec_fields(self) -> dict[str, Any]:
        """The scheduling and pull fields of a pod spec."""
        spec = {
            "nodeSelector": dict(self.node_selector) or None,
            # Converted to Toleration values when the options were created.
            "tolerations": [_k8s_rules.toleration_from_struct("tolerations", t).to_manifest()
                            for t in self.tolerations] or None,
            # jsii hands the struct over with Kubernetes' own field names.
            "affinity": self.affinity,
            "priorityClassName": self.priority_class_name,
            "imagePullSecrets": [{"name": name} for name in self.image_pull_secrets] or None,
        }
        return {field: value for field, value in spec.items() if value is not None}
