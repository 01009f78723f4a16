using DataPlatform.Stack.Sizing;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>
/// The shape of spec.stack.engine, which needs no cluster: each quantity is one (and above zero), and a request set
/// beside its limit does not exceed it. The bounds (the operator's Engine:Job:Max* settings, a policy's limits) and
/// the merge with the operator's defaults are the cluster's, so only the webhook and the controller check them.
/// </summary>
internal sealed class EngineRules : IValidationRule
{
    public const string Field = "spec.stack.engine.resources";

    public IEnumerable<Violation> Check(ValidationContext context)
    {
        if (EngineSize.From(context.Spec.Stack.Engine) is not { } size)
        {
            yield break;
        }

        foreach (var (field, value, _) in size.Resources().Where(r => !Quantity.IsPositive(r.Value)))
        {
            yield return Violation.Error($"{Field}.{field}", "dataplatform.engine.quantity",
                $"{field} '{value}' must be a Kubernetes quantity above zero, such as 500m, 2, 1Gi or 1536Mi.");
        }

        foreach (var (request, limit, name) in new[] { (size.CpuRequest, size.CpuLimit, "cpu"), (size.MemoryRequest, size.MemoryLimit, "memory") })
        {
            if (Quantity.Exceeds(request, limit))
            {
                yield return Violation.Error($"{Field}.{name}Request", "dataplatform.engine.requestWithinLimit",
                    $"{name}Request {request} is above {name}Limit {limit}; a request may not exceed its limit.");
            }
        }
    }
}
