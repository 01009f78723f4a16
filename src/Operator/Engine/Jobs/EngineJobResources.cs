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
        return new EngineJobResources(
            size?.CpuRequest ?? options.CpuRequest,
            size?.MemoryRequest ?? options.MemoryRequest,
            size?.CpuLimit ?? options.CpuLimit,
            size?.MemoryLimit ?? options.MemoryLimit,
            size?.Parallel ?? options.Parallel);
    }
}
