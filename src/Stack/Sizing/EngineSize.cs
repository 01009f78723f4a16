using DataPlatform.Entities.Spec;

namespace DataPlatform.Stack.Sizing;

/// <summary>
/// What one environment asks of its engine runs (spec.stack.engine): resources as quantity texts and the parallelism,
/// each null when it takes the engine's default. The engine merges it with its own defaults; the bounds are checked
/// before a run is asked for (admission and reconcile).
/// </summary>
public sealed record EngineSize(string? CpuRequest, string? MemoryRequest, string? CpuLimit, string? MemoryLimit, int? Parallel)
{
    /// <summary>The environment's engine section as a size, or null when it asks for nothing.</summary>
    public static EngineSize? From(EngineSpec? spec)
    {
        if (spec is null)
        {
            return null;
        }

        var resources = spec.Resources;
        var size = new EngineSize(resources?.CpuRequest, resources?.MemoryRequest, resources?.CpuLimit, resources?.MemoryLimit, spec.Parallel);
        return size == new EngineSize(null, null, null, null, null) ? null : size;
    }

    /// <summary>Each resource the environment sets: its field under spec.stack.engine.resources, its text and whether it is CPU (else memory).</summary>
    public IEnumerable<(string Field, string Value, bool Cpu)> Resources()
    {
        if (CpuRequest is { } cpuRequest)
        {
            yield return ("cpuRequest", cpuRequest, true);
        }

        if (CpuLimit is { } cpuLimit)
        {
            yield return ("cpuLimit", cpuLimit, true);
        }

        if (MemoryRequest is { } memoryRequest)
        {
            yield return ("memoryRequest", memoryRequest, false);
        }

        if (MemoryLimit is { } memoryLimit)
        {
            yield return ("memoryLimit", memoryLimit, false);
        }
    }
}
