using System.Globalization;
using DataPlatform.Stack.Engine;
using k8s.Models;

namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>
/// Builds an engine Job and the Secret it owns (DESIGN.md section 10): the operator's image with the <c>engine</c>
/// verb, requests and limits (the environment's spec.stack.engine over the operator's defaults), bounded parallelism, a deadline from the run timeout, no pod retries, a TTL,
/// restricted pod security, and the labels of <see cref="EngineJobLabels"/>. Everything the run needs reaches it
/// through the Secret (payload and passphrase), mounted read-only; the Job spec holds no secret value.
/// </summary>
internal static class EngineJobBuilder
{
    public const string Container = "engine";
    public const string PayloadKey = "payload.json";
    public const string PassphraseKey = "passphrase";
    public const string RunMount = "/var/run/dataplatform-engine";
    public const string WorkspaceMount = "/workspace";
    public const string TerminationMessagePath = "/dev/termination-log";

    /// <summary>Time past the run timeout for the interrupt grace, clearing the lock and writing the outcome.</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromMinutes(2);

    public static V1Job Job(string name, string ns, StackRequest request, EngineOperation operation, JobEngineOptions options, StackEngineOptions engine, bool withPassphrase)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engine);
        var labels = EngineJobLabels.For(request, operation);
        List<string> args = ["engine", "--payload", $"{RunMount}/{PayloadKey}", "--workspace", WorkspaceMount, "--termination-message-path", TerminationMessagePath];
        if (withPassphrase)
        {
            args.AddRange(["--passphrase-file", $"{RunMount}/{PassphraseKey}"]);
        }

        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Labels = labels,
                Annotations = new Dictionary<string, string> { [EngineJobLabels.StackNameAnnotation] = request.StackName },
            },
            Spec = new V1JobSpec
            {
                BackoffLimit = 0,
                ActiveDeadlineSeconds = (long)Math.Ceiling((engine.RunTimeout + engine.CancelGracePeriod + DeadlineMargin).TotalSeconds),
                TtlSecondsAfterFinished = (int)Math.Ceiling(options.TtlAfterFinished.TotalSeconds),
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(labels) },
                    Spec = PodSpec(name, args, options, EngineJobResources.ForRun(request.Size, options)),
                },
            },
        };
    }

    public static V1Secret Secret(V1Job job, byte[] payloadJson, string? passphrase)
    {
        ArgumentNullException.ThrowIfNull(job);
        var data = new Dictionary<string, byte[]> { [PayloadKey] = payloadJson };
        if (passphrase is not null)
        {
            data[PassphraseKey] = System.Text.Encoding.UTF8.GetBytes(passphrase);
        }

        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = job.Metadata.Name,
                NamespaceProperty = job.Metadata.NamespaceProperty,
                Labels = new Dictionary<string, string>(job.Metadata.Labels),
                OwnerReferences = [new V1OwnerReference { ApiVersion = "batch/v1", Kind = "Job", Name = job.Metadata.Name, Uid = job.Metadata.Uid, BlockOwnerDeletion = true, Controller = true }],
            },
            Type = "Opaque",
            Data = data,
        };
    }

    private static V1PodSpec PodSpec(string name, List<string> args, JobEngineOptions options, EngineJobResources size)
    {
        var requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(size.CpuRequest), ["memory"] = new(size.MemoryRequest) };
        var limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new(size.MemoryLimit) };
        if (size.CpuLimit is { } cpu)
        {
            limits["cpu"] = new ResourceQuantity(cpu);
        }

        return new V1PodSpec
        {
            RestartPolicy = "Never",
            ServiceAccountName = options.ServiceAccountName,
            AutomountServiceAccountToken = false,
            EnableServiceLinks = false,
            SecurityContext = new V1PodSecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = 65532,
                RunAsGroup = 65532,
                FsGroup = 65532,
                SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
            },
            Containers =
            [
                new V1Container
                {
                    Name = Container,
                    Image = options.Image,
                    ImagePullPolicy = options.ImagePullPolicy,
                    Args = args,
                    Env = [new V1EnvVar { Name = "HOME", Value = "/tmp" }, new V1EnvVar { Name = "DOTNET_gcServer", Value = "0" }],
                    Resources = new V1ResourceRequirements { Requests = requests, Limits = limits },
                    TerminationMessagePath = TerminationMessagePath,
                    TerminationMessagePolicy = "File",
                    SecurityContext = new V1SecurityContext
                    {
                        AllowPrivilegeEscalation = false,
                        ReadOnlyRootFilesystem = true,
                        RunAsNonRoot = true,
                        Capabilities = new V1Capabilities { Drop = ["ALL"] },
                    },
                    VolumeMounts =
                    [
                        new V1VolumeMount { Name = "run", MountPath = RunMount, ReadOnlyProperty = true },
                        new V1VolumeMount { Name = "workspace", MountPath = WorkspaceMount },
                        new V1VolumeMount { Name = "tmp", MountPath = "/tmp" },
                    ],
                },
            ],
            Volumes =
            [
                new V1Volume { Name = "run", Secret = new V1SecretVolumeSource { SecretName = name, DefaultMode = Convert.ToInt32("0440", 8) } },
                new V1Volume { Name = "workspace", EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity(options.WorkspaceSizeLimit) } },
                new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity("256Mi") } },
            ],
        };
    }

    public static string NewName(StackRequest request, EngineOperation operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Create(CultureInfo.InvariantCulture, $"{EngineJobLabels.HostPrefix(request.StackName)}{EngineJobLabels.OperationName(operation)}-{Guid.NewGuid().ToString("N")[..5]}");
    }
}
