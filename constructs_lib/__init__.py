"""cdk8s constructs for a private Docker registry on Kubernetes."""

from .auth import DEFAULT_BCRYPT_COST, HtpasswdAuth
from .cache import ProxyCache, RedisCache
from .chart import RegistryChart
from .ingress import IngressTls, TlsVersion, TraefikApiGroup, TraefikIngress
from .k3s import ACME_STORAGE_PATH, AcmeChallenge, AcmeServer, K3sTraefik, K3sTraefikChart
from .maintenance import DEFAULT_KUBECTL_IMAGE, GarbageCollection, UploadPurging
from .network import IngressControllerPeer, PodPeer
from .pod import PodOptions
from .registry import DEFAULT_METRICS_PROXY_IMAGE, DEFAULT_REGISTRY_IMAGE, HttpSecret, LogLevel, Registry
from .storage import FilesystemStorage, S3Credentials, S3Storage, Storage, VolumeAccessMode
from .ui import DEFAULT_UI_IMAGE, RegistryUi

__all__ = [
    "ACME_STORAGE_PATH",
    "DEFAULT_BCRYPT_COST",
    "DEFAULT_KUBECTL_IMAGE",
    "DEFAULT_METRICS_PROXY_IMAGE",
    "DEFAULT_REGISTRY_IMAGE",
    "DEFAULT_UI_IMAGE",
    "AcmeChallenge",
    "AcmeServer",
    "FilesystemStorage",
    "GarbageCollection",
    "HtpasswdAuth",
    "HttpSecret",
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
