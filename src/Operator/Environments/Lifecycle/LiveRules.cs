using DataPlatform.Entities;
using DataPlatform.Entities.Status;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// The lifecycle of an environment that is not being deleted (DESIGN.md section 5): a paused one only records it;
/// an invalid spec stalls with every violation and no engine call; otherwise an update runs only when owed (a new
/// generation, a retry whose backoff elapsed, a reconcile request, the drift interval), so a steady Ready
/// environment costs no engine run and no API write. Reconciling is written before the run; its outcome becomes
/// Ready, a scheduled retry or Stalled.
/// </summary>
internal static class LiveRules
{
    public static LifecycleStep Next(StatusDraft draft)
    {
        switch (draft.Input.Observed)
        {
            case UpdateSucceeded succeeded:
                foreach (var recovery in succeeded.Recoveries)
                {
                    draft.Publish(LifecycleEvent.Normal(EventReason.StackRecovered, recovery));
                }

                var message = StatusTransitions.UpdateSucceeded(draft, succeeded);
                PlanTransitions.Concluded(draft);
                VersionPins.Record(draft, succeeded.Outputs);
                draft.Publish(LifecycleEvent.Normal(EventReason.Updated, message));
                return draft.Finish(requeue: draft.Input.Policy.DriftInterval);
            case PreviewCompleted previewed:
                return PlanRules.Next(draft, previewed);
            case OperationFailed failed:
                return FailureRules.Record(draft, failed, deleting: false);
            case null:
                break;
            default:
                throw new InvalidOperationException($"A live environment cannot observe {draft.Input.Observed.GetType().Name}.");
        }

        if (IsPaused(draft.Environment))
        {
            StatusTransitions.Paused(draft);
            return draft.Finish();
        }

        StatusTransitions.Resumed(draft);
        var report = draft.Input.Validation;
        if (!report.IsValid)
        {
            var message = $"The spec is invalid; nothing was sent to AWS. {report.Summary()}";
            StatusTransitions.InvalidSpec(draft, message);
            if (draft.Changed)
            {
                draft.Publish(LifecycleEvent.Warning(EventReason.InvalidSpec, message));
            }

            return draft.Finish();
        }

        if (PolicyRules.Forbidden(draft) is { } forbidden)
        {
            return forbidden;
        }

        if (NameClashRules.Clashing(draft) is { } clashing)
        {
            return clashing;
        }

        var (reason, wait) = PolicyRules.Lifted(draft) || NameClashRules.Lifted(draft) ? (UpdateReason.NewGeneration, null) : Owed(draft);
        if (reason is not { } owed)
        {
            return draft.Finish(requeue: wait);
        }

        if (owed == UpdateReason.DriftCheck)
        {
            // A drift check writes nothing before it runs: a check that finds no drift costs no API write at all.
            return draft.Finish(LifecycleAction.Preview(owed));
        }

        StatusTransitions.UpdateStarted(draft, owed);
        return draft.Finish(LifecycleAction.Preview(owed));
    }

    /// <summary>Whether an update is owed now, from the resource and its status alone; else when to look again (null: never).</summary>
    public static (UpdateReason? Reason, TimeSpan? Wait) Owed(StatusDraft draft)
    {
        var environment = draft.Environment;
        var status = environment.Status;
        var generation = draft.Generation;
        var now = draft.Now;
        if (IsNewReconcileRequest(environment))
        {
            return (UpdateReason.ReconcileRequested, null);
        }

        if (status?.Plan is { State: PlanTransitions.Awaiting } waiting && waiting.Generation == generation)
        {
            // Waiting for a human: only the approval of this plan (or a spec change, a reconcile request) moves it.
            return PlanRules.ApprovedPlan(environment) == waiting.Id ? (UpdateReason.PlanApproved, null) : (null, null);
        }

        var lastUpdate = status?.LastUpdate;
        var deployedThisGeneration = lastUpdate is { Result: LastUpdateResults.Succeeded } && lastUpdate.Generation == generation;
        if (deployedThisGeneration && status?.Retry is null)
        {
            if (draft.Input.Policy.DriftInterval is not { } interval)
            {
                return (null, null);
            }

            var checkedAt = lastUpdate!.EndTime ?? now;
            if (draft.Input.LastDriftCheck is { } lastCheck && lastCheck > checkedAt)
            {
                checkedAt = lastCheck;
            }

            var due = checkedAt + interval;
            return due <= now ? (UpdateReason.DriftCheck, null) : (null, due - now);
        }

        var stalled = EnvironmentConditions.Find(status, Condition.Stalled);
        if (stalled is { Status: ConditionStatus.True } && stalled.ObservedGeneration == generation)
        {
            // Stalled for this generation: only a spec change or a reconcile request moves it.
            return (null, null);
        }

        if (status?.Retry is { NextAttemptTime: { } next } && status.ObservedGeneration == generation)
        {
            return next <= now ? (UpdateReason.RetryDue, null) : (null, next - now);
        }

        return deployedThisGeneration ? (UpdateReason.DriftCheck, null) : (UpdateReason.NewGeneration, null);
    }

    public static bool IsNewReconcileRequest(V1Alpha1DataPlatformEnvironment environment)
    {
        var requested = StatusTransitions.ReconcileRequest(environment);
        return !string.IsNullOrEmpty(requested) && requested != environment.Status?.ObservedReconcileRequest;
    }

    public static bool IsPaused(V1Alpha1DataPlatformEnvironment environment) =>
        environment.Spec.Paused
        || (environment.Metadata.Annotations is { } annotations
            && annotations.TryGetValue(V1Alpha1DataPlatformEnvironment.PausedAnnotation, out var paused)
            && string.Equals(paused, "true", StringComparison.OrdinalIgnoreCase));
}
