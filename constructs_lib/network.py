"""Who may reach the registry and the UI (the ingress controller, a metrics scraper): pods selected by labels."""

from __future__ import annotations

import dataclasses
import re
import types
from collections.abc import Mapping

from . import _k8s_rules, _typecheck, _validation

__all__ = ["IngressControllerPeer", "PodPeer"]

_LABEL_VALUE = re.compile(r"([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?")
_LABEL_KEY = re.compile(r"([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?")


@dataclasses.dataclass(frozen=True)
class PodPeer:
    """Pods allowed to reach the registry or the UI when NetworkPolicies are on: the ingress controller
    (:meth:`k3s_traefik`, the default) or a metrics scraper (:meth:`prometheus`), or any (:meth:`of`)."""

    namespace_labels: Mapping[str, str]
    pod_labels: Mapping[str, str]

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        # Kubernetes' own label rules; kept as copies nobody can change afterwards.
        object.__setattr__(self, "namespace_labels",
                           types.MappingProxyType(_k8s_rules.check_labels("namespace_labels", self.namespace_labels)))
        object.__setattr__(self, "pod_labels",
                           types.MappingProxyType(_k8s_rules.check_labels("pod_labels", self.pod_labels)))

    @classmethod
    @_typecheck.typechecked
    def prometheus(cls, namespace: str = "monitoring") -> PodPeer:
        """Prometheus pods (``app.kubernetes.io/name: prometheus``).

        :param namespace: Prometheus's namespace. Default: ``"monitoring"``.
        """
        return cls.of(namespace=namespace, pod_labels={"app.kubernetes.io/name": "prometheus"})

    @classmethod
    @_typecheck.typechecked
    def k3s_traefik(cls) -> PodPeer:
        """Traefik as k3s ships it: pods labelled ``app.kubernetes.io/name: traefik`` in ``kube-system``."""
        return cls.of(namespace="kube-system", pod_labels={"app.kubernetes.io/name": "traefik"})

    @classmethod
    @_typecheck.typechecked
    def of(cls, *, namespace: str, pod_labels: Mapping[str, str]) -> PodPeer:
        """The controller's pods with ``pod_labels`` in ``namespace``, e.g. the Traefik Helm chart's
        ``of(namespace="traefik", pod_labels={"app.kubernetes.io/name": "traefik"})``.

        :param namespace: the controller's namespace (matched by its ``kubernetes.io/metadata.name`` label).
        :param pod_labels: labels of the controller's pods; at least one.
        """
        _validation.check_dns1123_label("namespace", namespace)
        if not pod_labels:
            raise _validation.fail("pod_labels", dict(pod_labels), "give at least one label of the controller's pods")
        for key, value in pod_labels.items():
            if not _LABEL_KEY.fullmatch(key):
                raise _validation.fail("pod_labels", key, "a label key is [prefix/]name, the name up to 63 letters, "
                                                          "digits, '-', '_' or '.'")
            if not _LABEL_VALUE.fullmatch(value):
                raise _validation.fail(f"pod_labels[{key!r}]", value, "a label value has up to 63 letters, digits, "
                                                                     "'-', '_' or '.', starting and ending with a "
                                                                     "letter or digit")
        return cls(namespace_labels={"kubernetes.io/metadata.name": namespace}, pod_labels=dict(pod_labels))


#: The name the ingress-controller options use; the same class.
IngressControllerPeer = PodPeer
