using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Environments.Progress;
using DataPlatform.Operator.Metrics;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Program;
using DataPlatform.Stack.Failures;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// Does the I/O a lifecycle step asks for and reports what happened as an <see cref="Observation"/>; it decides
/// nothing. An update: credentials, the connection Secret's name checked before any AWS change, the engine
/// operations in order, the outputs, the Secret. A stack check asks the state backend. A destroy runs destroy and
/// removes the stack.
/// </summary>
internal sealed class LifecycleActions(
    StackRequestFactory requests,
    IStackEngine engine,
    ConnectionSecretWriter secrets,
    OperatorMetrics metrics,
    RunProgressSessions progress,
    DriftCheckLedger driftChecks,
    TimeProvider time)
{
    public Task<Observation> RunAsync(V1Alpha1DataPlatformEnvironment environment, LifecycleAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind switch
        {
            LifecycleActionKind.RunPreview => PreviewAsync(environment, action, cancellationToken),
            LifecycleActionKind.RunUpdate => UpdateAsync(environment, action, cancellationToken),
            LifecycleActionKind.CheckStack => CheckStackAsync(environment, cancellationToken),
            LifecycleActionKind.Destroy => DestroyAsync(environment, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "This action needs no I/O from the shell."),
        };
    }

    /// <summary>
    /// Refresh (for a drift check) and preview with a program that protects nothing, so the engine shows the whole plan
    /// instead of stopping at the first protected replacement; a preview changes nothing.
    /// </summary>
    private async Task<Observation> PreviewAsync(V1Alpha1DataPlatformEnvironment environment, LifecycleAction action, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var (request, problem) = await requests.CreateAsync(environment, ProgramProtection.ForPreview, cancellationToken);
        if (request is null)
        {
            return new OperationFailed(EngineOperation.Preview, CredentialsUnavailable(problem!), started, []);
        }

        // Before the first engine call, so a name clash creates no stack (DESIGN.md section 8).
        if (await secrets.CheckAsync(environment, cancellationToken) is { } taken)
        {
            return new OperationFailed(EngineOperation.Preview, taken, started, []);
        }

        var recoveries = new List<string>();
        EngineRunResult? last = null;
        foreach (var operation in action.Operations)
        {
            // No live progress: a drift check that finds nothing must not write status.
            using (metrics.EngineRunInFlight())
            {
                last = await engine.RunAsync(request, operation, null, cancellationToken);
            }

            metrics.EngineRunCompleted(operation.ToString().ToLowerInvariant(), last.Outcome.ToString().ToLowerInvariant(), last.Ended - last.Started);
            recoveries.AddRange(last.Recoveries);
            if (!last.Succeeded)
            {
                return new OperationFailed(operation, last.Failure!, last.Started, recoveries);
            }
        }

        if (last?.Plan is not { } plan)
        {
            throw new InvalidOperationException($"The preview of {environment.Metadata.NamespaceProperty}/{environment.Metadata.Name} succeeded without a plan.");
        }

        if (action.Reason == UpdateReason.DriftCheck)
        {
            driftChecks.Checked(environment, time.GetUtcNow());
        }

        var report = PlanReport.From(plan, ComponentMap.From(StackProgramBuilder.Build(environment)));
        return new PreviewCompleted(action.Reason ?? UpdateReason.NewGeneration, report, started, recoveries);
    }

    private async Task<Observation> UpdateAsync(V1Alpha1DataPlatformEnvironment environment, LifecycleAction action, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var (request, problem) = await requests.CreateAsync(environment, ProgramProtection.Except(action.Unprotected), cancellationToken);
        if (request is null)
        {
            return new OperationFailed(EngineOperation.Up, CredentialsUnavailable(problem!), started, []);
        }

        if (await secrets.CheckAsync(environment, cancellationToken) is { } taken)
        {
            return new OperationFailed(EngineOperation.Up, taken, started, []);
        }

        var recoveries = new List<string>();
        EngineRunResult? last = null;
        IReadOnlyList<ComponentStatus>? components = null;
        foreach (var operation in action.Operations)
        {
            (last, components) = await RunEngineAsync(environment, request, operation, cancellationToken);
            recoveries.AddRange(last.Recoveries);
            if (!last.Succeeded)
            {
                return new OperationFailed(operation, last.Failure!, last.Started, recoveries) { Components = components };
            }
        }

        var raw = await engine.GetOutputsAsync(request, cancellationToken);
        var outputs = new StackOutputView(
            raw.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal),
            raw.Where(p => p.Value.IsSecret).Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
        var secret = ConnectionSecretBuilder.Build(environment, outputs);
        if (await secrets.WriteAsync(environment, secret, cancellationToken) is { } refused)
        {
            return new OperationFailed(EngineOperation.Up, refused, last?.Started ?? started, recoveries);
        }

        return new UpdateSucceeded(last?.Started ?? started, last?.ResourceChanges ?? new Dictionary<string, int>(),
            EndpointsMapper.Map(outputs), outputs.ForStatus(), secret.Metadata.Name, recoveries) { Components = components };
    }

    private async Task<Observation> CheckStackAsync(V1Alpha1DataPlatformEnvironment environment, CancellationToken cancellationToken)
    {
        var (request, problem) = await requests.CreateAsync(environment, cancellationToken);
        return request is null
            ? new OperationFailed(EngineOperation.Destroy, CredentialsUnavailable(problem!), time.GetUtcNow(), [])
            : new StackChecked(await engine.StackExistsAsync(request, cancellationToken));
    }

    private async Task<Observation> DestroyAsync(V1Alpha1DataPlatformEnvironment environment, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var (request, problem) = await requests.CreateAsync(environment, cancellationToken);
        if (request is null)
        {
            return new OperationFailed(EngineOperation.Destroy, CredentialsUnavailable(problem!), started, []);
        }

        var (result, _) = await RunEngineAsync(environment, request, EngineOperation.Destroy, cancellationToken);
        if (!result.Succeeded)
        {
            return new OperationFailed(EngineOperation.Destroy, result.Failure!, result.Started, result.Recoveries);
        }

        await engine.RemoveStackAsync(request, cancellationToken);
        return new StackDestroyed(result.Recoveries);
    }

    private async Task<(EngineRunResult Result, IReadOnlyList<ComponentStatus>? Components)> RunEngineAsync(
        V1Alpha1DataPlatformEnvironment environment, StackRequest request, EngineOperation operation, CancellationToken cancellationToken)
    {
        EngineRunResult result;
        IReadOnlyList<ComponentStatus>? components;
        using (metrics.EngineRunInFlight())
        {
            (result, components) = await progress.RunAsync(environment, request, operation, p => engine.RunAsync(request, operation, p, cancellationToken), cancellationToken);
        }

        metrics.EngineRunCompleted(operation.ToString().ToLowerInvariant(), result.Outcome.ToString().ToLowerInvariant(), result.Ended - result.Started);
        return (result, components);
    }

    private static Failure CredentialsUnavailable(string problem) =>
        new(FailureClass.CredentialsUnavailable.Value, FailureOutcome.Transient, "spec.stack.credentialsSecretRef", null, problem);
}
