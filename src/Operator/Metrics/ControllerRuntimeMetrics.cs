using System.Collections.Concurrent;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Queue;
using Prometheus;

namespace DataPlatform.Operator.Metrics;

/// <summary>
/// controller-runtime's metric families with its names and labels, so its dashboards and alerts work unchanged:
/// controller_runtime_reconcile_total{controller,result}, controller_runtime_reconcile_errors_total{controller},
/// controller_runtime_reconcile_time_seconds{controller}, controller_runtime_active_workers{controller},
/// controller_runtime_max_concurrent_reconciles{controller}, client-go's workqueue_*{name} and
/// leader_election_master_status{name}.
/// </summary>
internal sealed class ControllerRuntimeMetrics : IControllerObserver
{
    private readonly Counter _reconciles;
    private readonly Counter _errors;
    private readonly Histogram _reconcileTime;
    private readonly Gauge _activeWorkers;
    private readonly Gauge _maxWorkers;
    private readonly Gauge _leader;
    private readonly WorkQueueFamilies _queueFamilies;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, WorkQueueMetrics> _queues = new(StringComparer.Ordinal);

    public ControllerRuntimeMetrics(IMetricFactory factory, CollectorRegistry registry, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(registry);
        _time = time;
        _reconciles = factory.CreateCounter("controller_runtime_reconcile_total", "Total number of reconciliations per controller.", ["controller", "result"]);
        _errors = factory.CreateCounter("controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller.", ["controller"]);
        _reconcileTime = factory.CreateHistogram(
            "controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller.",
            new HistogramConfiguration { LabelNames = ["controller"], Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800, 3600, 7200] });
        _activeWorkers = factory.CreateGauge("controller_runtime_active_workers", "Number of currently used workers per controller.", ["controller"]);
        _maxWorkers = factory.CreateGauge("controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller.", ["controller"]);
        _leader = factory.CreateGauge("leader_election_master_status", "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master.", ["name"]);
        _queueFamilies = new WorkQueueFamilies(factory);
        registry.AddBeforeCollectCallback(() =>
        {
            foreach (var queue in _queues.Values)
            {
                queue.UpdateUnfinishedWork();
            }
        });
    }

    public IWorkQueueObserver Queue(string name) => _queues.GetOrAdd(name, n => new WorkQueueMetrics(n, _queueFamilies, _time));

    public void WorkersStarted(string controller, int workers)
    {
        _maxWorkers.WithLabels(controller).Set(workers);
        _activeWorkers.WithLabels(controller).Set(0);
        foreach (var result in Enum.GetValues<ReconcileResult>())
        {
            _reconciles.WithLabels(controller, Label(result));
        }

        _errors.WithLabels(controller);
    }

    public void ReconcileStarted(string controller) => _activeWorkers.WithLabels(controller).Inc();

    public void ReconcileFinished(string controller, ReconcileResult result, TimeSpan duration)
    {
        _activeWorkers.WithLabels(controller).Dec();
        _reconciles.WithLabels(controller, Label(result)).Inc();
        if (result == ReconcileResult.Error)
        {
            _errors.WithLabels(controller).Inc();
        }

        _reconcileTime.WithLabels(controller).Observe(duration.TotalSeconds);
    }

    public void LeadershipChanged(string lease, bool leading) => _leader.WithLabels(lease).Set(leading ? 1 : 0);

    private static string Label(ReconcileResult result) => result switch
    {
        ReconcileResult.Success => "success",
        ReconcileResult.Error => "error",
        ReconcileResult.Requeue => "requeue",
        ReconcileResult.RequeueAfter => "requeue_after",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "unknown reconcile result"),
    };
}
