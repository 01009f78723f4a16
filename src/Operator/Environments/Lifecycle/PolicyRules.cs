using DataPlatform.Entities.Status;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// A DataPlatformPolicy at reconcile (DESIGN.md section 8): an environment the installed policies forbid (the webhook
/// was bypassed, or a policy changed after it was admitted) stalls with reason PolicyViolation, naming each policy and
/// rule, before any engine call; nothing is updated and nothing is destroyed, whatever ran before keeps running. When
/// the policies allow it again, the stall is lifted and the update it was owed runs.
/// </summary>
internal static class PolicyRules
{
    public const string Preamble = "A DataPlatformPolicy forbids this environment; nothing was sent to AWS and nothing was destroyed.";

    public static LifecycleStep? Forbidden(StatusDraft draft)
    {
        if (draft.Input.PlatformPolicy is not { Allowed: false } report)
        {
            return null;
        }

        var message = $"{Preamble} {report.Summary()}";
        StatusTransitions.Stalled(draft, ConditionReason.PolicyViolation, message, failed: null, deleting: false);
        if (draft.Changed)
        {
            draft.Publish(LifecycleEvent.Warning(EventReason.PolicyViolation, message));
        }

        return draft.Finish();
    }

    /// <summary>Whether the environment is stalled by a policy that no longer forbids it (the caller checked <see cref="Forbidden"/> first).</summary>
    public static bool Lifted(StatusDraft draft) =>
        EnvironmentConditions.Find(draft.Status, Condition.Stalled) is { Status: ConditionStatus.True } stalled
        && stalled.Reason == ConditionReason.PolicyViolation.Value;
}
