using DataPlatform.Entities;
using DataPlatform.Entities.Spec;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// What a preview's plan leads to (DESIGN.md section 11). A drift check that found nothing ends without a status
/// write; found drift becomes the DriftDetected condition and, only when spec.drift.action is Correct, an update. An
/// update applies at once unless the policy makes its plan wait: by default a plan that replaces or deletes a stateful
/// resource waits (AwaitingApproval) until dataplatform.io/approve-plan carries its id. The approved update lifts the
/// protection of exactly the resources that plan replaces or deletes; everything else stays protected.
/// </summary>
internal static class PlanRules
{
    public static LifecycleStep Next(StatusDraft draft, PreviewCompleted previewed)
    {
        foreach (var recovery in previewed.Recoveries)
        {
            draft.Publish(LifecycleEvent.Normal(EventReason.StackRecovered, recovery));
        }

        var policy = draft.Input.Policy;
        var plan = previewed.Plan;
        if (previewed.Reason == UpdateReason.DriftCheck)
        {
            if (!plan.HasChanges)
            {
                PlanTransitions.NoDrift(draft);
                return draft.Finish(requeue: policy.DriftInterval);
            }

            var message = PlanTransitions.DriftFound(draft, plan, policy.DriftAction);
            if (draft.Changed)
            {
                draft.Publish(LifecycleEvent.Warning(EventReason.DriftDetected, message));
            }

            if (policy.DriftAction == DriftAction.Report)
            {
                return draft.Finish(requeue: policy.DriftInterval);
            }
        }

        var needsApproval = policy.Approval switch
        {
            ApprovalMode.Always => plan.HasChanges,
            ApprovalMode.Never => false,
            _ => plan.Destructive.Count > 0,
        };
        if (needsApproval && ApprovedPlan(draft.Environment) != plan.Id)
        {
            var message = PlanTransitions.AwaitingApproval(draft, plan, policy.Approval);
            if (draft.Changed)
            {
                draft.Publish(LifecycleEvent.Warning(EventReason.AwaitingApproval, message));
            }

            return draft.Finish();
        }

        if (previewed.Reason == UpdateReason.DriftCheck)
        {
            StatusTransitions.UpdateStarted(draft, UpdateReason.DriftCheck);
        }

        PlanTransitions.RecordApplying(draft, plan);
        return draft.Finish(LifecycleAction.RunUpdate(previewed.Reason, plan.Destructive.Select(d => d.Resource).ToList()));
    }

    /// <summary>The plan id the dataplatform.io/approve-plan annotation carries, or null.</summary>
    public static string? ApprovedPlan(V1Alpha1DataPlatformEnvironment environment) =>
        environment.Metadata.Annotations is { } annotations
        && annotations.TryGetValue(V1Alpha1DataPlatformEnvironment.ApprovePlanAnnotation, out var value) ? value.Trim() : null;
}
