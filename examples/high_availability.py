"""Three replicas on AWS S3 with a shared Redis blob-descriptor cache, spread over nodes with a disruption budget,
TLS from cert-manager, and the UI on its own host (CORS to exactly that origin)."""

import cdk8s

from constructs_lib import (
    HtpasswdAuth,
    HttpSecret,
    IngressTls,
    PodPeer,
    RedisCache,
    RegistryChart,
    S3Credentials,
    Storage,
    TlsVersion,
)


def build(app: cdk8s.App) -> RegistryChart:
    return RegistryChart(
        app, "ha",
        host="registry.example.com",
        namespace="registry",
        auth=HtpasswdAuth.from_secret("registry-htpasswd"),
        replicas=3,
        http_secret=HttpSecret.from_secret("registry-http-secret"),
        storage=Storage.s3(
            bucket="acme-registry",
            region="eu-west-1",
            root_directory="/registry",
            credentials=S3Credentials.from_secret("registry-s3"),
        ),
        redis=RedisCache.of("redis-master.redis.svc.cluster.local:6379", password_secret="registry-redis"),
        tls=IngressTls.secret("registry-example-com-tls"),
        min_tls_version=TlsVersion.TLS13,
        ingress_controller=PodPeer.of(namespace="traefik", pod_labels={"app.kubernetes.io/name": "traefik"}),
        ui_host="registry-ui.example.com",
        # The registry's Secret is for registry.example.com only: the UI's host has its own certificate.
        ui_tls=IngressTls.secret("registry-ui-example-com-tls"),
    )


if __name__ == "__main__":
    application = cdk8s.App()
    build(application)
    application.synth()
