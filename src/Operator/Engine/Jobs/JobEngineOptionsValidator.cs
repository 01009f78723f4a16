using DataPlatform.Stack.Sizing;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>Checks Engine:Mode and, in Job mode, Engine:Job at start; each failure names the setting and what is allowed.</summary>
internal sealed class JobEngineOptionsValidator : IValidateOptions<EngineModeOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"Engine:Mode must be Job or InProcess. It is {options.Mode}.");
        }

        var inProcess = options.InProcess;
        if (inProcess.MemoryPerRunMiB < 64)
        {
            failures.Add($"Engine:InProcess:MemoryPerRunMiB must be at least 64. It is {inProcess.MemoryPerRunMiB}.");
        }

        if (inProcess.MemoryBudgetMiB is < 1 || inProcess.OperatorReserveMiB < 0)
        {
            failures.Add("Engine:InProcess:MemoryBudgetMiB must be positive when set, and Engine:InProcess:OperatorReserveMiB not negative.");
        }

        ValidateBounds(options.Job, failures);
        if (options.Mode == EngineMode.Job)
        {
            ValidateJob(options.Job, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateJob(JobEngineOptions job, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(job.Image))
        {
            failures.Add("Engine:Job:Image must name the operator's image (it runs the engine) when Engine:Mode is Job.");
        }

        if (EngineJobNamespace.Resolve(job) is null)
        {
            failures.Add($"Engine:Job:Namespace must be set when the operator does not run in a pod ({EngineJobNamespace.ServiceAccountFile} is missing).");
        }

        if (job.ImagePullPolicy is not ("Always" or "IfNotPresent" or "Never"))
        {
            failures.Add($"Engine:Job:ImagePullPolicy must be Always, IfNotPresent or Never. It is {job.ImagePullPolicy}.");
        }

        foreach (var (setting, value) in new[] { ("CpuRequest", job.CpuRequest), ("MemoryRequest", job.MemoryRequest), ("CpuLimit", job.CpuLimit), ("MemoryLimit", job.MemoryLimit), ("WorkspaceSizeLimit", job.WorkspaceSizeLimit) })
        {
            if (value is not null && !Quantity.IsPositive(value))
            {
                failures.Add($"Engine:Job:{setting} must be a Kubernetes quantity such as 500m, 1Gi or 2048Mi. It is '{value}'.");
            }
        }

        if (job.Parallel is < 1 or > 256)
        {
            failures.Add($"Engine:Job:Parallel must be 1 to 256. It is {job.Parallel}.");
        }

        ValidateDefaults(job, failures);
        if (job.TtlAfterFinished <= TimeSpan.Zero || job.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Engine:Job:TtlAfterFinished and Engine:Job:PollInterval must be positive.");
        }
    }

    /// <summary>The bounds on environments' engine sizes: checked in both modes, since admission applies them in both.</summary>
    private static void ValidateBounds(JobEngineOptions job, List<string> failures)
    {
        foreach (var (setting, value) in new[] { ("MaxCpu", job.MaxCpu), ("MaxMemory", job.MaxMemory) })
        {
            if (!Quantity.IsPositive(value))
            {
                failures.Add($"Engine:Job:{setting} must be a Kubernetes quantity above zero such as 4, 4000m or 8Gi. It is '{value}'.");
            }
        }

        if (job.MaxParallel is < 1 or > 256)
        {
            failures.Add($"Engine:Job:MaxParallel must be 1 to 256. It is {job.MaxParallel}.");
        }
    }

    /// <summary>The defaults every environment that asks for nothing gets must fit the bounds, and each request its limit.</summary>
    private static void ValidateDefaults(JobEngineOptions job, List<string> failures)
    {
        foreach (var (setting, value, bound, boundSetting) in new[]
        {
            ("CpuRequest", job.CpuRequest, job.MaxCpu, "MaxCpu"), ("CpuLimit", job.CpuLimit, job.MaxCpu, "MaxCpu"),
            ("MemoryRequest", job.MemoryRequest, job.MaxMemory, "MaxMemory"), ("MemoryLimit", job.MemoryLimit, job.MaxMemory, "MaxMemory"),
        })
        {
            if (Quantity.Exceeds(value, bound))
            {
                failures.Add($"Engine:Job:{setting} ({value}) must not exceed Engine:Job:{boundSetting} ({bound}).");
            }
        }

        if (Quantity.Exceeds(job.CpuRequest, job.CpuLimit) || Quantity.Exceeds(job.MemoryRequest, job.MemoryLimit))
        {
            failures.Add($"Engine:Job:CpuRequest and MemoryRequest must not exceed Engine:Job:CpuLimit and MemoryLimit. They are {job.CpuRequest}/{job.CpuLimit ?? "none"} and {job.MemoryRequest}/{job.MemoryLimit}.");
        }

        if (job.Parallel > job.MaxParallel)
        {
            failures.Add($"Engine:Job:Parallel ({job.Parallel}) must not exceed Engine:Job:MaxParallel ({job.MaxParallel}).");
        }
    }
}
