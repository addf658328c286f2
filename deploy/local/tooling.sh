#!/usr/bin/env bash
# The operators' own tools, for the compatibility suites that drive the Neutron API with them:
# the OpenStack CLI (Debian's python3-openstackclient) and Terraform (or, where none is installed,
# OpenTofu built from the Go module proxy) with the OpenStack provider
# (terraform-provider-openstack, built from the Go module proxy: the Terraform registry is out of
# reach here, so Terraform loads it through a dev_overrides CLI configuration).
#   deploy/local/tooling.sh up|status
# `up` is idempotent: installs or builds only what is missing, then prints TEST_OPENSTACK_CLI,
# TEST_TERRAFORM and TEST_TERRAFORM_PLUGIN_DIR. Nothing runs in the background, so there is no `down`.
set -euo pipefail

ROOT=${TOOLING_ROOT:-/tmp/alcor-tooling}
PROVIDER_VERSION=${TF_OPENSTACK_PROVIDER_VERSION:-v3.4.0}
# Only when no terraform is on PATH: OpenTofu, built from source.
OPENTOFU_VERSION=${OPENTOFU_VERSION:-v1.10.7}
PLUGIN_DIR=$ROOT/provider-$PROVIDER_VERSION
export PATH=$PATH:/usr/local/go/bin

log() { echo "[tooling] $*" >&2; }

openstack_cli() {
  if ! command -v openstack >/dev/null 2>&1; then
    mkdir -p "$ROOT"
    log "installing python3-openstackclient (log: $ROOT/apt.log)"
    apt-get -o DPkg::Lock::Timeout=900 update -qq >"$ROOT/apt.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends python3-openstackclient >>"$ROOT/apt.log" 2>&1
  fi
  command -v openstack
}

terraform_bin() {
  if command -v terraform >/dev/null 2>&1; then command -v terraform; return; fi
  # No terraform: OpenTofu (the open-source fork, same CLI, providers and configuration), built
  # from the Go module proxy. `go install` refuses modules with replace directives, and
  # terraform's module omits its nested modules, so OpenTofu is built in its own module directory.
  if [ ! -x "$ROOT/bin/tofu" ]; then
    log "no terraform on PATH: building OpenTofu $OPENTOFU_VERSION (about 3 min; log: $ROOT/tofu-build.log)"
    mkdir -p "$ROOT/bin"
    local dir
    dir=$(go mod download -json "github.com/opentofu/opentofu@$OPENTOFU_VERSION" | python3 -c 'import json, sys; print(json.load(sys.stdin)["Dir"])')
    (cd "$dir" && go build -o "$ROOT/bin/tofu" ./cmd/tofu) >"$ROOT/tofu-build.log" 2>&1
  fi
  echo "$ROOT/bin/tofu"
}

provider() {
  if [ ! -x "$PLUGIN_DIR/terraform-provider-openstack" ]; then
    log "building terraform-provider-openstack $PROVIDER_VERSION with go install (about a minute; log: $ROOT/provider-build.log)"
    mkdir -p "$PLUGIN_DIR"
    GOBIN=$PLUGIN_DIR go install "github.com/terraform-provider-openstack/terraform-provider-openstack/v3@$PROVIDER_VERSION" >"$ROOT/provider-build.log" 2>&1
  fi
  echo "$PLUGIN_DIR"
}

up() {
  local cli tf dir
  cli=$(openstack_cli)
  tf=$(terraform_bin)
  dir=$(provider)
  echo "TEST_OPENSTACK_CLI=$cli"
  echo "TEST_TERRAFORM=$tf"
  echo "TEST_TERRAFORM_PLUGIN_DIR=$dir"
}

status() {
  command -v openstack >/dev/null 2>&1 && (command -v terraform >/dev/null 2>&1 || [ -x "$ROOT/bin/tofu" ]) &&
    [ -x "$PLUGIN_DIR/terraform-provider-openstack" ] && echo ready || { echo missing; return 1; }
}

case "${1:-up}" in
  up) up ;;
  status) status ;;
  *) echo "usage: $0 up|status" >&2; exit 2 ;;
esac
