using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Progress;
using static DataPlatform.Entities.Status.Condition;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// Every status change the lifecycle makes, one method per situation, so conditions (kstatus: Ready, Reconciling,
/// Stalled, never Reconciling and Stalled both True), phase, observedGeneration, retry and lastUpdate always move
/// together. Each is idempotent: applied twice it changes nothing, so a repeated reconcile writes nothing. Messages
/// are sentences a user can act on and never carry a secret.
/// </summary>
internal static class StatusTransitions
{
    public const string PausedMessage =
        "The environment is paused (spec.paused or the dataplatform.io/paused annotation); the operator makes no change until it is resumed.";

    public static void Paused(StatusDraft draft)
    {
        var status = draft.Status;
        EnvironmentConditions.Set(status, Condition.Paused, ConditionStatus.True, ConditionReason.Paused, PausedMessage, draft.Generation, draft.Now);
        if (EnvironmentConditions.Find(status, Ready) is null)
        {
            // A new resource gets Ready=False on first sight, paused or not.
            EnvironmentConditions.Set(status, Ready, ConditionStatus.False, ConditionReason.Paused, PausedMessage, draft.Generation, draft.Now);
        }

        EnvironmentConditions.Remove(status, Reconciling);
        status.Phase = EnvironmentPhase.Paused;
    }

    public static void Resumed(StatusDraft draft)
    {
        var status = draft.Status;
        EnvironmentConditions.Remove(status, Condition.Paused);
        if (status.Phase == EnvironmentPhase.Paused)
        {
            status.Phase = EnvironmentConditions.IsTrue(status, Condition.Stalled) ? EnvironmentPhase.Failed
                : EnvironmentConditions.IsTrue(status, Ready) ? EnvironmentPhase.Ready
                : EnvironmentPhase.Pending;
        }
    }

    public static void InvalidSpec(StatusDraft draft, string message)
    {
        var status = draft.Status;
        EnvironmentConditions.Set(status, Condition.Stalled, ConditionStatus.True, ConditionReason.InvalidSpec, message, draft.Generation, draft.Now);
        EnvironmentConditions.Set(status, Ready, ConditionStatus.False, ConditionReason.InvalidSpec, "The spec is invalid; see the Stalled condition.", draft.Generation, draft.Now);
        status.ObservedGeneration = draft.Generation;
        status.Phase = EnvironmentPhase.Failed;
        status.Retry = null;
    }

    public static void UpdateStarted(StatusDraft draft, UpdateReason reason)
    {
        var status = draft.Status;
        var generation = draft.Generation;
        status.NamingScheme ??= Stack.Naming.NamingSchemes.Of(draft.Environment);
        if (reason == UpdateReason.NewGeneration && status.LastUpdate?.Generation != generation)
        {
            status.Retry = null;
        }

        var (conditionReason, message) = reason switch
        {
            UpdateReason.RetryDue => (ConditionReason.Retrying, $"Retrying the stack update (attempt {(status.Retry?.Attempt ?? 0) + 1}) after a failure."),
            UpdateReason.DriftCheck => (ConditionReason.CorrectingDrift, "Correcting the drift the last check found (spec.drift.action is Correct)."),
            UpdateReason.PlanApproved => (ConditionReason.PlanApproved, $"Applying plan {status.Plan?.Id}, approved by the dataplatform.io/approve-plan annotation."),
            UpdateReason.ReconcileRequested => (ConditionReason.ReconcileRequested, "Updating the stack as requested by the dataplatform.io/reconcile-request annotation."),
            _ => (ConditionReason.Updating, $"Updating the stack to generation {generation}."),
        };
        EnvironmentConditions.Set(status, Reconciling, ConditionStatus.True, conditionReason, message, generation, draft.Now);
        if (reason != UpdateReason.DriftCheck)
        {
            EnvironmentConditions.Set(status, Ready, ConditionStatus.False, conditionReason, message, generation, draft.Now);
            status.Phase = EnvironmentPhase.Provisioning;
        }

        status.ObservedGeneration = generation;
        ProgressTransitions.Started(status);
        status.LastUpdate = new LastUpdate
        {
            Kind = LastUpdateKind.Update,
            Generation = generation,
            Result = LastUpdateResults.InProgress,
            StartTime = draft.Now,
            Message = message,
        };
    }

