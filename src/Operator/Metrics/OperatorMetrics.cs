using Prometheus;

namespace DataPlatform.Operator.Metrics;

/// <summary>
/// The operator's Prometheus metrics, served on /metrics: reconciles by result and duration, queue depth, engine
/// runs by operation and result, environments by phase. One registry per instance so tests can read their own.
/// </summary>
internal sealed class OperatorMetrics
{
    private readonly Counter _reconciles;
    private readonly Histogram _reconcileDuration;
    private readonly Gauge _queueDepth;
    private readonly Counter _engineRuns;
    private readonly Histogram _engineRunDuration;
    private readonly Gauge _environments;

    public OperatorMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _reconciles = factory.CreateCounter(
            "dataplatform_reconciles_total", "Reconciles of DataPlatformEnvironments by result (success, requeue, error).", "result");
        _reconcileDuration = factory.CreateHistogram(
            "dataplatform_reconcile_duration_seconds", "Time spent in one reconcile, engine runs included.",
            new HistogramConfiguration { LabelNames = ["result"], Buckets = Histogram.ExponentialBuckets(0.005, 4, 10) });
        _queueDepth = factory.CreateGauge("dataplatform_workqueue_depth", "Keys waiting in the work queue.");
        _engineRuns = factory.CreateCounter(
            "dataplatform_engine_runs_total", "Pulumi engine runs by operation (up, preview, refresh, destroy) and result.", "operation", "result");
        _engineRunDuration = factory.CreateHistogram(
            "dataplatform_engine_run_duration_seconds", "Duration of one engine run.",
            new HistogramConfiguration { LabelNames = ["operation"], Buckets = Histogram.ExponentialBuckets(1, 2, 12) });
        _environments = factory.CreateGauge(
            "dataplatform_environments", "DataPlatformEnvironments known to this operator, by status.phase.", "phase");
    }

    public CollectorRegistry Registry { get; }

    public void ReconcileCompleted(string result, TimeSpan duration)
    {
        _reconciles.WithLabels(result).Inc();
        _reconcileDuration.WithLabels(result).Observe(duration.TotalSeconds);
    }

    public void QueueDepth(int depth) => _queueDepth.Set(depth);

    public void EngineRunCompleted(string operation, string result, TimeSpan duration)
    {
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
}
