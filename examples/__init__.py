"""Runnable example apps: `python -m examples.<name>` writes the manifests into dist/ (cdk8s' default outdir)."""
