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
# The identity of the objects this library created (apiVersion, kind, namespace or None where unknown, name), by jsii
# object reference: read here instead of asking the Node.js process (a round trip each).
_KNOWN: dict[str, tuple[str, str, str | None, str]] = {}


def known(api_object: cdk8s.ApiObject, *, api_version: str, kind: str, name: str, namespace: str | None) -> None:
    """Note an object this library created with the identity it was given (``namespace``: the chart's, "" for a
    cluster-scoped object, None when not known here)."""
    _KNOWN[api_object.__jsii_ref__.ref] = (api_version, kind, namespace, name)  # type: ignore[attr-defined]


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
        # cdk8s validates once per chart it writes: the same tree gives the same answer.
        self._answer: tuple[tuple[str, ...], list[str]] | None = None

    def validate(self) -> list[str]:
        objects = [c for c in self._root.node.find_all() if isinstance(c, cdk8s.ApiObject)]
        refs = tuple(obj.__jsii_ref__.ref for obj in objects)  # type: ignore[attr-defined]
        if self._answer is not None and self._answer[0] == refs:
            return list(self._answer[1])
        errors = self._check(objects, refs)
        self._answer = (refs, errors)
        return list(errors)

    @staticmethod
    def _check(objects: list[cdk8s.ApiObject], refs: tuple[str, ...]) -> list[str]:
        # Each property read of an object this library did not make is a round trip to the jsii Node.js process
        # (about a millisecond): read the names of all, then kinds only where a name repeats, then the rest only where
        # a name and a kind repeat.
        identities = {ref: _KNOWN.get(ref) for ref in refs}

        def name_of(obj: cdk8s.ApiObject, ref: str) -> str:
            identity = identities[ref]
            return identity[3] if identity is not None else obj.name

        def kind_of(obj: cdk8s.ApiObject, ref: str) -> str:
            identity = identities[ref]
            return identity[1] if identity is not None else obj.kind

        def version_and_namespace(obj: cdk8s.ApiObject, ref: str, kind: str) -> tuple[str, str]:
            identity = identities[ref]
            api_version = identity[0] if identity is not None else obj.api_version
            if kind in _CLUSTER_SCOPED:
                return api_version, ""
            namespace = identity[2] if identity is not None else None
            return api_version, namespace if namespace is not None else (obj.metadata.namespace or "")

        by_name: dict[str, list[tuple[cdk8s.ApiObject, str]]] = {}
        for obj, ref in zip(objects, refs, strict=True):
            by_name.setdefault(name_of(obj, ref), []).append((obj, ref))
        errors = []
        for name, named in by_name.items():
            if len(named) < 2:
                continue
            by_kind: dict[str, list[tuple[cdk8s.ApiObject, str]]] = {}
            for obj, ref in named:
                by_kind.setdefault(kind_of(obj, ref), []).append((obj, ref))
            for kind, same_kind in by_kind.items():
                if len(same_kind) < 2:
                    continue
                seen: dict[tuple[str, str], cdk8s.ApiObject] = {}
                for obj, ref in same_kind:
                    api_version, namespace = version_and_namespace(obj, ref, kind)
                    first = seen.setdefault((api_version, namespace), obj)
                    if first is not obj:
                        where = f"namespace {namespace!r}" if namespace else "no namespace"
                        errors.append(
                            f"{first.node.path} and {obj.node.path} both emit {api_version} {kind} {name!r} in "
                            f"{where}: kubectl apply would keep only one of them. Give one another name or namespace "
                            "(RegistryChart: a different `namespace` or `name`).")
        return errors