    public static string UpdateSucceeded(StatusDraft draft, UpdateSucceeded outcome)
    {
        var status = draft.Status;
        var generation = draft.Generation;
        var changed = outcome.ResourceChanges.Where(c => c.Key != "same").Sum(c => c.Value);
        var message = $"The stack is up to date with generation {generation} ({changed} resource changes).";
        EnvironmentConditions.Set(status, Ready, ConditionStatus.True, ConditionReason.Succeeded, message, generation, draft.Now);
        EnvironmentConditions.Remove(status, Reconciling);
        EnvironmentConditions.Remove(status, Condition.Stalled);
        status.ObservedGeneration = generation;
        status.Phase = EnvironmentPhase.Ready;
        status.Endpoints = outcome.Endpoints;
        status.Outputs = new Dictionary<string, string>(outcome.Outputs);
        status.ConnectionSecretRef = new Entities.Spec.SecretReference { Name = outcome.ConnectionSecretName };
        ProgressTransitions.Concluded(status, outcome.Components);
        status.Retry = null;
        status.ObservedReconcileRequest = ReconcileRequest(draft.Environment);
        status.LastUpdate = new LastUpdate
        {
            Kind = LastUpdateKind.Update,
            Generation = generation,
            Result = LastUpdateResults.Succeeded,
            StartTime = outcome.Started,
            EndTime = draft.Now,
            Message = message,
            ResourceChanges = new Dictionary<string, int>(outcome.ResourceChanges),
        };
        return message;
    }

    /// <summary>A failure a retry may fix: Ready=False, Reconciling=True, the retry written down so a restart loses nothing.</summary>
    public static void RetryScheduled(StatusDraft draft, OperationFailed failed, int attempt, DateTimeOffset nextAttempt, bool deleting)
    {
        var status = draft.Status;
        var generation = draft.Generation;
        var failureClass = FailureClass.Of(failed.Failure);
        var note = $"Attempt {attempt} failed with {failureClass}; retrying at {nextAttempt:u}.";
        var text = $"{failed.Failure.Message} {note}";
        ProgressTransitions.Concluded(status, failed.Components);
        var ready = ProgressTransitions.Blocked(status.Components) is { } blocked ? $"{blocked} {note}" : text;
        EnvironmentConditions.Set(status, Ready, ConditionStatus.False, ConditionReason.Of(failureClass), ready, generation, draft.Now);
        EnvironmentConditions.Set(status, Reconciling, ConditionStatus.True, ConditionReason.RetryScheduled, text, generation, draft.Now);
        status.ObservedGeneration = generation;
        status.Phase = deleting ? EnvironmentPhase.Deleting : EnvironmentPhase.Provisioning;
        status.Retry = new RetryStatus { Attempt = attempt, NextAttemptTime = nextAttempt, LastFailureClass = failureClass.Value };
        status.ObservedReconcileRequest = ReconcileRequest(draft.Environment);
        status.LastUpdate = Failed(draft, failed, failed.Failure.Message);
    }

    /// <summary>A failure no retry will fix: Stalled with the reason; only a spec change or a reconcile request moves it.</summary>
    public static void Stalled(StatusDraft draft, ConditionReason reason, string message, OperationFailed? failed, bool deleting)
    {
        var status = draft.Status;
        var generation = draft.Generation;
        EnvironmentConditions.Set(status, Condition.Stalled, ConditionStatus.True, reason, message, generation, draft.Now);
        ProgressTransitions.Concluded(status, failed?.Components);
        var ready = "The environment cannot progress without a change; see the Stalled condition.";
        EnvironmentConditions.Set(status, Ready, ConditionStatus.False, reason,
            ProgressTransitions.Blocked(status.Components) is { } blocked ? $"{ready} {blocked}" : ready, generation, draft.Now);
        status.ObservedGeneration = generation;
        status.Phase = deleting ? EnvironmentPhase.Deleting : EnvironmentPhase.Failed;
        status.Retry = null;
        status.ObservedReconcileRequest = ReconcileRequest(draft.Environment);
        if (failed is not null)
        {
            status.LastUpdate = Failed(draft, failed, message);
        }
    }

    public static void Deleting(StatusDraft draft, string message)
    {
        var status = draft.Status;
        EnvironmentConditions.Set(status, Reconciling, ConditionStatus.True, ConditionReason.Deleting, message, draft.Generation, draft.Now);
        EnvironmentConditions.Set(status, Ready, ConditionStatus.False, ConditionReason.Deleting, message, draft.Generation, draft.Now);
        status.Phase = EnvironmentPhase.Deleting;
    }

    public static string? ReconcileRequest(V1Alpha1DataPlatformEnvironment environment) =>
        environment.Metadata.Annotations is { } annotations
        && annotations.TryGetValue(V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation, out var value) ? value : null;

    private static LastUpdate Failed(StatusDraft draft, OperationFailed failed, string message) => new()
    {
        Kind = LastUpdateKind.Of(failed.Operation),
        Generation = draft.Generation,
        Result = LastUpdateResults.Failed,
        StartTime = failed.Started,
        EndTime = draft.Now,
        Message = message,
    };
}
