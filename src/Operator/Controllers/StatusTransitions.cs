using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using static DataPlatform.Entities.Status.Condition;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// Every status change the controller makes, one method per situation, so conditions, phase, observedGeneration
/// and lastUpdate always move together. Messages are sentences a user can act on and never carry a secret.
/// </summary>
internal static class StatusTransitions
{
    public static DataPlatformEnvironmentStatus Ensure(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Status ??= new DataPlatformEnvironmentStatus();
    }

    public static void Paused(V1Alpha1DataPlatformEnvironment environment, DateTimeOffset now)
    {
        var status = Ensure(environment);
        var generation = Generation(environment);
        EnvironmentConditions.Set(status, Condition.Paused, ConditionStatus.True, "Paused",
            "The environment is paused (spec.paused or the dataplatform.io/paused annotation); the operator makes no change until it is resumed.",
            generation, now);
        EnvironmentConditions.Remove(status, Reconciling);
        status.Phase = EnvironmentPhase.Paused;
    }

    public static void Resumed(V1Alpha1DataPlatformEnvironment environment) =>
        EnvironmentConditions.Remove(Ensure(environment), Condition.Paused);

    public static void InvalidSpec(V1Alpha1DataPlatformEnvironment environment, string message, DateTimeOffset now)
    {
        var status = Ensure(environment);
        var generation = Generation(environment);
        EnvironmentConditions.Set(status, Condition.Stalled, ConditionStatus.True, "InvalidSpec", message, generation, now);
        EnvironmentConditions.Set(status, Ready, ConditionStatus.False, "InvalidSpec", "The spec is invalid; see the Stalled condition.", generation, now);
        status.ObservedGeneration = generation;
        status.Phase = EnvironmentPhase.Failed;
        status.Retry = null;
    }

    public static void UpdateStarted(V1Alpha1DataPlatformEnvironment environment, UpdateReason reason, DateTimeOffset now)
    {
        var status = Ensure(environment);
        var generation = Generation(environment);
        var (conditionReason, message) = reason switch
        {
            UpdateReason.RetryDue => ("Retrying", $"Retrying the stack update (attempt {(status.Retry?.Attempt ?? 0) + 1}) after a transient failure."),
            UpdateReason.DriftCheck => ("CheckingDrift", "Checking the stack for drift and correcting it."),
            UpdateReason.ReconcileRequested => ("ReconcileRequested", "Updating the stack as requested by the dataplatform.io/reconcile-request annotation."),
            _ => ("Updating", $"Updating the stack to generation {generation}."),
        };
        EnvironmentConditions.Set(status, Reconciling, ConditionStatus.True, conditionReason, message, generation, now);
        if (reason != UpdateReason.DriftCheck)
        {
            EnvironmentConditions.Set(status, Ready, ConditionStatus.False, conditionReason, message, generation, now);
            status.Phase = EnvironmentPhase.Provisioning;
        }

        status.ObservedGeneration = generation;
        status.LastUpdate = new LastUpdate
        {
            Kind = "update",
            Generation = generation,
            Result = LastUpdateResults.InProgress,
            StartTime = now,
            Message = message,
        };
    }

