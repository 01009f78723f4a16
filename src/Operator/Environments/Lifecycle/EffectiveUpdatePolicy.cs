using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Policy;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// The update policy the lifecycle applies: which plans wait for approval, the drift interval and what found drift
/// does. Built from the spec and the platform's policy (<see cref="From"/>): a DataPlatformPolicy governing the
/// namespace that does not allow destructive changes without approval (changes.allowDestructiveWithoutApproval,
/// DESIGN.md section 8) turns the spec's approval mode Never into Destructive; it never loosens the spec.
/// </summary>
internal sealed record EffectiveUpdatePolicy(ApprovalMode Approval, int DriftIntervalSeconds, DriftAction DriftAction)
{
    public static EffectiveUpdatePolicy From(DataPlatformEnvironmentSpec spec, PolicyReport? platform = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var approval = spec.UpdatePolicy.Approval;
        if (approval == ApprovalMode.Never && platform is { Governing.Count: > 0, DestructiveChangesWithoutApproval: false })
        {
            approval = ApprovalMode.Destructive;
        }

        return new(approval, spec.Drift.IntervalSeconds ?? spec.Stack.ResyncIntervalSeconds, spec.Drift.Action);
    }

    public TimeSpan? DriftInterval => DriftIntervalSeconds > 0 ? TimeSpan.FromSeconds(DriftIntervalSeconds) : null;
}
