using DataPlatform.Entities;
using DataPlatform.Operator.Metrics;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Retry;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// Runs the engine for an environment and turns its failures into status: a transient failure schedules a retry
/// with the environment's backoff (Reconciling, Ready=False, status.retry) until the budget is spent; a terminal one
/// stalls with the failure class as reason and a message that says what to change. Recoveries become events.
/// </summary>
internal sealed class EngineRunRecorder(IStackEngine engine, EventPublisher events, OperatorMetrics metrics, TimeProvider time)
{
    public async Task<EngineRunResult> RunAsync(V1Alpha1DataPlatformEnvironment environment, StackRequest request, EngineOperation operation, CancellationToken cancellationToken)
    {
        var result = await engine.RunAsync(request, operation, null, cancellationToken);
        metrics.EngineRunCompleted(operation.ToString().ToLowerInvariant(), result.Outcome.ToString().ToLowerInvariant(), result.Ended - result.Started);
        foreach (var recovery in result.Recoveries)
        {
            await events(environment, "StackRecovered", recovery, EventType.Normal, cancellationToken);
        }

        return result;
    }

    /// <summary>Records a failed run in status; returns when to look again, or null when only a change can help.</summary>
    public async Task<TimeSpan?> RecordFailureAsync(V1Alpha1DataPlatformEnvironment environment, string kind, EngineRunResult result, CancellationToken cancellationToken)
    {
        var failure = result.Failure!;
        var now = time.GetUtcNow();
        var fix = failure.Field is null ? "" : $" Check {failure.Field}.";
        if (!failure.Transient)
        {
            StatusTransitions.Stalled(environment, kind, failure.Class, $"{failure.Message}{fix}", result.Started, now);
            await events(environment, failure.Class, $"The stack {kind} failed and will not be retried until the spec changes or a reconcile is requested: {failure.Message}", EventType.Warning, cancellationToken);
            return null;
        }

        var policy = BackoffPolicy.For(environment.Spec.Stack.Retry, BackoffPolicy.Default);
        var sameGeneration = environment.Status?.Retry is not null && environment.Status.LastUpdate?.Generation == environment.Metadata.Generation;
        var attempt = (sameGeneration ? environment.Status!.Retry!.Attempt : 0) + 1;
        if (policy.IsExhausted(attempt))
        {
            StatusTransitions.Stalled(environment, kind, "RetryBudgetExhausted",
                $"{attempt} attempts failed, the last with {failure.Class}: {failure.Message} Fix the cause, then set the dataplatform.io/reconcile-request annotation to retry.",
                result.Started, now);
            await events(environment, "RetryBudgetExhausted", $"Gave up after {attempt} attempts: {failure.Message}", EventType.Warning, cancellationToken);
            return null;
        }

        var next = policy.NextAttempt(attempt, time, Random.Shared);
        StatusTransitions.RetryScheduled(environment, kind, failure.Class, failure.Message, attempt, next, result.Started, now);
        await events(environment, failure.Class, $"The stack {kind} failed ({failure.Class}); retry {attempt} at {next:u}: {failure.Message}", EventType.Warning, cancellationToken);
        return next - now;
    }
}
