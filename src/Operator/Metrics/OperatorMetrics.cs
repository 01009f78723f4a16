using Prometheus;

namespace DataPlatform.Operator.Metrics;

/// <summary>
/// The operator's Prometheus metrics, served on /metrics: controller-runtime's families (<see cref="Runtime"/>),
/// the webhook's (<see cref="Webhook"/>), and ours: engine runs by operation and outcome with their duration (runs
/// last up to hours), environments by phase and by condition. One registry per instance so tests can read their own.
/// </summary>
internal sealed class OperatorMetrics
{
    /// <summary>Engine run durations: a preview takes seconds, a first create of this stack 15 to 25 minutes, the run timeout is hours.</summary>
    public static readonly double[] EngineRunBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800];

    private static readonly string[] ConditionStatuses = ["True", "False", "Unknown"];
    private static readonly string[] ConditionTypes = ["Ready", "Reconciling", "Stalled"];
    private readonly Counter _engineRuns;
    private readonly Histogram _engineRunDuration;
    private readonly Gauge _environments;
    private readonly Gauge _conditions;
    private readonly Counter _memoryTrims;
    private readonly Gauge _engineRunsInFlight;
    private long _engineRunsEnded;
    private long _engineRunsStarted;
    private long _engineRunsInFlightCount;
    private long _cachesReleased;

    public OperatorMetrics(CollectorRegistry registry, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Runtime = new ControllerRuntimeMetrics(factory, registry, time ?? TimeProvider.System);
        Webhook = new WebhookMetrics(factory);
        _engineRuns = factory.CreateCounter(
            "dataplatform_engine_runs_total", "Pulumi engine runs by operation (up, preview, refresh, destroy) and outcome (succeeded, failed, cancelled, timedout).", "operation", "result");
        _engineRunDuration = factory.CreateHistogram(
            "dataplatform_engine_run_duration_seconds", "Duration of one engine run, by operation.",
            new HistogramConfiguration { LabelNames = ["operation"], Buckets = EngineRunBuckets });
        _environments = factory.CreateGauge(
            "dataplatform_environments", "DataPlatformEnvironments known to this operator (the leader), by status.phase.", "phase");
        _conditions = factory.CreateGauge(
            "dataplatform_environment_conditions", "DataPlatformEnvironments known to this operator (the leader), by condition type and status.", "type", "status");
        _memoryTrims = factory.CreateCounter(
            "dataplatform_memory_trims_total", "Times the operator compacted its heap and returned free memory to the system after engine runs started or ended.");
        _engineRunsInFlight = factory.CreateGauge(
            "dataplatform_engine_runs_in_flight", "Engine runs this operator has started or adopted and not yet seen end.");
    }

    public CollectorRegistry Registry { get; }

    public ControllerRuntimeMetrics Runtime { get; }

    public WebhookMetrics Webhook { get; }

    /// <summary>Engine runs ended since start, whatever their outcome.</summary>
    public long EngineRunsEnded => Interlocked.Read(ref _engineRunsEnded);

    /// <summary>Engine runs started or adopted since start.</summary>
    public long EngineRunsStarted => Interlocked.Read(ref _engineRunsStarted);

    /// <summary>Engine runs started or adopted and not yet ended.</summary>
    public long EngineRunsInFlight => Interlocked.Read(ref _engineRunsInFlightCount);

    /// <summary>Trims since start (<c>dataplatform_memory_trims_total</c>).</summary>
    public long MemoryTrims => (long)_memoryTrims.Value;

    public void MemoryTrimmed() => _memoryTrims.Inc();

    /// <summary>Times a cache dropped what it held (the name claims once idle), so the memory it used is worth giving back.</summary>
    public long CachesReleased => Interlocked.Read(ref _cachesReleased);

    public void CacheReleased() => Interlocked.Increment(ref _cachesReleased);

    /// <summary>Counts one engine run in flight until the returned scope is disposed, whatever way the run ends.</summary>
    public IDisposable EngineRunInFlight()
    {
        Interlocked.Increment(ref _engineRunsStarted);
        _engineRunsInFlight.Set(Interlocked.Increment(ref _engineRunsInFlightCount));
        return new InFlight(this);
    }

    public void EngineRunCompleted(string operation, string result, TimeSpan duration)
    {
        Interlocked.Increment(ref _engineRunsEnded);
        _engineRuns.WithLabels(operation, result).Inc();
        _engineRunDuration.WithLabels(operation).Observe(duration.TotalSeconds);
    }

    /// <summary>Replaces the per-phase counts; phases absent from <paramref name="counts"/> drop to zero.</summary>
    public void EnvironmentsByPhase(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var phase in Enum.GetNames<Entities.Status.EnvironmentPhase>())
        {
            _environments.WithLabels(phase).Set(counts.GetValueOrDefault(phase));
        }
    }

    /// <summary>Replaces the counts per (condition type, status); pairs absent from <paramref name="counts"/> drop to zero.</summary>
    public void EnvironmentsByCondition(IReadOnlyDictionary<(string Type, string Status), int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var type in ConditionTypes.Concat(counts.Keys.Select(k => k.Type)).Distinct(StringComparer.Ordinal))
        {
            foreach (var status in ConditionStatuses)
            {
                _conditions.WithLabels(type, status).Set(counts.GetValueOrDefault((type, status)));
            }
        }
    }

    private sealed class InFlight(OperatorMetrics metrics) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                metrics._engineRunsInFlight.Set(Interlocked.Decrement(ref metrics._engineRunsInFlightCount));
            }
        }
    }
}
