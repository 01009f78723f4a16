using System.Diagnostics;
using DataPlatform.Operator.Metrics;
using DataPlatform.Operator.Runtime;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Hosting;

/// <summary>
/// Gives back what a busy period left behind. Engine runs make the operator follow logs, hold progress and open
/// connections; when they end the runtime keeps the memory they used committed: an operator at rest after
/// applying 1,000 environments in Job mode held 162.8 MiB, and 138.7 MiB once trimmed (BENCHMARKS.md). Every <see cref="OperatorOptions.MemoryTrimInterval"/>,
/// if engine runs ended since the last trim (or a cache dropped what it held, <see cref="OperatorMetrics.CacheReleased"/>)
/// and none is in flight, the heap is compacted in the GC's aggressive mode
/// (it decommits what is free) and glibc's arenas are trimmed. No-op reconciles (a resync) do not hold it back: they
/// allocate little and end in a millisecond. A large fleet always has some drift check running, so while runs keep
/// ending the operator also trims when <see cref="BusyTrimEvery"/> looks passed without one. At rest nothing ends, so
/// nothing is done; a trim costs one blocking full GC of a heap of tens of MiB.
/// </summary>
internal sealed partial class MemoryTrimmer(
    OperatorMetrics metrics,
    IOptions<OperatorOptions> options,
    TimeProvider time,
    ILogger<MemoryTrimmer> logger) : BackgroundService
{
    /// <summary>Looks after which a trim is due even with engine runs in flight, if runs ended meanwhile.</summary>
    internal const int BusyTrimEvery = 10;

    private long _runsAtLastTrim;
    private long _releasesAtLastTrim;
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
    /// Trims when engine runs ended (or a cache was released) since the last trim and none is in flight, or when that
    /// holds and <see cref="BusyTrimEvery"/> looks passed since the last trim; returns whether it did.
    /// </summary>
    internal bool TrimIfDue()
    {
        var runs = metrics.EngineRunsEnded;
        var releases = metrics.CachesReleased;
        _looksSinceTrim++;
        if ((runs == _runsAtLastTrim && releases == _releasesAtLastTrim) || (metrics.EngineRunsInFlight > 0 && _looksSinceTrim < BusyTrimEvery))
        {
            return false;
        }

        _runsAtLastTrim = runs;
        _releasesAtLastTrim = releases;
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
        [LoggerMessage(EventId = 710, Level = LogLevel.Debug, Message = "Memory trimmed after engine runs or a released cache: heap {HeapBeforeKiB} -> {HeapAfterKiB} KiB, resident {RssBeforeKiB} -> {RssAfterKiB} KiB (native arenas trimmed: {Native}) in {Milliseconds} ms")]
        public static partial void Trimmed(ILogger logger, long heapBeforeKiB, long heapAfterKiB, long rssBeforeKiB, long rssAfterKiB, bool native, long milliseconds);
    }
}
