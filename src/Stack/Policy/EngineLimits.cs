using DataPlatform.Entities.Policy;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Sizing;

namespace DataPlatform.Stack.Policy;

/// <summary>
/// A policy's bounds on what an environment asks of its engine runs (spec.limits.maxEngineCpu, maxEngineMemory,
/// maxEngineParallel), compared as quantities. Only what the environment sets is judged: the operator's defaults
/// are the platform team's own choice and are bounded by its settings (Engine:Job:Max*).
/// </summary>
internal static class EngineLimits
{
    public static void Judge(EngineSpec? engine, SizeLimits limits, Action<string, string, string> add)
    {
        if (EngineSize.From(engine) is not { } size)
        {
            return;
        }

        foreach (var (field, value, cpu) in size.Resources())
        {
            var (rule, bound) = cpu ? ("spec.limits.maxEngineCpu", limits.MaxEngineCpu) : ("spec.limits.maxEngineMemory", limits.MaxEngineMemory);
            if (Quantity.Exceeds(value, bound))
            {
                add(rule, $"spec.stack.engine.resources.{field}", $"{value} is above the limit of {bound}.");
            }
        }

        if (size.Parallel is { } parallel && limits.MaxEngineParallel is { } maxParallel && parallel > maxParallel)
        {
            add("spec.limits.maxEngineParallel", "spec.stack.engine.parallel", $"{parallel} is above the limit of {maxParallel}.");
        }
    }
}
