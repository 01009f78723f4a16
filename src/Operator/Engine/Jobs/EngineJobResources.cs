using DataPlatform.Stack.Sizing;

namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>
/// The size an engine Job runs with: each value the environment sets (spec.stack.engine, within bounds checked before
/// the run by <see cref="EngineBounds"/>), else the operator's default from Engine:Job.
/// </summary>
internal sealed record EngineJobResources(string CpuRequest, string MemoryRequest, string? CpuLimit, string MemoryLimit, int Parallel)
{
    public static EngineJobResources For(EngineSize? size, JobEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            size?.CpuRequest ?? options.CpuRequest,
            size?.MemoryRequest ?? options.MemoryRequest,
            size?.CpuLimit ?? options.CpuLimit,
            size?.MemoryLimit ?? options.MemoryLimit,
            size?.Parallel ?? options.Parallel);
    }

    /// <summary>
    /// The size a run gets: the merge when the environment's size is within the operator's bounds, else the defaults
    /// whole. Live environments outside the bounds never run (InvalidSpec); a destroy is never held up, so one whose
    /// spec fell outside them (a bound lowered, the webhook bypassed) runs with the defaults rather than as a Job the
    /// API server would refuse (a request above its limit).
    /// </summary>
    public static EngineJobResources ForRun(EngineSize? size, JobEngineOptions options)
    {
        var merged = For(size, options);
        var valid = size is null || (EngineBounds.Check(size, options).Count == 0
            && size.Resources().All(r => Quantity.IsPositive(r.Value))
            && !Quantity.Exceeds(merged.CpuRequest, merged.CpuLimit)
            && !Quantity.Exceeds(merged.MemoryRequest, merged.MemoryLimit));
        return valid ? merged : For(null, options);
    }
}
