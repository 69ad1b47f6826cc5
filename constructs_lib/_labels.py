"""The one place for labels and selectors: every object of a workload carries the recommended
``app.kubernetes.io/*`` labels, and every selector (Deployment, Service, PodDisruptionBudget, NetworkPolicy, spread
and affinity) uses only the two stable ones, name and instance. Nothing derives from construct paths, so renaming a
chart or moving a construct never changes an immutable selector."""

from __future__ import annotations

import dataclasses

__all__ = ["OWN_KEYS", "SELECTOR_KEYS", "WorkloadLabels"]

#: The labels selectors use: a user's own pod labels may not set them.
SELECTOR_KEYS = ("app.kubernetes.io/name", "app.kubernetes.io/instance")


@dataclasses.dataclass(frozen=True)
class WorkloadLabels:
    """The label set of one workload: ``name`` is what it is (``registry``), ``instance`` which one (its base name)."""

    name: str
    instance: str
    component: str
    part_of: str

    @property
    def all(self) -> dict[str, str]:
        """Every recommended label, for the objects' and the pods' metadata."""
        return {"app.kubernetes.io/name": self.name, "app.kubernetes.io/instance": self.instance,
                "app.kubernetes.io/component": self.component, "app.kubernetes.io/part-of": self.part_of,
                "app.kubernetes.io/managed-by": "cdk8s"}

    @property
    def selector(self) -> dict[str, str]:
        """The selector's labels: name and instance only."""
        return {"app.kubernetes.io/name": self.name, "app.kubernetes.io/instance": self.instance}


#: Every label the constructs write on their objects and pods (a user's own value would be replaced).
OWN_KEYS = frozenset(WorkloadLabels(name="", instance="", component="", part_of="").all)
