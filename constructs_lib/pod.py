"""Pod-level settings that the registry and the UI take alike: scheduling, extra environment, image pull Secrets,
labels and annotations."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import _validation

if TYPE_CHECKING:  # the model imports no cdk8s: the structs are only passed on
    from cdk8s_plus_27 import k8s

__all__ = ["PodOptions"]

_ENV_NAME = re.compile(r"[-._a-zA-Z][-._a-zA-Z0-9]*")


@dataclasses.dataclass(frozen=True, kw_only=True)
class PodOptions:
    """Extra pod settings. Every field is optional.

    :param env: extra environment variables of the main container (names must not be ones the construct sets).
    :param node_selector: node labels the pods must run on.
    :param tolerations: taints the pods tolerate (``k8s.Toleration`` from ``cdk8s_plus_27``).
    :param affinity: node and pod affinity (``k8s.Affinity``).
    :param priority_class_name: the PriorityClass of the pods.
    :param image_pull_secrets: names of Secrets to pull the images with (a private mirror).
    :param labels: extra labels of the pods (not of the selector).
    :param annotations: extra annotations of the pods.
    """

    env: Mapping[str, str] = dataclasses.field(default_factory=dict)
    node_selector: Mapping[str, str] = dataclasses.field(default_factory=dict)
    tolerations: Sequence[k8s.Toleration] = ()
    affinity: k8s.Affinity | None = None
    priority_class_name: str | None = None
    image_pull_secrets: Sequence[str] = ()
    labels: Mapping[str, str] = dataclasses.field(default_factory=dict)
    annotations: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, value in self.env.items():
            if not _ENV_NAME.fullmatch(name):
                raise _validation.fail("env", name, "an environment variable name has letters, digits, '_', '-' "
                                                    "or '.', and does not start with a digit")
            _validation.check_no_forbidden_chars(f"env[{name!r}]", value, "", "control characters break the pod")
        if self.priority_class_name is not None:
            _validation.check_dns1123_subdomain("priority_class_name", self.priority_class_name)
        for secret in self.image_pull_secrets:
            _validation.check_dns1123_subdomain("image_pull_secrets", secret)

    def _pod_spec_fields(self) -> dict[str, Any]:
        """The scheduling and pull fields of a pod spec."""
        spec = {
            "nodeSelector": dict(self.node_selector) or None,
            # jsii hands the structs over with Kubernetes' own field names.
            "tolerations": list(self.tolerations) or None,
            "affinity": self.affinity,
            "priorityClassName": self.priority_class_name,
            "imagePullSecrets": [{"name": name} for name in self.image_pull_secrets] or None,
        }
        return {field: value for field, value in spec.items() if value is not None}
