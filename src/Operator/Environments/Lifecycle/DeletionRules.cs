using DataPlatform.Entities.Spec;
using DataPlatform.Entities.Status;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// The deletion path (DESIGN.md section 7). Retain releases the finalizer and keeps the AWS resources and the stack
/// state. Delete first asks the state backend whether the stack exists, never the status (a status can be wiped or
/// restored from a backup): no stack, nothing to destroy; a stack with the database's deletion protection on stalls
/// with DeletionProtected and says what to change; otherwise destroy, then remove the stack, then release. A failed
/// destroy keeps the finalizer and retries with the environment's backoff; a stalled deletion waits for a spec change
/// or a reconcile request and meanwhile looks at the backend again every <see cref="LifecycleSettings.DeletionRecheck"/>.
/// </summary>
internal static class DeletionRules
{
    public const string ProtectionAdvice =
        "Set spec.database.deletionProtection to false to destroy everything, or set spec.deletionPolicy to Retain to keep the AWS resources; the deletion then continues.";

    public static LifecycleStep Next(StatusDraft draft)
    {
        var environment = draft.Environment;
        if (environment.Spec.DeletionPolicy == DeletionPolicy.Retain)
        {
            draft.Publish(LifecycleEvent.Normal(EventReason.Retained, "deletionPolicy is Retain: the AWS resources and the stack state are kept."));
            return draft.Finish(LifecycleAction.ReleaseFinalizer);
        }

        switch (draft.Input.Observed)
        {
            case StackDestroyed destroyed:
                foreach (var recovery in destroyed.Recoveries)
                {
                    draft.Publish(LifecycleEvent.Normal(EventReason.StackRecovered, recovery));
                }

                draft.Publish(LifecycleEvent.Normal(EventReason.Destroyed, "The stack was destroyed and removed."));
                return draft.Finish(LifecycleAction.ReleaseFinalizer);
            case OperationFailed failed:
                return FailureRules.Record(draft, failed, deleting: true);
            case StackChecked { Exists: false }:
                draft.Publish(LifecycleEvent.Normal(EventReason.NothingToDestroy, "The state backend holds no stack for this environment; there is nothing to destroy."));
                return draft.Finish(LifecycleAction.ReleaseFinalizer);
            case StackChecked { Exists: true }:
                if (environment.Spec.Database.DeletionProtection)
                {
                    return Protected(draft,
                        "spec.database.deletionProtection is true, so the database cannot be destroyed and the operator will not turn protection off by itself. " + ProtectionAdvice,
                        failed: null);
                }

                StatusTransitions.Deleting(draft, "Destroying the stack.");
                return draft.Finish(LifecycleAction.Destroy);
            case null:
                break;
            default:
                throw new InvalidOperationException($"A deletion cannot observe {draft.Input.Observed.GetType().Name}.");
        }

        var status = environment.Status;
        if (!LiveRules.IsNewReconcileRequest(environment) && status?.LastUpdate is { Kind: LastUpdateKind.Destroy, Result: LastUpdateResults.Failed })
        {
            if (status.Retry is { NextAttemptTime: { } next } && next > draft.Now)
            {
                // A failed destroy waits for its backoff, whatever woke the reconcile (its own status write included).
                return draft.Finish(requeue: next - draft.Now);
            }

            var stalled = EnvironmentConditions.Find(status, Condition.Stalled);
            if (stalled is { Status: ConditionStatus.True } && stalled.ObservedGeneration == draft.Generation)
            {
                // A destroy failure stalled this generation; a human decides what happens next.
                return draft.Finish(requeue: draft.Input.Settings.DeletionRecheck);
            }
        }

        return draft.Finish(LifecycleAction.CheckStack);
    }

    /// <summary>Stalled DeletionProtected: nothing is destroyed until the spec changes; the backend is looked at again later.</summary>
    public static LifecycleStep Protected(StatusDraft draft, string message, OperationFailed? failed)
    {
        StatusTransitions.Stalled(draft, ConditionReason.DeletionProtected, message, failed, deleting: true);
        if (draft.Changed)
        {
            draft.Publish(LifecycleEvent.Warning(EventReason.DeletionProtected, message));
        }

        return draft.Finish(requeue: draft.Input.Settings.DeletionRecheck);
    }
}
