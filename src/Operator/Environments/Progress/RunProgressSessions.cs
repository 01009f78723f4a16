using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Controllers;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Program;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Environments.Progress;

/// <summary>
/// Runs one engine operation with progress (DESIGN.md section 5, step 5): the environment's program gives the
/// components, a <see cref="ProgressReporter"/> turns the event stream into status writes at the bounded rate and
/// into milestone Events, and the run's final component states come back for the lifecycle to conclude with.
/// Progress writes go to the same object the lifecycle holds, so its next write does not conflict with them.
/// </summary>
internal sealed class RunProgressSessions(
    EnvironmentStatusWriter writer,
    EventPublisher events,
    IOptions<ProgressOptions> options,
    IOptions<StackEngineOptions> engineOptions,
    TimeProvider time,
    ILogger<RunProgressSessions> logger)
{
    public async Task<(EngineRunResult Result, IReadOnlyList<ComponentStatus>? Components)> RunAsync(
        V1Alpha1DataPlatformEnvironment environment,
        StackRequest request,
        EngineOperation operation,
        Func<IProgress<EngineEvent>?, Task<EngineRunResult>> run,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        var secrets = request.Secrets.Concat(request.Environment.Values).Concat(engineOptions.Value.Passphrase is { } p ? [p] : []);
        var progress = new RunProgress(ComponentMap.From(StackProgramBuilder.Build(environment)), operation, time.GetUtcNow(), secrets);
        if (!options.Value.Enabled)
        {
            var quiet = await run(new EventSink(progress, time));
            return (quiet, Components(progress, quiet));
        }

        var reporter = new ProgressReporter(progress, options.Value, time, logger);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loop = reporter.RunAsync(
            (snapshot, token) => WriteAsync(environment, snapshot, token),
            (milestone, token) => events(environment, milestone.Reason.ToString(), milestone.Message, EventType.Normal, token),
            stop.Token);
        EngineRunResult result;
        try
        {
            result = await run(reporter);
        }
        finally
        {
            reporter.Complete();
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return (result, Components(progress, result));
    }

    private async Task WriteAsync(V1Alpha1DataPlatformEnvironment environment, RunProgressSnapshot snapshot, CancellationToken cancellationToken)
    {
        ProgressTransitions.Progressed(environment.Status ??= new DataPlatformEnvironmentStatus(), snapshot);
        var written = await writer.WriteAsync(environment, cancellationToken);
        environment.Metadata.ResourceVersion = written.Metadata.ResourceVersion;
    }

    private List<ComponentStatus>? Components(RunProgress progress, EngineRunResult result) =>
        progress.Operation == EngineOperation.Up ? ComponentStatuses.Of(progress.Final(result, time.GetUtcNow())) : null;

    /// <summary>With progress writes off, events still build the final component states, without any write.</summary>
    private sealed class EventSink(RunProgress progress, TimeProvider time) : IProgress<EngineEvent>
    {
        public void Report(EngineEvent value) => progress.Apply(value, time.GetUtcNow());
    }
}
