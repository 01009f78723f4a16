using DataPlatform.Entities.Spec;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// The update policy the lifecycle applies: which plans wait for approval, the drift interval and what found drift
/// does. Built from the spec (<see cref="From"/>); a platform policy (cluster-scoped, DESIGN.md section 8) can later
/// tighten or loosen it by handing the lifecycle another value through <see cref="LifecycleInput.UpdatePolicy"/>.
/// </summary>
internal sealed record EffectiveUpdatePolicy(ApprovalMode Approval, int DriftIntervalSeconds, DriftAction DriftAction)
{
    public static EffectiveUpdatePolicy From(DataPlatformEnvironmentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new(spec.UpdatePolicy.Approval, spec.Drift.IntervalSeconds ?? spec.Stack.ResyncIntervalSeconds, spec.Drift.Action);
    }

    public TimeSpan? DriftInterval => DriftIntervalSeconds > 0 ? TimeSpan.FromSeconds(DriftIntervalSeconds) : null;
}
