{{- /*
The webhook Secret as the cluster holds it now, as JSON: `lookup` during helm install/upgrade, {} under
`helm template` and Argo CD (no cluster). A named template of its own so that a test chart can stand in for the
cluster (tests/Operator.Tests/Packaging/WebhookCertificateReuseTests.cs).
*/}}
{{- define "dpo.existingWebhookSecret" -}}
{{- lookup "v1" "Secret" .Release.Namespace (include "dpo.webhookSecret" .) | toJson }}
{{- end }}

{{- /*
The chart's self-generated serving certificate, as JSON {ca, cert, key, reused} (PEM). The Secret already in the
cluster is reused when it holds all three keys, so `helm upgrade` keeps the CA that the webhook configuration's
caBundle names and the certificate the pods serve; only a first install (or a deleted Secret) generates a new CA.
Decided once per render and kept on .Values, so the Secret, the caBundle and the pods' checksum annotation agree.
*/}}
{{- define "dpo.webhookCertificate" -}}
{{- if not (hasKey .Values "__webhookCertificate") }}
{{- $found := include "dpo.existingWebhookSecret" . | fromJson }}
{{- $data := $found.data | default dict }}
{{- $certificate := dict }}
{{- if and (index $data "ca.crt") (index $data "tls.crt") (index $data "tls.key") }}
{{- $certificate = dict "ca" (index $data "ca.crt" | b64dec) "cert" (index $data "tls.crt" | b64dec) "key" (index $data "tls.key" | b64dec) "reused" true }}
{{- else }}
{{- $dns := printf "%s.%s.svc" (include "dpo.webhookService" .) .Release.Namespace }}
{{- $days := int .Values.webhook.generatedCertificate.validityDays }}
{{- $ca := genCA (printf "%s-ca" (include "dpo.fullname" .)) $days }}
{{- $signed := genSignedCert $dns nil (list $dns (printf "%s.cluster.local" $dns)) $days $ca }}
{{- $certificate = dict "ca" $ca.Cert "cert" $signed.Cert "key" $signed.Key "reused" false }}
{{- end }}
{{- $_ := set .Values "__webhookCertificate" $certificate }}
{{- end }}
{{- get .Values "__webhookCertificate" | toJson }}
{{- end }}

{{- /* Which certificate source the webhook uses: certManager, existing (a Secret and caBundle the user provides) or generated. */}}
{{- define "dpo.webhookCertificateMode" -}}
{{- if .Values.webhook.certManager.enabled }}certManager{{ else if .Values.webhook.existingCertificate.secretName }}existing{{ else }}generated{{ end }}
{{- end }}

{{- define "dpo.webhookCertificateSecretName" -}}
{{- if eq (include "dpo.webhookCertificateMode" .) "existing" }}{{ .Values.webhook.existingCertificate.secretName }}{{ else }}{{ include "dpo.webhookSecret" . }}{{ end }}
{{- end }}
