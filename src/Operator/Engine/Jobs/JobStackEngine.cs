using System.Globalization;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Failures;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>
/// <see cref="IStackEngine"/> in Job mode (DESIGN.md section 10): each run is a Kubernetes Job in the operator's
/// namespace. Before starting one it looks for the stack's Jobs by label: one of the same operation and generation
/// is adopted (followed, its outcome read) instead of started again, so a new leader never runs a second
/// <c>up</c>; any other Job of the stack still running is waited for, so one stack never has two runs. Progress
/// comes from the pod's log, the outcome from its last log line or termination message; a consumed Job is deleted
/// (its pod and Secret go with it). Outputs, the stack list and removal are short CLI calls made in process.
/// Cancelling the caller's token stops following; the Job keeps running for the next leader to adopt.
/// </summary>
internal sealed partial class JobStackEngine(
    IEngineJobClient jobs,
    IKubernetesClient kubernetes,
    PulumiCliEngine cli,
    IOptions<EngineModeOptions> modeOptions,
    IOptions<StackEngineOptions> engineOptions,
    IOptions<FailureOptions> failureOptions,
    TimeProvider time,
    ILogger<JobStackEngine> logger) : IStackEngine
{
    /// <summary>How long the log may take to end once the Job has (the container's stream closes with it).</summary>
    private static readonly TimeSpan LogDrainTimeout = TimeSpan.FromSeconds(30);

    private readonly JobEngineOptions _options = modeOptions.Value.Job;
    private readonly string _namespace = EngineJobNamespace.Resolve(modeOptions.Value.Job) ?? "default";

    public Task<Version> CheckCliAsync(CancellationToken cancellationToken) => cli.CheckCliAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(StackRequest request, CancellationToken cancellationToken) => cli.GetOutputsAsync(request, cancellationToken);

    public Task<bool> StackExistsAsync(StackRequest request, CancellationToken cancellationToken) => cli.StackExistsAsync(request, cancellationToken);

    public Task RemoveStackAsync(StackRequest request, CancellationToken cancellationToken) => cli.RemoveStackAsync(request, cancellationToken);

    public async Task<EngineRunResult> RunAsync(StackRequest request, EngineOperation operation, IProgress<EngineEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetUtcNow();
        var stack = $"{EngineJobLabels.Stack}={EngineJobLabels.StackHash(request.StackName)}";
        foreach (var existing in (await jobs.ListJobsAsync(_namespace, stack, cancellationToken)).OrderBy(j => j.Metadata.CreationTimestamp))
        {
            if (IsRunOf(existing, request, operation))
            {
                Log.Adopting(logger, existing.Metadata.Name, request.StackName);
                return await FinishAsync(existing, operation, progress, Started(existing) ?? started, cancellationToken);
            }

            if (!Finished(existing))
            {
                Log.Waiting(logger, request.StackName, existing.Metadata.Name);
                await WaitAsync(existing, cancellationToken);
            }

            if (!SameGeneration(existing, request))
            {
                await jobs.DeleteJobAsync(_namespace, existing.Metadata.Name, cancellationToken);
            }
        }

        await WaitForPodsGoneAsync(stack, cancellationToken);
        var job = await StartAsync(request, operation, cancellationToken);
        return await FinishAsync(job, operation, progress, started, cancellationToken);
    }

    private async Task<V1Job> StartAsync(StackRequest request, EngineOperation operation, CancellationToken cancellationToken)
    {
        var engine = engineOptions.Value;
        var passphrase = engine.Passphrase ?? (engine.PassphraseFile is { } file ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim() : null);
        var name = EngineJobBuilder.NewName(request, operation);

        // Locks of this stack's earlier engine pods are stale: none of them runs now (checked above).
        // The pod runs with the size the Job was built with (its parallelism travels in the settings, not the request).
        var size = EngineJobResources.ForRun(request.Size, _options);
        var runRequest = request with { GoneLockHolders = [.. request.GoneLockHolders, EngineJobLabels.HostPrefix(request.StackName)], Size = null };
        var payload = new EngineJobPayload(operation, runRequest, new EngineJobSettings(
            _options.CliPath, engine.DefaultBackendUrl, engine.RunTimeout, engine.CancelGracePeriod, size.Parallel, engine.Environment, failureOptions.Value.Patterns));
        var created = await jobs.CreateJobAsync(EngineJobBuilder.Job(name, _namespace, request, operation, _options, engine, passphrase is not null), cancellationToken);
        try
        {
            await kubernetes.CreateAsync(EngineJobBuilder.Secret(created, EngineJobJson.SerializeToUtf8Bytes(payload), passphrase), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A Job without its Secret would wait for its volume until its deadline; no one would adopt it usefully.
            await jobs.DeleteJobAsync(_namespace, name, CancellationToken.None);
            throw;
        }

        Log.Started(logger, name, operation, request.StackName);
        return created;
    }

    /// <summary>Follows a Job to its end and reads its outcome; a consumed Job is deleted.</summary>
    private async Task<EngineRunResult> FinishAsync(V1Job job, EngineOperation operation, IProgress<EngineEvent>? progress, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var name = job.Metadata.Name;
        var pods = $"{EngineJobLabels.JobNameLabel}={name}";
        Task<EngineRunResult?>? follower = null;
        using var stopFollowing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            V1Job? current = job;
            V1Pod? pod = null;
            while (true)
            {
                current = await jobs.GetJobAsync(_namespace, name, cancellationToken);
                if (current is null || Finished(current))
                {
                    pod = (await jobs.ListPodsAsync(_namespace, pods, cancellationToken)).MaxBy(p => p.Metadata.CreationTimestamp);
                    break;
                }

                // Once its log is followed, the pod is looked at again only when the Job has ended.
                if (follower is null)
                {
                    pod = (await jobs.ListPodsAsync(_namespace, pods, cancellationToken)).MaxBy(p => p.Metadata.CreationTimestamp);
                }

                if (EngineJobOutcome.Stuck(pod, operation, started, time.GetUtcNow()) is { } stuck)
                {
                    await jobs.DeleteJobAsync(_namespace, name, cancellationToken);
                    return stuck;
                }

                if (follower is null && pod?.Status?.ContainerStatuses?.FirstOrDefault()?.State is { Running: not null } or { Terminated: not null })
                {
                    follower = FollowAsync(pod.Metadata.Name, progress, stopFollowing.Token);
                }

                await NextLookAsync(follower, _options.PollInterval, time, cancellationToken);
            }

            // A run that ended between two looks is read from its whole log (a finished container's log stays readable).
            if (follower is null && pod?.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Terminated is not null)
            {
                follower = FollowAsync(pod.Metadata.Name, progress, stopFollowing.Token);
            }

            EngineRunResult? reported = null;
            if (follower is not null)
            {
                try
                {
                    reported = await follower.WaitAsync(LogDrainTimeout, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    Log.LogFailed(logger, pod?.Metadata.Name ?? name, $"the log did not end within {LogDrainTimeout} of the Job's end");
                }
            }

            var result = EngineJobOutcome.Of(current, pod, reported, operation, started, time.GetUtcNow());
            await jobs.DeleteJobAsync(_namespace, name, cancellationToken);
            Log.Finished(logger, name, result.Outcome, result.Failure?.Class);
            return result;
        }
        finally
        {
            await stopFollowing.CancelAsync();
        }
    }

    /// <summary>Relays the pod's log as engine events; returns the result its last line carries, or null.</summary>
    private async Task<EngineRunResult?> FollowAsync(string pod, IProgress<EngineEvent>? progress, CancellationToken cancellationToken)
    {
        EngineRunResult? result = null;
        try
        {
            await foreach (var line in jobs.FollowLogAsync(_namespace, pod, EngineJobBuilder.Container, cancellationToken))
            {
                if (EngineJobJson.ParseResultLine(line) is { } reported)
                {
                    result = reported;
                }
                else if (line.StartsWith('{') && TryParse(line) is { } engineEvent)
                {
                    progress?.Report(engineEvent);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or k8s.Autorest.HttpOperationException or System.Text.Json.JsonException)
        {
            // Progress stops; the outcome still comes from the termination message.
            Log.LogFailed(logger, pod, e.Message);
        }

        return result;
    }

    private EngineEvent? TryParse(string line)
    {
        try
        {
            return EngineEventParser.Parse(line);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
        {
            Log.UnreadableLine(logger, e.Message);
            return null;
        }
    }

    /// <summary>Waits for another run of the stack to end (its outcome is for whoever started it, or for adoption).</summary>
    private async Task WaitAsync(V1Job job, CancellationToken cancellationToken)
    {
        while (await jobs.GetJobAsync(_namespace, job.Metadata.Name, cancellationToken) is { } current && !Finished(current))
        {
            await Task.Delay(_options.PollInterval, time, cancellationToken);
        }
    }

    /// <summary>Pods of deleted Jobs stop asynchronously (garbage collection, grace period); a new run waits for them.</summary>
    private async Task WaitForPodsGoneAsync(string stack, CancellationToken cancellationToken)
    {
        while ((await jobs.ListPodsAsync(_namespace, stack, cancellationToken)).Any(p => p.Status?.Phase is not ("Succeeded" or "Failed")))
        {
            await Task.Delay(_options.PollInterval, time, cancellationToken);
        }
    }

    /// <summary>
    /// Waits for the next look at a Job: the poll interval, or the followed log's end if that comes first. Only waits
    /// that end are registered on <paramref name="cancellationToken"/>: a never-ending delay in their place (as before
    /// 2026-11-30) stayed registered on the run's token for as long as that token lived, one per look without a log
    /// being followed, about two per run; 1,920 of them were live in an operator at rest after 1,000 runs.
    /// </summary>
    internal static async Task NextLookAsync(Task? follower, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        var poll = Task.Delay(interval, time, cancellationToken);
        await (follower is { IsCompleted: false } ? Task.WhenAny(follower, poll) : Task.WhenAny(poll));
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static bool IsRunOf(V1Job job, StackRequest request, EngineOperation operation) =>
        request.Owner is not null
        && Label(job, EngineJobLabels.Operation) == EngineJobLabels.OperationName(operation)
        && SameGeneration(job, request)
        && job.Metadata.DeletionTimestamp is null;

    private static bool SameGeneration(V1Job job, StackRequest request) =>
        request.Owner is { } owner
        && Label(job, EngineJobLabels.Uid) == owner.Uid
        && Label(job, EngineJobLabels.Generation) == owner.Generation.ToString(CultureInfo.InvariantCulture);

    private static string? Label(V1Job job, string key) => job.Metadata.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : null;

    private static bool Finished(V1Job job) =>
        job.Status?.Conditions?.Any(c => c.Type is "Complete" or "Failed" && c.Status == "True") == true;

    private static DateTimeOffset? Started(V1Job job) => job.Status?.StartTime is { } start ? new DateTimeOffset(start, TimeSpan.Zero) : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Started engine Job {Job} ({Operation}) for stack {Stack}")]
        public static partial void Started(ILogger logger, string job, EngineOperation operation, string stack);

        [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Adopting engine Job {Job} of stack {Stack}, started by an earlier leader")]
        public static partial void Adopting(ILogger logger, string job, string stack);

        [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Stack {Stack} waits for its running engine Job {Job} to end")]
        public static partial void Waiting(ILogger logger, string stack, string job);

        [LoggerMessage(EventId = 403, Level = LogLevel.Information, Message = "Engine Job {Job} ended {Outcome} ({FailureClass})")]
        public static partial void Finished(ILogger logger, string job, EngineOutcome outcome, string? failureClass);

        [LoggerMessage(EventId = 404, Level = LogLevel.Warning, Message = "Following the log of engine pod {Pod} failed; progress stops, the outcome is read when it ends: {Problem}")]
        public static partial void LogFailed(ILogger logger, string pod, string problem);

        [LoggerMessage(EventId = 405, Level = LogLevel.Debug, Message = "An engine log line is not an event: {Problem}")]
        public static partial void UnreadableLine(ILogger logger, string problem);
    }
}
