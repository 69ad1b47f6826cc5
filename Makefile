# Two commands set everything up from a fresh clone: `make synth` and `make test`. Both are idempotent: the
# installs run again only when a requirements or lock file changed (stamp files below).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
SHARED ?= ../shared
IMPORTS_DIR ?= imports
CRDS := $(SHARED)/crds
PY_STAMP := $(VENV)/.installed
CHECKOV_VENV := .venv-checkov
CHECKOV_STAMP := $(CHECKOV_VENV)/.installed
NODE_STAMP := node_modules/.installed
# The Traefik kinds the constructs emit (checked by tests/test_imports.py): `make imports` binds only the CRDs of these
# kinds (matched on their spec.names.kind), in both API groups. Every synth imports a group's binding, and where no
# bytecode is cached that means compiling it: with all ten traefik.io kinds about 0.18 s, with these three 0.09 s.
# Add a kind here before a construct emits it.
TRAEFIK_KINDS := IngressRoute Middleware TLSOption
# The Gateway API kinds the Gateway routes emit (v1.5.1, the version Traefik 3.7 implements).
GATEWAY_KINDS := Gateway HTTPRoute ReferenceGrant

# Debian packages, installed by tools/debian-packages when missing (as root with apt; otherwise it prints the one
# command to run and stops before anything else). make synth needs venv support for this Python and npm; make test
# runs real parts: distribution 2.8.2 (docker-registry), skopeo, Redis, an ACME CA (pebble, with
# pebble-challtestsrv), Apache's htpasswd (apache2-utils, the README's quick start), nginx, busybox, and the clients
# podman and containerd (ctr, the puller of k3s nodes); the pod runner of tests/pods: runc, the RuntimeDefault seccomp
# profile (golang-github-containers-common), iproute2 and iptables (pod network namespaces, NetworkPolicies).
SYNTH_DEBIAN_PACKAGES := $(if $(shell $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null && echo ok),,python3-venv) \
	$(if $(shell command -v npm),,npm)
TEST_DEBIAN_PACKAGES := docker-registry skopeo redis-server redis-tools pebble apache2-utils nginx busybox podman containerd \
	runc golang-github-containers-common iproute2 iptables util-linux mount

# The pinned Node.js 22 from package.json comes first, so jsii never runs on an end-of-life Node.
export PATH := $(CURDIR)/node_modules/.bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help setup synth test lint dist bench imports docs clean debian-packages-synth debian-packages-test

help:
	@echo "make synth    set up, then synthesize main.py into dist/"
	@echo "make test     set up, then run every test"
	@echo "make lint     ruff and strict mypy over the package, the tests and the benchmarks"
	@echo "make dist     build the wheel and the sdist into pkg-dist/ and check them with twine"
	@echo "make bench    set up, then run the benchmarks (prints tables)"
	@echo "make imports  regenerate imports/ from the Traefik and helm-controller CRDs in $(CRDS)"
	@echo "make docs     set up, then regenerate docs/api.md (the API reference) from the docstrings"

debian-packages-synth:
	@tools/debian-packages $(SYNTH_DEBIAN_PACKAGES)

debian-packages-test:
	@tools/debian-packages $(TEST_DEBIAN_PACKAGES)

$(PY_STAMP): requirements.txt requirements-dev.txt pyproject.toml | debian-packages-synth
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing pinned Python packages into $(VENV) (log: $(VENV)/install.log)"
	@{ $(VENV)/bin/python -m pip install -r requirements-dev.txt \
	  && $(VENV)/bin/python -m pip install --no-deps --no-build-isolation -e . ; } >$(VENV)/install.log 2>&1 \
	  || { cat $(VENV)/install.log; exit 1; }
	@touch $@

