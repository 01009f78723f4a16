using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Validation;
using k8s.Models;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// The reconcile of DESIGN.md section 5: paused environments only record it; every spec is validated before any
/// engine call; an update runs only when owed (new generation, a due retry, the drift interval, a reconcile
/// request), so a steady Ready environment costs no engine run and no API write; Reconciling is written before a
/// run; success writes endpoints, outputs, the connection Secret and Ready; failures go to the recorder.
/// </summary>
internal sealed partial class DataPlatformEnvironmentController(
    EnvironmentStatusWriter writer,
    StackRequestFactory requests,
    EngineRunRecorder runs,
    IStackEngine engine,
    IKubernetesClient client,
    EventPublisher events,
    TimeProvider time,
    ILogger<DataPlatformEnvironmentController> logger) : IEntityController<V1Alpha1DataPlatformEnvironment>
{
    public async Task<ReconciliationResult<V1Alpha1DataPlatformEnvironment>> ReconcileAsync(V1Alpha1DataPlatformEnvironment entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var now = time.GetUtcNow();
        var generation = entity.Metadata.Generation ?? 0;
        if (ReconcilePlanner.IsPaused(entity))
        {
            if (EnvironmentConditions.Find(entity.Status, Condition.Paused) is not { Status: ConditionStatus.True } paused || paused.ObservedGeneration != generation)
            {
                StatusTransitions.Paused(entity, now);
                await writer.WriteAsync(entity, cancellationToken);
            }

            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity);
        }

        var resumed = EnvironmentConditions.Find(entity.Status, Condition.Paused) is not null;
        if (resumed)
        {
            StatusTransitions.Resumed(entity);
        }

        var report = PreflightValidator.Validate(entity);
        if (!report.IsValid)
        {
            var message = $"The spec is invalid; nothing was sent to AWS. {report.Summary()}";
            var stalled = EnvironmentConditions.Find(entity.Status, Condition.Stalled);
            if (resumed || stalled is not { Reason: "InvalidSpec" } || stalled.Message != message || stalled.ObservedGeneration != generation)
            {
                StatusTransitions.InvalidSpec(entity, message, now);
                await writer.WriteAsync(entity, cancellationToken);
                await events(entity, "InvalidSpec", message, EventType.Warning, cancellationToken);
            }

            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity);
        }

        var decision = ReconcilePlanner.Decide(entity, now);
        if (decision.Kind == ReconcileDecisionKind.Idle)
        {
            if (resumed)
            {
                await writer.WriteAsync(entity, cancellationToken);
            }

            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity, decision.Wait);
        }

        return await UpdateAsync(entity, decision.Reason!.Value, cancellationToken);
    }

    public Task<ReconciliationResult<V1Alpha1DataPlatformEnvironment>> DeletedAsync(V1Alpha1DataPlatformEnvironment entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity));

    private async Task<ReconciliationResult<V1Alpha1DataPlatformEnvironment>> UpdateAsync(
        V1Alpha1DataPlatformEnvironment entity, UpdateReason reason, CancellationToken cancellationToken)
    {
        if (reason == UpdateReason.NewGeneration && entity.Status?.Retry is not null && entity.Status.LastUpdate?.Generation != entity.Metadata.Generation)
        {
            entity.Status.Retry = null;
        }

        var (request, problem) = await requests.CreateAsync(entity, cancellationToken);
        StatusTransitions.UpdateStarted(entity, reason, time.GetUtcNow());
        entity = await writer.WriteAsync(entity, cancellationToken);
        if (request is null)
        {
            var waiting = new EngineRunResult(EngineOperation.Up, EngineOutcome.Failed, new Dictionary<string, int>(),
                new Stack.Failures.Failure("CredentialsUnavailable", Stack.Failures.FailureOutcome.Transient, "spec.stack.credentialsSecretRef", null, problem!), [], time.GetUtcNow(), time.GetUtcNow());
            return await FailedAsync(entity, waiting, cancellationToken);
        }

        if (reason == UpdateReason.DriftCheck)
        {
            var refresh = await runs.RunAsync(entity, request, EngineOperation.Refresh, cancellationToken);
            if (!refresh.Succeeded)
            {
                return await FailedAsync(entity, refresh, cancellationToken);
            }
        }

        var result = await runs.RunAsync(entity, request, EngineOperation.Up, cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(entity, result, cancellationToken);
        }

        var raw = await engine.GetOutputsAsync(request, cancellationToken);
        var outputs = new StackOutputView(
            raw.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal),
            raw.Where(p => p.Value.IsSecret).Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
        var secret = ConnectionSecretBuilder.Build(entity, outputs);
        await UpsertSecretAsync(secret, cancellationToken);
        StatusTransitions.UpdateSucceeded(entity, EndpointsMapper.Map(outputs), outputs.ForStatus(), secret.Metadata.Name, result.ResourceChanges, result.Started, time.GetUtcNow());
        entity = await writer.WriteAsync(entity, cancellationToken);
        await events(entity, "Updated", entity.Status!.LastUpdate!.Message!, EventType.Normal, cancellationToken);
        Log.Updated(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name, entity.Metadata.Generation ?? 0);
        var resync = entity.Spec.Stack.ResyncIntervalSeconds;
        return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity, resync > 0 ? TimeSpan.FromSeconds(resync) : null);
    }

    private async Task<ReconciliationResult<V1Alpha1DataPlatformEnvironment>> FailedAsync(
        V1Alpha1DataPlatformEnvironment entity, EngineRunResult result, CancellationToken cancellationToken)
    {
        var retryIn = await runs.RecordFailureAsync(entity, "update", result, cancellationToken);
        entity = await writer.WriteAsync(entity, cancellationToken);
        return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity, retryIn);
    }

    private async Task UpsertSecretAsync(V1Secret secret, CancellationToken cancellationToken)
    {
        var existing = await client.GetAsync<V1Secret>(secret.Metadata.Name, secret.Metadata.NamespaceProperty, cancellationToken);
        if (existing is null)
        {
            await client.CreateAsync(secret, cancellationToken);
            return;
        }

        var same = existing.Data is { } data && data.Count == secret.Data.Count
            && secret.Data.All(p => data.TryGetValue(p.Key, out var value) && value.AsSpan().SequenceEqual(p.Value));
        if (!same)
        {
            existing.Data = secret.Data;
            existing.Metadata.OwnerReferences = secret.Metadata.OwnerReferences;
            existing.Metadata.Labels = secret.Metadata.Labels;
            await client.UpdateAsync(existing, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Environment {Namespace}/{Name} is up to date with generation {Generation}")]
        public static partial void Updated(ILogger logger, string? @namespace, string name, long generation);
    }
}
