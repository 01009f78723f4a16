using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Operator.Controllers;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack.Engine;

namespace DataPlatform.Operator.Finalizers;

/// <summary>
/// Deletion (DESIGN.md section 7). Retain leaves the AWS resources and the stack state. Delete destroys the stack,
/// then removes it, and only then lets the finalizer go. With deletion protection on, the operator does not turn
/// it off by itself: it reports Stalled with reason DeletionProtected and says what to change. A failing destroy
/// keeps the finalizer and retries with the environment's backoff.
/// </summary>
internal sealed class DataPlatformEnvironmentFinalizer(
    EnvironmentStatusWriter writer,
    StackRequestFactory requests,
    EngineRunRecorder runs,
    IStackEngine engine,
    EventPublisher events,
    TimeProvider time) : IEntityFinalizer<V1Alpha1DataPlatformEnvironment>
{
    private static readonly TimeSpan WaitForChange = TimeSpan.FromMinutes(10);

    public async Task<ReconciliationResult<V1Alpha1DataPlatformEnvironment>> FinalizeAsync(V1Alpha1DataPlatformEnvironment entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Spec.DeletionPolicy == DeletionPolicy.Retain)
        {
            await events(entity, "Retained", "deletionPolicy is Retain: the AWS resources and the stack state are kept.", EventType.Normal, cancellationToken);
            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity);
        }

        if (entity.Status?.LastUpdate is null)
        {
            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity);
        }

        if (entity.Spec.Database.DeletionProtection)
        {
            const string message = "spec.database.deletionProtection is true, so the database cannot be destroyed and the operator will not turn protection off by itself. "
                + "Set spec.database.deletionProtection to false to destroy everything, or set spec.deletionPolicy to Retain to keep the AWS resources; the deletion then continues.";
            if (entity.Status?.Conditions.FirstOrDefault(c => c.Type == Entities.Status.Condition.Stalled)?.Reason != "DeletionProtected")
            {
                StatusTransitions.Stalled(entity, "destroy", "DeletionProtected", message, time.GetUtcNow(), time.GetUtcNow());
                entity.Status!.Phase = Entities.Status.EnvironmentPhase.Deleting;
                entity = await writer.WriteAsync(entity, cancellationToken);
                await events(entity, "DeletionProtected", message, EventType.Warning, cancellationToken);
            }

            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Failure(entity, "deletion protection is on", WaitForChange);
        }

        var (request, problem) = await requests.CreateAsync(entity, cancellationToken);
        if (request is null)
        {
            StatusTransitions.Deleting(entity, $"Waiting for credentials to destroy the stack: {problem}", time.GetUtcNow());
            entity = await writer.WriteAsync(entity, cancellationToken);
            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Failure(entity, problem!);
        }

        StatusTransitions.Deleting(entity, "Destroying the stack.", time.GetUtcNow());
        entity = await writer.WriteAsync(entity, cancellationToken);
        var result = await runs.RunAsync(entity, request, EngineOperation.Destroy, cancellationToken);
        if (!result.Succeeded)
        {
            var failure = result.Failure!;
            TimeSpan? retryIn;
            if (failure.Class == "DeletionProtected")
            {
                StatusTransitions.Stalled(entity, "destroy", failure.Class, $"{failure.Message} Set spec.database.deletionProtection to false, or spec.deletionPolicy to Retain.", result.Started, time.GetUtcNow());
                retryIn = WaitForChange;
            }
            else
            {
                retryIn = await runs.RecordFailureAsync(entity, "destroy", result with { Failure = failure with { Outcome = Stack.Failures.FailureOutcome.Transient } }, cancellationToken) ?? WaitForChange;
            }

            entity.Status!.Phase = Entities.Status.EnvironmentPhase.Deleting;
            entity = await writer.WriteAsync(entity, cancellationToken);
            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Failure(entity, failure.Message, retryIn);
        }

        await engine.RemoveStackAsync(request, cancellationToken);
        await events(entity, "Destroyed", "The stack was destroyed and removed.", EventType.Normal, cancellationToken);
        return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity);
    }
}
