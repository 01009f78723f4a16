using DataPlatform.Entities;
using DataPlatform.Entities.Status;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// Decides whether an engine run is owed (DESIGN.md section 5, step 4) from the resource and its status alone, so
/// the controller stays stateless and a restarted operator decides the same: a new generation, a retry whose
/// backoff elapsed, the drift interval, or a reconcile request. A steady Ready environment, a Stalled one, and one
/// waiting on backoff are idle.
/// </summary>
internal static class ReconcilePlanner
{
    public static ReconcileDecision Decide(V1Alpha1DataPlatformEnvironment environment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var status = environment.Status;
        var generation = environment.Metadata.Generation ?? 0;

        if (IsNewReconcileRequest(environment))
        {
            return ReconcileDecision.Update(UpdateReason.ReconcileRequested);
        }

        var lastUpdate = status?.LastUpdate;
        var deployedThisGeneration = lastUpdate is { Result: LastUpdateResults.Succeeded } && lastUpdate.Generation == generation;
        if (deployedThisGeneration && status?.Retry is null)
        {
            var interval = environment.Spec.Stack.ResyncIntervalSeconds;
            if (interval <= 0)
            {
                return ReconcileDecision.Idle(null);
            }

            var due = (lastUpdate!.EndTime ?? now) + TimeSpan.FromSeconds(interval);
            return due <= now ? ReconcileDecision.Update(UpdateReason.DriftCheck) : ReconcileDecision.Idle(due - now);
        }

        var stalled = EnvironmentConditions.Find(status, Condition.Stalled);
        if (stalled is { Status: ConditionStatus.True } && stalled.ObservedGeneration == generation)
        {
            // Terminal for this generation: only a spec change or a reconcile request moves it.
            return ReconcileDecision.Idle(null);
        }

        if (status?.Retry is { NextAttemptTime: { } next } && status.ObservedGeneration == generation)
        {
            return next <= now ? ReconcileDecision.Update(UpdateReason.RetryDue) : ReconcileDecision.Idle(next - now);
        }

        if (deployedThisGeneration)
        {
            // A drift-check retry with no scheduled time left; run now.
            return ReconcileDecision.Update(UpdateReason.DriftCheck);
        }

        return ReconcileDecision.Update(UpdateReason.NewGeneration);
    }

    public static bool IsNewReconcileRequest(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var requested = Annotation(environment, V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation);
        return !string.IsNullOrEmpty(requested) && requested != environment.Status?.ObservedReconcileRequest;
    }

    public static bool IsPaused(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Spec.Paused
            || string.Equals(Annotation(environment, V1Alpha1DataPlatformEnvironment.PausedAnnotation), "true", StringComparison.OrdinalIgnoreCase);
    }

    public static string? Annotation(V1Alpha1DataPlatformEnvironment environment, string key)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Metadata.Annotations is { } annotations && annotations.TryGetValue(key, out var value) ? value : null;
    }
}
