using DataPlatform.Entities.Status;
using DataPlatform.Stack.Failures;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Engine.Events;

/// <summary>
/// Aggregates one run's engine events into per-component progress: resources done of total, the steps in flight,
/// the resources that failed with their classified AWS error, and the milestones (database, cache available) of
/// an update. Planning events (previews) change nothing: a plan is not progress. Not thread-safe: one reader
/// applies events in order, as the event log delivers them.
/// </summary>
public sealed class RunProgress
{
    private readonly ComponentMap _map;
    private readonly IReadOnlyList<string> _secrets;
    private readonly FailureClassifier _classifier;
    private readonly Dictionary<PlatformComponent, Track> _tracks;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public RunProgress(ComponentMap map, EngineOperation operation, DateTimeOffset started, IEnumerable<string> secrets, FailureClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(secrets);
        _map = map;
        _secrets = secrets.ToList();
        _classifier = classifier ?? FailureClassifier.Default;
        _tracks = map.Totals.ToDictionary(t => t.Key, t => new Track(t.Value));
        Operation = operation;
        Started = started;
    }

    public EngineOperation Operation { get; }

    public DateTimeOffset Started { get; }

    /// <summary>Applies one event; returns the milestones it completes (at most one per component and run).</summary>
    public IReadOnlyList<RunMilestone> Apply(EngineEvent engineEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(engineEvent);
        switch (engineEvent.Payload)
        {
            case ResourcePreEvent { Planning: false } pre when TrackOf(pre.Metadata) is { } track:
                track.InFlight[pre.Metadata.Name] = (pre.Metadata.Op, When(engineEvent, now));
                break;
            case ResOutputsEvent { Planning: false } outputs when TrackOf(outputs.Metadata) is { } track:
                track.InFlight.Remove(outputs.Metadata.Name);
                track.Done.Add(outputs.Metadata.Name);
                track.Changed += outputs.Metadata.Op is "same" or "read" or "refresh" ? 0 : 1;
                return Milestone(_map.Of(outputs.Metadata)!.Value, track, now);
            case ResOpFailedEvent failed when TrackOf(failed.Metadata) is { } track:
                track.InFlight.Remove(failed.Metadata.Name);
                track.Failures.Add(failed.Metadata.Name);
                break;
            case DiagnosticEvent { IsError: true, Urn: { } urn } error:
                _errors[urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..]] = error.Message;
                break;
            default:
                break;
        }

        return [];
    }

    /// <summary>The progress while the run goes on.</summary>
    public RunProgressSnapshot Snapshot(DateTimeOffset now) => Build(now, (component, track) => Live(component, track, now));

    /// <summary>
    /// The progress once the run has ended. A successful update leaves every component Ready; otherwise a component
    /// with a failed resource is Failed, one whose resources all finished is Ready, and the rest were not reached
    /// (Pending), with a message that says what stopped the run.
    /// </summary>
    public RunProgressSnapshot Final(EngineRunResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded && Operation == EngineOperation.Up)
        {
            return Build(now, (component, track) => new ComponentProgress(component, ComponentState.Ready, track.Total, track.Total, [], null, null, null));
        }

        var stoppedBy = _tracks.Where(t => t.Value.Failures.Count > 0).Select(t => t.Key.Name()).ToList();
        var why = stoppedBy.Count > 0
            ? $"Not reached: the run stopped when {string.Join(" and ", stoppedBy)} failed."
            : $"Not reached: {result.Failure?.Message ?? $"the run ended {result.Outcome}."}";
        return Build(now, (component, track) => track switch
        {
            { Failures.Count: > 0 } => FailedComponent(component, track, result.Failure),
            _ when track.Done.Count >= track.Total => new ComponentProgress(component, ComponentState.Ready, track.Done.Count, track.Total, [], null, null, null),
            _ => new ComponentProgress(component, ComponentState.Pending, track.Done.Count, track.Total, [], null, null, why),
        });
    }

    private RunProgressSnapshot Build(DateTimeOffset now, Func<PlatformComponent, Track, ComponentProgress> component)
    {
        var components = Enum.GetValues<PlatformComponent>().Where(_tracks.ContainsKey).Select(c => component(c, _tracks[c])).ToList();
        return new RunProgressSnapshot(Operation, Started, now - Started, components.Sum(c => c.Done), components.Sum(c => c.Total), components);
    }

    private ComponentProgress Live(PlatformComponent component, Track track, DateTimeOffset now)
    {
        if (track.Failures.Count > 0)
        {
            return FailedComponent(component, track, null);
        }

        var inFlight = track.InFlight.OrderBy(f => f.Value.Since).Select(f => $"{f.Value.Op} {f.Key} ({Durations.Brief(now - f.Value.Since)})").ToList();
        var state = track switch
        {
            { InFlight.Count: > 0 } => ComponentState.InProgress,
            _ when track.Done.Count >= track.Total => ComponentState.Ready,
            { Done.Count: > 0 } => ComponentState.InProgress,
            _ => ComponentState.Pending,
        };
        return new ComponentProgress(component, state, track.Done.Count, track.Total, inFlight, null, null, null);
    }

    private ComponentProgress FailedComponent(PlatformComponent component, Track track, Failure? runFailure)
    {
        var resource = track.Failures[0];
        var failure = _errors.TryGetValue(resource, out var text) ? _classifier.Classify([text], _secrets) : runFailure;
        var message = failure is null ? "The engine reported that the step failed, without an error message." : AwsErrorText.Brief(failure.Message);
        return new ComponentProgress(component, ComponentState.Failed, track.Done.Count, track.Total, [], resource, failure?.Class ?? Failure.UnknownClass, message);
    }

    /// <summary>When the CLI says the event happened (Unix seconds), or when it was read if the log has no time.</summary>
    private static DateTimeOffset When(EngineEvent engineEvent, DateTimeOffset now) =>
        engineEvent.Timestamp > 0 && DateTimeOffset.FromUnixTimeSeconds(engineEvent.Timestamp) is var at && at < now ? at : now;

    private Track? TrackOf(StepMetadata step) => _map.Of(step) is { } component ? _tracks[component] : null;

    private List<RunMilestone> Milestone(PlatformComponent component, Track track, DateTimeOffset now)
    {
        MilestoneReason? reason = component switch
        {
            PlatformComponent.Database => MilestoneReason.DatabaseAvailable,
            PlatformComponent.Cache => MilestoneReason.CacheAvailable,
            _ => null,
        };
        if (reason is null || Operation != EngineOperation.Up || track.Announced || track.Changed == 0 || track.Failures.Count > 0 || track.Done.Count < track.Total)
        {
            return [];
        }

        track.Announced = true;
        return [new RunMilestone(reason.Value, component,
            $"The {component.Name()} is available: its {track.Total} resources are deployed ({track.Changed} created or changed) {Durations.Brief(now - Started)} into the update.")];
    }

    private sealed class Track(int total)
    {
        public int Total { get; } = total;

        public HashSet<string> Done { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (string Op, DateTimeOffset Since)> InFlight { get; } = new(StringComparer.Ordinal);

        public List<string> Failures { get; } = [];

        public int Changed { get; set; }

        public bool Announced { get; set; }
    }
}
