namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>Settings of engine Jobs (Engine:Job), validated at start by <see cref="JobEngineOptionsValidator"/>.</summary>
public sealed class JobEngineOptions
{
    /// <summary>The operator's namespace, where engine Jobs run; null reads the pod's service account namespace file.</summary>
    public string? Namespace { get; set; }

    /// <summary>The operator's own image (it carries the Pulumi CLI and its plugins); required in Job mode.</summary>
    public string? Image { get; set; }

    public string ImagePullPolicy { get; set; } = "IfNotPresent";

    /// <summary>The engine pods' service account (the AWS identity, IRSA); null uses the namespace's default.</summary>
    public string? ServiceAccountName { get; set; }

    /// <summary>The Pulumi CLI inside the engine pod.</summary>
    public string CliPath { get; set; } = "pulumi";

    public string CpuRequest { get; set; } = "500m";

    public string MemoryRequest { get; set; } = "1Gi";

    /// <summary>null: no CPU limit (throttling a run only makes it longer).</summary>
    public string? CpuLimit { get; set; }

    public string MemoryLimit { get; set; } = "2Gi";

    /// <summary>PULUMI_PARALLEL of engine runs: the bound on concurrent resource operations (memory grows with it).</summary>
    public int Parallel { get; set; } = 16;

    /// <summary>Largest CPU (request or limit) an environment may ask for in spec.stack.engine.resources; the defaults above must fit too.</summary>
    public string MaxCpu { get; set; } = "4";

    /// <summary>Largest memory (request or limit) an environment may ask for in spec.stack.engine.resources; the defaults above must fit too.</summary>
    public string MaxMemory { get; set; } = "8Gi";

    /// <summary>Largest spec.stack.engine.parallel an environment may ask for; <see cref="Parallel"/> must fit too.</summary>
    public int MaxParallel { get; set; } = 64;

    /// <summary>The size limit of the workspace emptyDir.</summary>
    public string WorkspaceSizeLimit { get; set; } = "1Gi";

    /// <summary>How long a finished Job nobody read is kept (ttlSecondsAfterFinished); a new leader adopts it within this time.</summary>
    public TimeSpan TtlAfterFinished { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the operator looks at a running Job besides following its log.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
