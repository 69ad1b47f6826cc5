"""One object per apiVersion, kind, namespace and name in an app.

Two constructs that emit objects with the same identity would be written into ``dist/`` side by side, and at
``kubectl apply`` the later one silently replaces the earlier (a second registry's Deployment overwriting the first's).
Every construct of this library registers one validation on the app, which cdk8s runs at synth (``app.synth()`` and
``cdk8s.Testing.synth``): it looks at every ApiObject of the app, the application's own included.
"""

from __future__ import annotations

import cdk8s
import jsii
from constructs import Construct, IConstruct, IValidation

__all__ = ["known", "register"]

# Kinds that have no namespace: a chart's namespace stamped on them means nothing to the API server.
_CLUSTER_SCOPED = frozenset({
    "APIService", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding", "CSIDriver", "CSINode",
    "CustomResourceDefinition", "GatewayClass", "IngressClass", "MutatingWebhookConfiguration", "Namespace", "Node",
    "PersistentVolume", "PriorityClass", "RuntimeClass", "StorageClass", "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration", "VolumeAttachment",
})
# The apps that have the check, by jsii object reference: an app made on the JavaScript side (cdk8s.Testing.app())
# comes back as a new Python proxy from every `node.root`, so the proxy cannot carry a mark.
_REGISTERED: set[str] = set()
# The kind and name of the objects this library created, by jsii object reference: read here instead of asking the
# Node.js process (a round trip each). The apiVersion and namespace are asked only where a kind and a name repeat.
_KNOWN: dict[str, tuple[str, str]] = {}


def known(api_object: cdk8s.ApiObject, *, kind: str, name: str) -> None:
    """Note an object this library created with the kind and name it was given."""
    _KNOWN[api_object.__jsii_ref__.ref] = (kind, name)  # type: ignore[attr-defined]


def register(scope: Construct) -> None:
    """Add the check to the app of ``scope``, once per app."""
    root = scope.node.root
    ref: str = root.__jsii_ref__.ref  # type: ignore[attr-defined]
    if ref in _REGISTERED:
        return
    root.node.add_validation(_UniqueObjects(root))
    _REGISTERED.add(ref)


@jsii.implements(IValidation)
class _UniqueObjects:
    def __init__(self, root: IConstruct) -> None:
        self._root = root

    def validate(self) -> list[str]:
        # Each property read is a round trip to the jsii Node.js process (about a millisecond): read the names of all
        # objects, then kinds only where a name repeats, then the rest only where a name and a kind repeat.
        by_name: dict[str, list[cdk8s.ApiObject]] = {}
        kinds: dict[str, str] = {}
        for construct in self._root.node.find_all():
            if isinstance(construct, cdk8s.ApiObject):
                ref: str = construct.__jsii_ref__.ref  # type: ignore[attr-defined]
                kind_and_name = _KNOWN.get(ref)
                if kind_and_name is None:
                    name = construct.name
                else:
                    kinds[ref], name = kind_and_name
                by_name.setdefault(name, []).append(construct)
        errors = []
        for name, objects in by_name.items():
            if len(objects) < 2:
                continue
            by_kind: dict[str, list[cdk8s.ApiObject]] = {}
            for obj in objects:
                by_kind.setdefault(kinds.get(obj.__jsii_ref__.ref) or obj.kind, []).append(obj)  # type: ignore[attr-defined]
            for kind, same_kind in by_kind.items():
                if len(same_kind) < 2:
                    continue
                seen: dict[tuple[str, str], cdk8s.ApiObject] = {}
                for obj in same_kind:
                    namespace = "" if kind in _CLUSTER_SCOPED else obj.metadata.namespace or ""
                    first = seen.setdefault((obj.api_version, namespace), obj)
                    if first is not obj:
                        where = f"namespace {namespace!r}" if namespace else "no namespace"
                        errors.append(
                            f"{first.node.path} and {obj.node.path} both emit {obj.api_version} {kind} {name!r} in "
                            f"{where}: kubectl apply would keep only one of them. Give one another name or namespace "
                            "(RegistryChart: a different `namespace` or `name`).")
        return errors
