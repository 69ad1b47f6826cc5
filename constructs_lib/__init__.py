"""cdk8s constructs for a private Docker registry on Kubernetes.

Names load on first use: the configuration model (``RegistryConfig``, ``UiConfig``, ``IngressConfig`` and the values
they hold: ``auth``, ``storage``, ``cache``, ``maintenance``, ``network``, ``pod``, ``endpoints``) is plain Python and
imports neither cdk8s nor jsii; the constructs import cdk8s when they are first named.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._ingress_config import IngressConfig, IngressTls, TlsVersion, TraefikApiGroup
    from ._ui_plan import UiConfig
    from .access import AccessControl, AnonymousAccess
    from .auth import DEFAULT_BCRYPT_COST, HtpasswdAuth
    from .cache import ProxyCache, RedisCache
    from .chart import RegistryChart
    from .config import (
        DEFAULT_METRICS_PROXY_IMAGE,
        DEFAULT_REGISTRY_IMAGE,
        HttpSecret,
        LogLevel,
        RegistryConfig,
        RegistryVersion,
    )
    from .endpoints import RegistryEndpoint, ServiceEndpoint, UiRoute
    from .gateway import GatewayAttachment, GatewayIngress
    from .ingress import TraefikIngress
    from .k3s import ACME_STORAGE_PATH, AcmeChallenge, AcmeServer, K3sTraefik, K3sTraefikChart
    from .maintenance import DEFAULT_KUBECTL_IMAGE, GarbageCollection, UploadPurging
    from .network import IngressControllerPeer, PodPeer
    from .pod import PodOptions, TaintEffect, Toleration, TolerationOperator
    from .registry import Registry
    from .storage import FilesystemStorage, S3Credentials, S3Storage, Storage, VolumeAccessMode
    from .ui import DEFAULT_UI_IMAGE, RegistryUi

# Public name -> the module that defines it.
_EXPORTS = {
    "ACME_STORAGE_PATH": "k3s",
    "AccessControl": "access",
    "AnonymousAccess": "access",
    "DEFAULT_BCRYPT_COST": "auth",
    "DEFAULT_KUBECTL_IMAGE": "maintenance",
    "DEFAULT_METRICS_PROXY_IMAGE": "config",
    "DEFAULT_REGISTRY_IMAGE": "config",
    "DEFAULT_UI_IMAGE": "_ui_plan",
    "AcmeChallenge": "k3s",
    "AcmeServer": "k3s",
    "FilesystemStorage": "storage",
    "GarbageCollection": "maintenance",
    "GatewayAttachment": "_gateway_config",
    "GatewayIngress": "gateway",
    "HtpasswdAuth": "auth",
    "HttpSecret": "config",
    "IngressControllerPeer": "network",
    "IngressConfig": "_ingress_config",
    "IngressTls": "_ingress_config",
    "K3sTraefik": "k3s",
    "K3sTraefikChart": "k3s",
    "LogLevel": "config",
    "PodOptions": "pod",
    "PodPeer": "network",
    "ProxyCache": "cache",
    "RedisCache": "cache",
    "Registry": "registry",
    "RegistryChart": "chart",
    "RegistryConfig": "config",
    "RegistryEndpoint": "endpoints",
    "RegistryUi": "ui",
    "RegistryVersion": "config",
    "S3Credentials": "storage",
    "S3Storage": "storage",
    "ServiceEndpoint": "endpoints",
    "Storage": "storage",
    "TaintEffect": "pod",
    "TlsVersion": "_ingress_config",
    "Toleration": "pod",
    "TolerationOperator": "pod",
    "TraefikApiGroup": "_ingress_config",
    "TraefikIngress": "ingress",
    "UiConfig": "_ui_plan",
    "UiRoute": "endpoints",
    "UploadPurging": "maintenance",
    "VolumeAccessMode": "storage",
}

__all__ = [
    "ACME_STORAGE_PATH",
    "DEFAULT_BCRYPT_COST",
    "DEFAULT_KUBECTL_IMAGE",
    "DEFAULT_METRICS_PROXY_IMAGE",
    "DEFAULT_REGISTRY_IMAGE",
    "DEFAULT_UI_IMAGE",
    "AccessControl",
    "AcmeChallenge",
    "AcmeServer",
    "AnonymousAccess",
    "FilesystemStorage",
    "GarbageCollection",
    "GatewayAttachment",
    "GatewayIngress",
    "HtpasswdAuth",
    "HttpSecret",
    "IngressConfig",
    "IngressControllerPeer",
    "IngressTls",
    "K3sTraefik",
    "K3sTraefikChart",
    "LogLevel",
    "PodOptions",
    "PodPeer",
    "ProxyCache",
    "RedisCache",
    "Registry",
    "RegistryChart",
    "RegistryConfig",
    "RegistryEndpoint",
    "RegistryUi",
    "RegistryVersion",
    "S3Credentials",
    "S3Storage",
    "ServiceEndpoint",
    "Storage",
    "TaintEffect",
    "TlsVersion",
    "Toleration",
    "TolerationOperator",
    "TraefikApiGroup",
    "TraefikIngress",
    "UiConfig",
    "UiRoute",
    "UploadPurging",
    "VolumeAccessMode",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
