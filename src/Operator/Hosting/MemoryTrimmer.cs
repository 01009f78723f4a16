using System.Diagnostics;
using DataPlatform.Operator.Metrics;
using DataPlatform.Operator.Runtime;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Hosting;

/// <summary>
/// Gives back what a busy period left behind. Starting engine runs (validating, building and packing programs,
/// creating Jobs) and following them makes the operator allocate; when that stops the runtime keeps the memory it used
/// committed: an operator at rest after applying 1,000 environments in Job mode held 162.8 MiB, and 138.7 MiB once
/// trimmed (BENCHMARKS.md). Every <see cref="OperatorOptions.MemoryTrimInterval"/> it looks at what happened since its
/// last trim: engine runs started or ended, or a cache dropped what it held (<see cref="OperatorMetrics.CacheReleased"/>).
/// If something did, the heap is compacted in the GC's aggressive mode (it decommits what is free) and glibc's arenas
/// are trimmed: at once when no engine run is in flight; with runs in flight once a whole interval passed in which
/// none started or ended (runs of 15 to 25 minutes are then only followed, and the burst of starting them is over), or
/// when <see cref="BusyTrimEvery"/> looks passed without a trim (a large fleet always has drift checks starting and
/// ending). No-op reconciles (a resync) do not count: they allocate little and end in a millisecond. At rest nothing
/// happens, so nothing is done; a trim costs one blocking full GC of a heap of tens of MiB.
/// </summary>
internal sealed partial class MemoryTrimmer(
    OperatorMetrics metrics,
    IOptions<OperatorOptions> options,
    TimeProvider time,
    ILogger<MemoryTrimmer> logger) : BackgroundService
{
    /// <summary>Looks after which a trim is due even while engine runs keep starting or ending.</summary>
    internal const int BusyTrimEvery = 10;

    private long _activityAtLastTrim;
    private long _activityAtLastLook;
    private int _looksSinceTrim;

    /// <summary>After each look, with whether it trimmed (tests wait on it).</summary>
    internal event Action<bool>? Looked;

    // Made with the service, so the first interval counts from start-up whenever ExecuteAsync gets to run.
    private readonly PeriodicTimer? _timer = options.Value.MemoryTrimInterval == TimeSpan.Zero ? null : new PeriodicTimer(options.Value.MemoryTrimInterval, time);

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null)
        {
            return;
        }

        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                // Not Looked?.Invoke(TrimIfDue()): with nobody listening that skips the call itself, and the operator never trimmed.
                var trimmed = TrimIfDue();
                Looked?.Invoke(trimmed);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Trims when engine runs started or ended (or a cache was released) since the last trim, and either none is in
    /// flight, or none started or ended since the previous look, or <see cref="BusyTrimEvery"/> looks passed since the
    /// last trim; returns whether it did.
    /// </summary>
    internal bool TrimIfDue()
    {
        var activity = metrics.EngineRunsStarted + metrics.EngineRunsEnded + metrics.CachesReleased;
        var quiet = activity == _activityAtLastLook;
        _activityAtLastLook = activity;
        _looksSinceTrim++;
        if (activity == _activityAtLastTrim || (metrics.EngineRunsInFlight > 0 && !quiet && _looksSinceTrim < BusyTrimEvery))
        {
            return false;
        }

        _activityAtLastTrim = activity;
        _looksSinceTrim = 0;
        var rssBefore = Rss();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var clock = Stopwatch.StartNew();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var native = NativeHeap.Trim();
        var milliseconds = clock.ElapsedMilliseconds;
        metrics.MemoryTrimmed();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: false);
        var rssAfter = Rss();
        Log.Trimmed(logger, heapBefore >> 10, heapAfter >> 10, rssBefore >> 10, rssAfter >> 10, native, milliseconds);
        return true;
    }

    private static long Rss()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 710, Level = LogLevel.Debug, Message = "Memory trimmed after engine runs started or ended or a cache was released: heap {HeapBeforeKiB} -> {HeapAfterKiB} KiB, resident {RssBeforeKiB} -> {RssAfterKiB} KiB (native arenas trimmed: {Native}) in {Milliseconds} ms")]
        public static partial void Trimmed(ILogger logger, long heapBeforeKiB, long heapAfterKiB, long rssBeforeKiB, long rssAfterKiB, bool native, long milliseconds);
    }
}
