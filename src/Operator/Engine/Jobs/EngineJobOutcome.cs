using System.Text.Json;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Failures;
using k8s.Models;

namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>
/// Turns what a finished (or stuck) engine Job left into an <see cref="EngineRunResult"/>: the result the run
/// reported (its last log line, else its termination message) when there is one; otherwise the way the pod or Job
/// ended, classified: out of memory, deadline exceeded, evicted and lost pods are transient; an image that cannot
/// be pulled is transient (registries fail) unless its name is invalid (terminal, a setting to fix).
/// </summary>
internal static class EngineJobOutcome
{
    public const string OutOfMemory = "EngineOutOfMemory";
    public const string DeadlineExceeded = "TimedOut";
    public const string Evicted = "EnginePodEvicted";
    public const string ImageUnavailable = "EngineImageUnavailable";
    public const string JobLost = "EngineJobLost";
    public const string Crash = "EngineCrash";

    private static readonly HashSet<string> PullFailures = new(StringComparer.Ordinal) { "ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull" };

    /// <summary>A pod that cannot start (its image cannot be pulled), as a failed run; null while it may still start.</summary>
    public static EngineRunResult? Stuck(V1Pod? pod, EngineOperation operation, DateTimeOffset started, DateTimeOffset now)
    {
        var waiting = pod?.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting;
        if (waiting?.Reason is not { } reason || !PullFailures.Contains(reason))
        {
            return null;
        }

        var image = pod!.Spec?.Containers?.FirstOrDefault()?.Image;
        var terminal = reason is "InvalidImageName" or "ErrImageNeverPull";
        return Failed(operation, started, now, new Failure(ImageUnavailable, terminal ? FailureOutcome.Terminal : FailureOutcome.Transient, null, null,
            $"The engine pod cannot pull its image {image} ({reason}: {waiting.Message}); {(terminal ? "fix Engine:Job:Image" : "it is retried")}."));
    }

    public static EngineRunResult Of(V1Job? job, V1Pod? pod, EngineRunResult? reported, EngineOperation operation, DateTimeOffset started, DateTimeOffset now)
    {
        var name = job?.Metadata?.Name ?? pod?.Metadata?.Name ?? "?";
        var failed = job?.Status?.Conditions?.FirstOrDefault(c => c.Type == "Failed" && c.Status == "True");
        var terminated = pod?.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Terminated;
        reported ??= terminated?.Message is { Length: > 0 } message ? Parse(message) : null;
        if (reported is not null)
        {
            // Stopped at the Job's deadline, the run reports itself cancelled (SIGTERM); it timed out, and its recoveries stand.
            return failed?.Reason == "DeadlineExceeded" && reported.Outcome == EngineOutcome.Cancelled
                ? DeadlinePassed(job!, name, operation, started, now) with { Recoveries = reported.Recoveries }
                : reported;
        }

        if (terminated?.Reason == "OOMKilled")
        {
            var limit = pod!.Spec?.Containers?.FirstOrDefault()?.Resources?.Limits?.TryGetValue("memory", out var l) == true ? l.ToString() : "none";
            return Failed(operation, started, now, new Failure(OutOfMemory, FailureOutcome.Transient, null, null,
                $"The engine pod of Job {name} ran out of memory (limit {limit}) during {Name(operation)} and was killed; it is retried. If it repeats, raise Engine:Job:MemoryLimit or lower Engine:Job:Parallel."));
        }

        if (failed?.Reason == "DeadlineExceeded")
        {
            return DeadlinePassed(job!, name, operation, started, now);
        }

        if (pod?.Status?.Reason == "Evicted" || failed?.Message?.Contains("evict", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Failed(operation, started, now, new Failure(Evicted, FailureOutcome.Transient, null, null,
                $"The engine pod of Job {name} was evicted ({pod?.Status?.Message ?? failed?.Message}); it is retried and its lock recovered."));
        }

        if (terminated is not null)
        {
            return Failed(operation, started, now, new Failure(Crash, FailureOutcome.Transient, null, null,
                $"The engine pod of Job {name} exited with code {terminated.ExitCode} ({terminated.Reason}) before the {Name(operation)} finished, without an outcome; the next run recovers its lock."));
        }

        return Failed(operation, started, now, new Failure(JobLost, FailureOutcome.Transient, null, null, job is null
            ? $"The engine Job {name} was deleted before the {Name(operation)} finished; the next run recovers its lock."
            : $"The engine pod of Job {name} is gone before the {Name(operation)} finished ({failed?.Reason ?? "no pod"}: {failed?.Message}); the next run recovers its lock."));
    }

    /// <summary>The result in a termination message, or null when the message is not one (a crash printed something else).</summary>
    public static EngineRunResult? Parse(string message)
    {
        try
        {
            return EngineJobJson.Deserialize<EngineRunResult>(message);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static EngineRunResult DeadlinePassed(V1Job job, string name, EngineOperation operation, DateTimeOffset started, DateTimeOffset now) =>
        new(operation, EngineOutcome.TimedOut, new Dictionary<string, int>(), new Failure(DeadlineExceeded, FailureOutcome.Transient, null, null,
            $"The {Name(operation)} Job {name} passed its deadline ({job.Spec?.ActiveDeadlineSeconds} s) and was stopped; the next run recovers its lock."), [], started, now);

    private static string Name(EngineOperation operation) => EngineJobLabels.OperationName(operation);

    private static EngineRunResult Failed(EngineOperation operation, DateTimeOffset started, DateTimeOffset now, Failure failure) =>
        new(operation, EngineOutcome.Failed, new Dictionary<string, int>(), failure, [], started, now);
}