# checkov gets a virtualenv of its own: its pinned dependencies conflict with the test tools'.
$(CHECKOV_STAMP): requirements-checkov.txt
	@test -x $(CHECKOV_VENV)/bin/python || $(PYTHON) -m venv $(CHECKOV_VENV)
	@echo "Installing the pinned checkov scanner into $(CHECKOV_VENV) (log: $(CHECKOV_VENV)/install.log)"
	@{ $(CHECKOV_VENV)/bin/python -m pip install --no-deps -r requirements-checkov.txt \
	  && $(CHECKOV_VENV)/bin/python -m pip check ; } >$(CHECKOV_VENV)/install.log 2>&1 \
	  || { cat $(CHECKOV_VENV)/install.log; exit 1; }
	@touch $@

$(NODE_STAMP): package.json package-lock.json | debian-packages-synth
	@echo "Installing pinned Node.js tooling with npm ci (log: node_modules.log)"
	@npm ci --no-audit --no-fund >node_modules.log 2>&1 || { cat node_modules.log; exit 1; }
	@rm -f node_modules.log
	@touch $@

setup: debian-packages-synth $(PY_STAMP) $(NODE_STAMP)

# `make synth EXAMPLE=single_node` synthesizes examples/single_node.py instead of main.py, as `cdk8s synth` would
# (dist/ emptied first), but without the CLI's stack trace when the example stops on a missing variable.
synth: setup
ifdef EXAMPLE
	@rm -rf dist && python -m examples.$(EXAMPLE) && echo "Synthesized examples/$(EXAMPLE).py:" && ls -1 dist/*
else
	@cdk8s synth --no-check-upgrade
endif

test: debian-packages-test setup $(CHECKOV_STAMP) lint
	@$(VENV)/bin/python -m pytest

# Python build artifacts go to pkg-dist/: dist/ holds the synthesized manifests.
dist: setup
	@rm -rf pkg-dist build
	@$(VENV)/bin/python -m build --no-isolation --sdist --wheel --outdir pkg-dist . >pkg-dist.log 2>&1 \
	  || { cat pkg-dist.log; exit 1; }
	@rm -rf pkg-dist.log build *.egg-info
	@$(VENV)/bin/twine check --strict pkg-dist/*
	@ls -1 pkg-dist

lint: setup
	@$(VENV)/bin/ruff check --quiet .
	@$(VENV)/bin/mypy

bench: setup
	@$(VENV)/bin/python -m benchmarks

docs: setup
	@$(VENV)/bin/python tools/api_reference.py

imports: $(NODE_STAMP)
	@test -d $(CRDS) || { echo "$(CRDS) not found: the Traefik and helm-controller CRDs are read from there" >&2; exit 1; }
	@mkdir -p .crds
	@for version in traefik-v3.7.11 traefik-v2.11.2; do \
	  for kind in $(TRAEFIK_KINDS); do \
	    crd=$$(grep -lx "    kind: $$kind" $(CRDS)/$$version/*.yaml || true); \
	    test -n "$$crd" && test "$$(wc -l <<<"$$crd")" -eq 1 \
	      || { echo "$(CRDS)/$$version: not exactly one CRD of kind $$kind" >&2; exit 1; }; \
	    cat "$$crd"; echo "---"; \
	  done > .crds/$$version.yaml; \
	done
	@for kind in $(GATEWAY_KINDS); do \
	  crd=$$(grep -lx "    kind: $$kind" $(CRDS)/gateway-api-v1.5.1/*.yaml || true); \
	  test -n "$$crd" && test "$$(wc -l <<<"$$crd")" -eq 1 \
	    || { echo "$(CRDS)/gateway-api-v1.5.1: not exactly one CRD of kind $$kind" >&2; exit 1; }; \
	  cat "$$crd"; echo "---"; \
	done > .crds/gateway-api-v1.5.1.yaml
	@for crd in $(CRDS)/helm-controller-v0.17.7/*.yaml; do cat "$$crd"; echo "---"; done > .crds/helm-controller-v0.17.7.yaml
	@rm -rf $(IMPORTS_DIR)
	@cdk8s import --output $(IMPORTS_DIR) --no-check-upgrade >.crds/import.log 2>&1 || { cat .crds/import.log; exit 1; }
	@echo "$(IMPORTS_DIR)/ regenerated from $(CRDS)"

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) node_modules dist build pkg-dist .crds .pytest_cache *.egg-info
