#!/usr/bin/env bash
# The Helm chart and the kustomize layout with the real tools: helm lint --strict and helm template over a matrix
# of values, kubectl kustomize config/default, yamllint on everything rendered, and values.schema.json refusing a
# bad value. Rendered output goes to .artifacts/rendered/ for the schema tests.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck disable=SC1091
[ -f .tools/env.sh ] && source .tools/env.sh
out=.artifacts/rendered
mkdir -p "$out"
passed=0 failed=0
check() { # name command...
  local name=$1; shift
  if "$@" >"$out/$name.log" 2>&1; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; cat "$out/$name.log"; fi
}
chart=charts/dataplatform-operator
lint=$(mktemp); printf 'extends: default\nrules:\n  document-start: disable\n  line-length: disable\n  indentation: {spaces: consistent, indent-sequences: whatever}\n  truthy: {check-keys: false}\n  comments: disable\n  braces: disable\n  brackets: disable\n  commas: disable\n  colons: disable\n' > "$lint"
check helm-lint helm lint --strict "$chart"
render() { # name args...
  local name=$1; shift
  check "helm-$name" bash -c "helm template r1 $chart -n dataplatform $* > $out/helm-$name.yaml && yamllint -c $lint $out/helm-$name.yaml"
}
render defaults
render cert-manager --set webhook.certManager.enabled=true
render service-monitor --set metrics.serviceMonitor.enabled=true --api-versions monitoring.coreos.com/v1
render irsa --set aws.roleArn=arn:aws:iam::123456789012:role/dataplatform-operator
render no-crds --set crds.install=false
render namespaces --set 'operator.watchNamespaces[0]=team-a' --set 'operator.watchNamespaces[1]=team-b' --set networkPolicy.enabled=true
render single --set replicaCount=1 --set operator.leaderElection.enabled=false --set podDisruptionBudget.enabled=false --set webhook.enabled=false
render monitoring --set metrics.prometheusRule.enabled=true --set metrics.dashboard.enabled=true --api-versions monitoring.coreos.com/v1
render existing-cert --set webhook.existingCertificate.secretName=mine --set webhook.existingCertificate.caBundle=Q0E=
render conventions --set fullnameOverride=dpo --set priorityClassName=system-cluster-critical --set podLabels.team=platform --set logging.format=json --set 'extraEnv[0].name=HTTPS_PROXY' --set 'extraEnv[0].value=http://proxy:3128'
check helm-lint-monitoring helm lint --strict "$chart" --set metrics.prometheusRule.enabled=true --set metrics.dashboard.enabled=true
check helm-schema-refuses bash -c "! helm template r1 $chart --set replicaCount=two >/dev/null 2>&1"
check helm-refuses-short-grace bash -c "! helm template r1 $chart --set terminationGracePeriodSeconds=30 >/dev/null 2>&1"
check helm-refuses-bad-log-format bash -c "! helm template r1 $chart --set logging.format=xml >/dev/null 2>&1"
check dashboard-json node -e "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'))" "$chart/files/grafana-dashboard.json"
check kustomize bash -c "kubectl kustomize config/default > $out/kustomize-default.yaml && yamllint -c $lint $out/kustomize-default.yaml"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