    public static void UpdateSucceeded(
        V1Alpha1DataPlatformEnvironment environment,
        Endpoints endpoints,
        Dictionary<string, string> outputs,
        string connectionSecretName,
        IReadOnlyDictionary<string, int> resourceChanges,
        DateTimeOffset started,
        DateTimeOffset now)
    {
        var status = Ensure(environment);
        var generation = Generation(environment);
        var changed = resourceChanges.Where(c => c.Key != "same").Sum(c => c.Value);
        var message = $"The stack is up to date with generation {generation} ({changed} resource changes).";
        EnvironmentConditions.Set(status, Ready, ConditionStatus.True, "Succeeded", message, generation, now);
        EnvironmentConditions.Remove(status, Reconciling);
        EnvironmentConditions.Remove(status, Condition.Stalled);
        status.ObservedGeneration = generation;
        status.Phase = EnvironmentPhase.Ready;
        status.Endpoints = endpoints;
        status.Outputs = outputs;
        status.ConnectionSecretRef = new Entities.Spec.SecretReference { Name = connectionSecretName };
        status.Retry = null;
        status.ObservedReconcileRequest = ReconcilePlanner.Annotation(environment, V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation);
        status.LastUpdate = new LastUpdate
        {
            Kind = "update",
            Generation = generation,
            Result = LastUpdateResults.Succeeded,
            StartTime = started,
            EndTime = now,
            Message = message,
            ResourceChanges = new Dictionary<string, int>(resourceChanges),
        };
    }

    /// <summary>A transient failure: Ready=False, Reconciling=True, the retry written down so a restart loses nothing.</summary>
    public static void RetryScheduled(
        V1Alpha1DataPlatformEnvironment environment,
        string kind,
        string failureClass,
        string message,
        int attempt,
        DateTimeOffset nextAttempt,
        DateTimeOffset started,
        DateTimeOffset now)
    {
        var status = Ensure(environment);
        var generation = Generation(environment);
        var text = $"{message} Attempt {attempt} failed with {failureClass}; retrying at {nextAttempt:u}.";
        EnvironmentConditions.Set(status, Ready, ConditionStatus.False, failureClass, text, generation, now);
        EnvironmentConditions.Set(status, Reconciling, ConditionStatus.True, "RetryScheduled", text, generation, now);
        status.ObservedGeneration = generation;
        status.Phase = kind == "destroy" ? EnvironmentPhase.Deleting : EnvironmentPhase.Provisioning;
        status.Retry = new RetryStatus { Attempt = attempt, NextAttemptTime = nextAttempt, LastFailureClass = failureClass };
        status.ObservedReconcileRequest = ReconcilePlanner.Annotation(environment, V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation);
        status.LastUpdate = Failed(kind, generation, message, started, now);
    }

    /// <summary>A failure no retry will fix: Stalled with the class as reason; only a spec change or a reconcile request moves it.</summary>
    public static void Stalled(
        V1Alpha1DataPlatformEnvironment environment,
        string kind,
        string reason,
        string message,
        DateTimeOffset started,
        DateTimeOffset now)
    {
        var status = Ensure(environment);
        var generation = Generation(environment);
        EnvironmentConditions.Set(status, Condition.Stalled, ConditionStatus.True, reason, message, generation, now);
        EnvironmentConditions.Set(status, Ready, ConditionStatus.False, reason, "The environment cannot progress without a change; see the Stalled condition.", generation, now);
        status.ObservedGeneration = generation;
        status.Phase = EnvironmentPhase.Failed;
        status.Retry = null;
        status.ObservedReconcileRequest = ReconcilePlanner.Annotation(environment, V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation);
        status.LastUpdate = Failed(kind, generation, message, started, now);
    }

    public static void Deleting(V1Alpha1DataPlatformEnvironment environment, string message, DateTimeOffset now)
    {
        var status = Ensure(environment);
        var generation = Generation(environment);
        EnvironmentConditions.Set(status, Reconciling, ConditionStatus.True, "Deleting", message, generation, now);
        EnvironmentConditions.Set(status, Ready, ConditionStatus.False, "Deleting", message, generation, now);
        status.Phase = EnvironmentPhase.Deleting;
    }

    private static LastUpdate Failed(string kind, long generation, string message, DateTimeOffset started, DateTimeOffset now) => new()
    {
        Kind = kind,
        Generation = generation,
        Result = LastUpdateResults.Failed,
        StartTime = started,
        EndTime = now,
        Message = message,
    };

    private static long Generation(V1Alpha1DataPlatformEnvironment environment) => environment.Metadata.Generation ?? 0;
}
