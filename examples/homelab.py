"""A homelab on k3s: Traefik with Let's Encrypt, MinIO for storage, the web UI under /ui/, every secret in a Secret
created with kubectl beforehand. This is the repository's default app: main.py builds it, see its docstring for the
kubectl commands."""

import cdk8s

from main import build

__all__ = ["build"]

if __name__ == "__main__":
    application = cdk8s.App()
    build(application)
    application.synth()
