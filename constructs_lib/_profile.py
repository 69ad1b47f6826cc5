"""The one pod profile of this library: Kubernetes' "restricted" Pod Security level, rendered alike for every pod
(the registry, its garbage collection, the UI) and every container in them."""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["RestrictedProfile", "pull_policy"]


@dataclasses.dataclass(frozen=True)
class RestrictedProfile:
    """A non-root user and group (also the volumes' group), the runtime's default seccomp profile, every capability
    dropped, no privilege escalation and a read-only root filesystem."""

    #: Any id above 10000 maps to no user of the node.
    uid: int

    def pod_security_context(self) -> dict[str, Any]:
        # OnRootMismatch: the kubelet changes a volume's group only when its root is not the pod's group already
        # (a large claim is not walked at every start).
        return {"fsGroup": self.uid, "fsGroupChangePolicy": "OnRootMismatch", "runAsGroup": self.uid,
                "runAsNonRoot": True, "runAsUser": self.uid, "seccompProfile": {"type": "RuntimeDefault"}}

    def container_security_context(self) -> dict[str, Any]:
        return {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "privileged": False,
                "readOnlyRootFilesystem": True, "runAsGroup": self.uid, "runAsNonRoot": True, "runAsUser": self.uid}


def pull_policy(image: str) -> str:
    """A digest cannot change, so the node's copy is exact; a tag can be pushed again (rebuilt for a CVE), so every
    start asks the registry what it points to now."""
    return "IfNotPresent" if "@sha256:" in image else "Always"
