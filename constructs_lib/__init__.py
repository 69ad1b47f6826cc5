"""cdk8s constructs for a private Docker registry on Kubernetes."""

from .auth import DEFAULT_BCRYPT_COST, HtpasswdAuth
from .cache import ProxyCache, RedisCache
from .chart import RegistryChart
from .ingress import IngressTls, TlsVersion, TraefikApiGroup, TraefikIngress
from .maintenance import DEFAULT_KUBECTL_IMAGE, GarbageCollection, UploadPurging
from .network import IngressControllerPeer, PodPeer
from .pod import PodOptions
from .registry import DEFAULT_REGISTRY_IMAGE, HttpSecret, LogLevel, Registry
from .storage import FilesystemStorage, S3Credentials, S3Storage, Storage, VolumeAccessMode
from .ui import DEFAULT_UI_IMAGE, RegistryUi

__all__ = [
    "DEFAULT_BCRYPT_COST",
    "DEFAULT_KUBECTL_IMAGE",
    "DEFAULT_REGISTRY_IMAGE",
    "DEFAULT_UI_IMAGE",
    "FilesystemStorage",
    "GarbageCollection",
    "HtpasswdAuth",
    "HttpSecret",
    "IngressControllerPeer",
    "IngressTls",
    "LogLevel",
    "PodOptions",
    "PodPeer",
    "ProxyCache",
    "RedisCache",
    "Registry",
    "RegistryChart",
    "RegistryUi",
    "S3Credentials",
    "S3Storage",
    "Storage",
    "TlsVersion",
    "TraefikApiGroup",
    "TraefikIngress",
    "UploadPurging",
    "VolumeAccessMode",
]
