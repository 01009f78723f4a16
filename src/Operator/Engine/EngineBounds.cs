using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Operator.Engine.Jobs;
using DataPlatform.Stack.Sizing;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Engine;

/// <summary>
/// The operator's bounds on what an environment asks of its engine runs (spec.stack.engine), checked by the
/// admission webhook and at reconcile beside the pre-flight rules, so both refuse alike (InvalidSpec, no engine run):
/// each CPU and memory value at most Engine:Job:MaxCpu / MaxMemory, the parallelism at most Engine:Job:MaxParallel,
/// and after the merge with the operator's defaults each request at most its limit. A governing DataPlatformPolicy
/// may bound tighter (spec.limits, judged with the policies); the offline validate verb knows neither.
/// </summary>
internal static class EngineBounds
{
    public const string BoundRule = "dataplatform.engine.bounds";
    public const string MergedRule = "dataplatform.engine.requestWithinLimit";
    private const string Field = "spec.stack.engine";

    public static IReadOnlyList<Violation> Check(EngineSpec? engine, JobEngineOptions options) => Check(EngineSize.From(engine), options);

    /// <summary>The pre-flight rules and these bounds: what the admission webhook and the reconcile both judge.</summary>
    public static ValidationReport Validate(V1Alpha1DataPlatformEnvironment environment, JobEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var report = PreflightValidator.Validate(environment);
        return new ValidationReport([.. report.Violations, .. Check(environment.Spec.Stack.Engine, options)]);
    }

    public static IReadOnlyList<Violation> Check(EngineSize? size, JobEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (size is null)
        {
            return [];
        }

        var violations = new List<Violation>();
        foreach (var (field, value, cpu) in size.Resources())
        {
            var (bound, setting) = cpu ? (options.MaxCpu, "MaxCpu") : (options.MaxMemory, "MaxMemory");
            if (Quantity.Exceeds(value, bound))
            {
                violations.Add(Violation.Error($"{Field}.resources.{field}", BoundRule,
                    $"{field} {value} is above {bound}, the most the operator allows (operator setting Engine:Job:{setting}, chart value engine.job.{Camel(setting)})."));
            }
        }

        if (size.Parallel > options.MaxParallel)
        {
            violations.Add(Violation.Error($"{Field}.parallel", BoundRule,
                $"parallel {size.Parallel} is above {options.MaxParallel}, the most the operator allows (operator setting Engine:Job:MaxParallel, chart value engine.job.maxParallel)."));
        }

        var merged = EngineJobResources.For(size, options);
        CheckMerged("cpu", size.CpuRequest, size.CpuLimit, merged.CpuRequest, merged.CpuLimit, violations);
        CheckMerged("memory", size.MemoryRequest, size.MemoryLimit, merged.MemoryRequest, merged.MemoryLimit, violations);
        return violations;
    }

    /// <summary>A request above its limit where one of them is the operator's default (both from the spec: the pre-flight rules say so; both defaults: refused at start).</summary>
    private static void CheckMerged(string resource, string? request, string? limit, string mergedRequest, string? mergedLimit, List<Violation> violations)
    {
        if ((request is null) == (limit is null) || !Quantity.Exceeds(mergedRequest, mergedLimit))
        {
            return;
        }

        var setting = char.ToUpperInvariant(resource[0]) + resource[1..];
        violations.Add(request is not null
            ? Violation.Error($"{Field}.resources.{resource}Request", MergedRule,
                $"{resource}Request {request} is above the {resource} limit {mergedLimit}, the operator's default (Engine:Job:{setting}Limit); set {Field}.resources.{resource}Limit to at least {request} as well.")
            : Violation.Error($"{Field}.resources.{resource}Limit", MergedRule,
                $"{resource}Limit {limit} is below the {resource} request {mergedRequest}, the operator's default (Engine:Job:{setting}Request); set {Field}.resources.{resource}Request to at most {limit} as well."));
    }

    private static string Camel(string setting) => char.ToLowerInvariant(setting[0]) + setting[1..];
}
