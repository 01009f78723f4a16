using System.Threading.Channels;
using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Operator.Environments.Progress;

/// <summary>
/// Receives one run's engine events (as the engine's <see cref="IProgress{T}"/>) and publishes progress at a bounded
/// rate: at most one write per <see cref="ProgressOptions.StatusWriteInterval"/> (the write that started the run
/// counts), a change arriving early is written when the interval is up (never lost, never sooner), and a step in
/// flight with nothing else happening is written again after the heartbeat so the elapsed time stays current.
/// Milestones are published as they happen. A failed write is logged and the next one carries the newer state;
/// it never stops the run. Complete, then await <see cref="RunAsync"/>: pending progress is left to the final write.
/// </summary>
internal sealed partial class ProgressReporter : IProgress<EngineEvent>
{
    private readonly Channel<EngineEvent> _events = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly RunProgress _progress;
    private readonly StatusWriteThrottle _throttle;
    private readonly TimeSpan _heartbeat;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DateTimeOffset _lastWrite;
    private long _applied;

    public ProgressReporter(RunProgress progress, ProgressOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(options);
        _progress = progress;
        _throttle = new StatusWriteThrottle(options.StatusWriteInterval);
        _heartbeat = options.HeartbeatInterval;
        _time = time;
        _logger = logger;
        _lastWrite = progress.Started;
        _throttle.Written(progress.Started);
    }

    public RunProgress Progress => _progress;

    /// <summary>Progress writes made (for logs and tests).</summary>
    public int Writes { get; private set; }

    /// <summary>Events applied so far, so tests can wait until the reporter has caught up.</summary>
    internal long Applied => Interlocked.Read(ref _applied);

    public void Report(EngineEvent value) => _events.Writer.TryWrite(value);

    /// <summary>No more events: <see cref="RunAsync"/> applies what is queued and returns.</summary>
    public void Complete() => _events.Writer.TryComplete();

    public async Task RunAsync(
        Func<RunProgressSnapshot, CancellationToken, Task> publish,
        Func<RunMilestone, CancellationToken, Task> milestone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentNullException.ThrowIfNull(milestone);
        var reader = _events.Reader;
        var dirty = false;
        while (true)
        {
            while (reader.TryRead(out var engineEvent))
            {
                foreach (var reached in _progress.Apply(engineEvent, _time.GetUtcNow()))
                {
                    await GuardAsync(() => milestone(reached, cancellationToken), "milestone", cancellationToken);
                }

                dirty |= engineEvent.Payload is ResourcePreEvent { Planning: false } or ResOutputsEvent { Planning: false } or ResOpFailedEvent;
                Interlocked.Increment(ref _applied);
            }

            if (reader.Completion.IsCompleted)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var due = dirty ? _throttle.Wait(now) : _lastWrite + _heartbeat - now;
            if (due <= TimeSpan.Zero && (dirty || _progress.Snapshot(now).Components.Any(c => c.InFlight.Count > 0)))
            {
                var snapshot = _progress.Snapshot(now);
                await GuardAsync(() => publish(snapshot, cancellationToken), "progress", cancellationToken);
                _throttle.Written(now);
                _lastWrite = now;
                Writes++;
                dirty = false;
                continue;
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var more = reader.WaitToReadAsync(wake.Token).AsTask();
            var timer = Task.Delay(due > TimeSpan.Zero ? due : _heartbeat, _time, wake.Token);
            await Task.WhenAny(more, timer);
            await wake.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task GuardAsync(Func<Task> write, string what, CancellationToken cancellationToken)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.WriteFailed(_logger, what, e.GetType().Name, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Writing run {What} failed ({Error}: {Detail}); the next write carries the newer state")]
        public static partial void WriteFailed(ILogger logger, string what, string error, string detail);
    }
}
