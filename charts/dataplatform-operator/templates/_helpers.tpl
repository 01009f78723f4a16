{{- define "dpo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "dpo.fullname" -}}
{{- if .Values.fullnameOverride }}{{ .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}{{ $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{ else }}{{ printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}{{ end }}
{{- end }}
{{- end }}

{{- define "dpo.labels" -}}
app.kubernetes.io/name: {{ include "dpo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{- define "dpo.selector" -}}
app.kubernetes.io/name: {{ include "dpo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "dpo.serviceAccount" -}}
{{- if .Values.serviceAccount.create }}{{ default (include "dpo.fullname" .) .Values.serviceAccount.name }}{{ else }}{{ default "default" .Values.serviceAccount.name }}{{ end }}
{{- end }}

{{- define "dpo.webhookService" -}}
{{ include "dpo.fullname" . }}-webhook
{{- end }}

{{- define "dpo.webhookSecret" -}}
{{ include "dpo.fullname" . }}-webhook-cert
{{- end }}

{{- define "dpo.leaseName" -}}
{{ .Values.operator.leaderElection.leaseName }}
{{- end }}

{{- /* The image reference: repository:tag, or repository@digest when a digest is pinned. */}}
{{- define "dpo.image" -}}
{{- if .Values.image.digest }}{{ printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}{{ printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}{{ end }}
{{- end }}

{{- /*
Shutdown budget. On SIGTERM the leader drains for operator.shutdown.drainSeconds, then interrupts the engine runs
still going (SIGINT, engine.cancelGracePeriodSeconds to stop, then kill, then `pulumi cancel` clears the lock),
writes status and releases the lease. The host waits hostShutdownSeconds for all of it; the pod's grace period
adds a margin on top so the kubelet's SIGKILL never lands mid-cleanup.
*/}}
{{- define "dpo.hostShutdownSeconds" -}}
{{ add .Values.operator.shutdown.drainSeconds .Values.engine.cancelGracePeriodSeconds 30 }}
{{- end }}

{{- define "dpo.terminationGracePeriodSeconds" -}}
{{- $needed := add (include "dpo.hostShutdownSeconds" . | int) 10 }}
{{- if .Values.terminationGracePeriodSeconds }}
{{- if lt (int .Values.terminationGracePeriodSeconds) (int $needed) }}
{{- fail (printf "terminationGracePeriodSeconds=%v is shorter than the shutdown budget of %v s (operator.shutdown.drainSeconds + engine.cancelGracePeriodSeconds + 40): an engine run interrupted at shutdown could be killed before its stack lock is cleared." .Values.terminationGracePeriodSeconds $needed) }}
{{- end }}
{{- .Values.terminationGracePeriodSeconds }}
{{- else }}{{ $needed }}{{ end }}
{{- end }}

{{- define "dpo.seconds" -}}
{{- $s := int . }}{{ printf "%02d:%02d:%02d" (div $s 3600) (mod (div $s 60) 60) (mod $s 60) }}
{{- end }}

{{- /*
Sizing (shared/reference/pulumi/ENGINE-COSTS.md): an engine run of this stack (pulumi CLI + YAML language host +
aws and random providers) takes about 0.55 GiB to 1.3 GiB; in-process, up to operator.maxConcurrentReconciles run
at once beside the operator itself (under 300 MiB with 1,000 environments, BENCHMARKS.md). Requests cover the
typical run, limits the worst, for the configured concurrency. `resources` set explicitly wins.
*/}}
{{- define "dpo.resources" -}}
{{- if .Values.resources }}
{{- toYaml .Values.resources }}
{{- else }}
{{- $s := .Values.sizing }}
{{- if eq .Values.engine.mode "Job" }}
{{- /* Job mode: runs are Jobs with their own resources; the operator keeps only short CLI calls (stack outputs, stack ls). */}}
requests:
  cpu: {{ printf "%dm" (int $s.operatorCpuMillis) }}
  memory: {{ printf "%dMi" (add (int $s.operatorMemoryMiB) (int $s.jobModeCliMemoryMiB)) }}
limits:
  memory: {{ printf "%dMi" (add (int $s.operatorMemoryMiB) (int $s.jobModeCliMemoryMiB)) }}
{{- else }}
{{- $runs := int .Values.operator.maxConcurrentReconciles }}
requests:
  cpu: {{ printf "%dm" (add (int $s.operatorCpuMillis) (mul $runs (int $s.perRunCpuMillis))) }}
  memory: {{ printf "%dMi" (add (int $s.operatorMemoryMiB) (mul $runs (int $s.perRunMemoryRequestMiB))) }}
limits:
  memory: {{ printf "%dMi" (add (int $s.operatorMemoryMiB) (mul $runs (int $s.perRunMemoryLimitMiB))) }}
{{- end }}
{{- end }}
{{- end }}


{{- /*
Where engine runs execute (DESIGN.md section 10). Job: each run is a Job in the release namespace from the
operator's own image, with engine.job's resources. InProcess: runs are children of the operator, capped by the
memory budget (the container's limit, less the operator's own share, per run).
*/}}
{{- define "dpo.engineModeEnv" -}}
- name: DATAPLATFORM_Engine__Mode
  value: {{ .Values.engine.mode | quote }}
{{- /* The bounds on what an environment's spec.stack.engine may ask for; admission applies them in either mode. */}}
- name: DATAPLATFORM_Engine__Job__MaxCpu
  value: {{ .Values.engine.job.maxCpu | quote }}
- name: DATAPLATFORM_Engine__Job__MaxMemory
  value: {{ .Values.engine.job.maxMemory | quote }}
- name: DATAPLATFORM_Engine__Job__MaxParallel
  value: {{ .Values.engine.job.maxParallel | quote }}
{{- if eq .Values.engine.mode "Job" }}
{{- $j := .Values.engine.job }}
- name: DATAPLATFORM_Engine__Job__Namespace
  value: {{ .Release.Namespace | quote }}
- name: DATAPLATFORM_Engine__Job__Image
  value: {{ include "dpo.image" . | quote }}
- name: DATAPLATFORM_Engine__Job__ImagePullPolicy
  value: {{ .Values.image.pullPolicy | quote }}
- name: DATAPLATFORM_Engine__Job__ServiceAccountName
  value: {{ default (include "dpo.serviceAccount" .) $j.serviceAccountName | quote }}
- name: DATAPLATFORM_Engine__Job__CliPath
  value: /opt/pulumi/pulumi
- name: DATAPLATFORM_Engine__Job__CpuRequest
  value: {{ $j.cpuRequest | quote }}
- name: DATAPLATFORM_Engine__Job__MemoryRequest
  value: {{ $j.memoryRequest | quote }}
{{- with $j.cpuLimit }}
- name: DATAPLATFORM_Engine__Job__CpuLimit
  value: {{ . | quote }}
{{- end }}
- name: DATAPLATFORM_Engine__Job__MemoryLimit
  value: {{ $j.memoryLimit | quote }}
- name: DATAPLATFORM_Engine__Job__Parallel
  value: {{ $j.parallel | quote }}
- name: DATAPLATFORM_Engine__Job__WorkspaceSizeLimit
  value: {{ $j.workspaceSizeLimit | quote }}
- name: DATAPLATFORM_Engine__Job__TtlAfterFinished
  value: {{ include "dpo.timespan" $j.ttlAfterFinishedSeconds | quote }}
- name: DATAPLATFORM_Engine__Job__PollInterval
  value: {{ include "dpo.timespan" $j.pollIntervalSeconds | quote }}
{{- else }}
- name: DATAPLATFORM_Engine__InProcess__MemoryPerRunMiB
  value: {{ .Values.sizing.perRunMemoryLimitMiB | quote }}
- name: DATAPLATFORM_Engine__InProcess__OperatorReserveMiB
  value: {{ .Values.sizing.operatorMemoryMiB | quote }}
{{- end }}
{{- end }}

{{- /* Seconds as a .NET TimeSpan (d.hh:mm:ss), for values that may pass 24 hours. */}}
{{- define "dpo.timespan" -}}
{{- $s := int . }}{{ printf "%d.%02d:%02d:%02d" (div $s 86400) (mod (div $s 3600) 24) (mod (div $s 60) 60) (mod $s 60) }}
{{- end }}
