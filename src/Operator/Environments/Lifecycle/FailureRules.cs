using DataPlatform.Stack.Failures;
using DataPlatform.Stack.Retry;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// What a failed update or destroy becomes (DESIGN.md section 6). Transient: retry with the environment's backoff
/// (full jitter over min(cap, base * 2^(attempt-1))) until the budget is spent, then Stalled RetryBudgetExhausted.
/// Unknown (no pattern matched): the same backoff, but only <see cref="LifecycleSettings.UnknownFailureRetries"/>
/// retries, then Stalled UnclassifiedFailure with the message kept. Terminal: Stalled at once with the class as
/// reason. A destroy retries whatever failed (DESIGN.md section 7), except a database whose deletion protection is on.
/// </summary>
internal static class FailureRules
{
    public static LifecycleStep Record(StatusDraft draft, OperationFailed failed, bool deleting)
    {
        var failure = failed.Failure;
        var failureClass = FailureClass.Of(failure);
        foreach (var recovery in failed.Recoveries)
        {
            draft.Publish(LifecycleEvent.Normal(EventReason.StackRecovered, recovery));
        }

        var fix = failure.Field is null ? "" : $" Check {failure.Field}.";
        var operation = LastUpdateKind.Of(failed.Operation);
        var stalledRequeue = deleting ? draft.Input.Settings.DeletionRecheck : (TimeSpan?)null;
        if (deleting && failureClass == FailureClass.DeletionProtected)
        {
            return DeletionRules.Protected(draft, $"{failure.Message} {DeletionRules.ProtectionAdvice}", failed);
        }

        var outcome = deleting ? FailureOutcome.Transient : failure.Outcome;
        if (outcome == FailureOutcome.Terminal)
        {
            StatusTransitions.Stalled(draft, ConditionReason.Of(failureClass), $"{failure.Message}{fix}", failed, deleting);
            draft.Publish(LifecycleEvent.Warning(EventReason.Of(failureClass),
                $"The stack {operation} failed and will not be retried until the spec changes or a reconcile is requested: {failure.Message}"));
            return draft.Finish(requeue: stalledRequeue);
        }

        var policy = BackoffPolicy.For(draft.Environment.Spec.Stack.Retry, draft.Input.Settings.Backoff);
        var status = draft.Status;
        var sameGeneration = status.Retry is not null && status.LastUpdate?.Generation == draft.Generation;
        var attempt = (sameGeneration ? status.Retry!.Attempt : 0) + 1;
        if (policy.IsExhausted(attempt))
        {
            StatusTransitions.Stalled(draft, ConditionReason.RetryBudgetExhausted,
                $"{attempt} attempts failed, the last with {failureClass}: {failure.Message}{fix} Fix the cause, then set the dataplatform.io/reconcile-request annotation to retry.",
                failed, deleting);
            draft.Publish(LifecycleEvent.Warning(EventReason.RetryBudgetExhausted, $"Gave up after {attempt} attempts: {failure.Message}"));
            return draft.Finish(requeue: stalledRequeue);
        }

        if (outcome == FailureOutcome.Unknown && attempt > draft.Input.Settings.UnknownFailureRetries)
        {
            StatusTransitions.Stalled(draft, ConditionReason.UnclassifiedFailure,
                $"{attempt} attempts failed with an error no failure pattern recognises: {failure.Message}{fix} "
                + "If a retry can fix it, set the dataplatform.io/reconcile-request annotation; the platform team can classify it by adding a failure pattern.",
                failed, deleting);
            draft.Publish(LifecycleEvent.Warning(EventReason.UnclassifiedFailure, $"Gave up after {attempt} attempts with an unrecognised error: {failure.Message}"));
            return draft.Finish(requeue: stalledRequeue);
        }

        var delay = TimeSpan.FromTicks((long)(policy.Ceiling(attempt).Ticks * Math.Clamp(draft.Input.Jitter, 0, 1)));
        var next = draft.Now + delay;
        StatusTransitions.RetryScheduled(draft, failed, attempt, next, deleting);
        draft.Publish(LifecycleEvent.Warning(EventReason.Of(failureClass),
            $"The stack {operation} failed ({failureClass}); retry {attempt} at {next:u}: {failure.Message}"));
        return draft.Finish(requeue: delay);
    }
}
