using DataPlatform.Entities;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack.Retry;
using DataPlatform.Stack.Validation;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// The I/O loop around <see cref="EnvironmentLifecycle"/> that the controller and the finalizer share: ask for the
/// next step, write the status when it changed, publish its events, do its action, and feed what was observed back,
/// until a step asks for nothing more (or for the finalizer to go).
/// </summary>
internal sealed class LifecycleDriver(
    EnvironmentStatusWriter writer,
    LifecycleActions actions,
    EventPublisher events,
    IOptions<RetryOptions> options,
    DriftCheckLedger driftChecks,
    TimeProvider time,
    Policy.PolicySource? policies = null,
    Naming.NameClashJudge? names = null,
    IOptions<Engine.EngineModeOptions>? engineOptions = null)
{
    /// <summary>A reconcile takes at most check, destroy, release (or start, preview, update, conclude); more means a lifecycle bug.</summary>
    private const int MaxSteps = 6;

    public async Task<(V1Alpha1DataPlatformEnvironment Environment, LifecycleStep Step)> RunAsync(V1Alpha1DataPlatformEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var retry = options.Value;
        var settings = new LifecycleSettings(BackoffPolicy.Default, retry.UnknownFailureRetries, retry.DeletionRecheck);
        var validation = environment.Metadata.DeletionTimestamp is null ? Validate(environment) : new ValidationReport([]);
        var policy = environment.Metadata.DeletionTimestamp is null && policies is not null ? await policies.EvaluateAsync(environment, cancellationToken) : null;
        var clashes = names is not null && validation.IsValid && policy is not { Allowed: false } && NameClashRules.NeedsJudging(environment)
            ? names.Judge(environment)
            : null;
        Observation? observed = null;
        for (var count = 1; ; count++)
        {
            var step = EnvironmentLifecycle.Next(new LifecycleInput(environment, time.GetUtcNow(), settings, validation, Random.Shared.NextDouble(), observed, policy)
            {
                LastDriftCheck = driftChecks.Last(environment),
                NameClashes = clashes,
            });
            if (step.StatusChanged)
            {
                environment.Status = step.Status;
                environment = await writer.WriteAsync(environment, cancellationToken);
            }

            foreach (var published in step.Events)
            {
                await events(environment, published.Reason.Value, published.Message, published.Type, cancellationToken);
            }

            if (step.Action is null || step.Action.Kind == LifecycleActionKind.ReleaseFinalizer)
            {
                return (environment, step);
            }

            if (count == MaxSteps)
            {
                throw new InvalidOperationException($"The lifecycle of {environment.Metadata.NamespaceProperty}/{environment.Metadata.Name} asked for {step.Action} after {count} steps.");
            }

            observed = await actions.RunAsync(environment, step.Action, cancellationToken);
        }
    }

    /// <summary>The pre-flight rules and the operator's bounds on the engine size, as the admission webhook judges them.</summary>
    private ValidationReport Validate(V1Alpha1DataPlatformEnvironment environment) =>
        engineOptions is null ? PreflightValidator.Validate(environment) : Engine.EngineBounds.Validate(environment, engineOptions.Value.Job);
}
