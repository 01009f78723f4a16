using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Metrics;
using Prometheus;

namespace DataPlatform.Operator.Tests.Metrics;

public sealed class OperatorMetricsTests
{
    [Fact]
    public async Task Exposition_carries_every_metric_with_its_labels()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        metrics.ReconcileCompleted("success", TimeSpan.FromMilliseconds(20));
        metrics.ReconcileCompleted("requeue", TimeSpan.FromSeconds(2));
        metrics.EngineRunCompleted("up", "succeeded", TimeSpan.FromMinutes(3));
        metrics.QueueDepth(7);
        metrics.EnvironmentsByPhase(new Dictionary<string, int> { ["Ready"] = 3, ["Failed"] = 1 });

        var text = await ExpositionAsync(metrics.Registry);

        Assert.Contains("dataplatform_reconciles_total{result=\"success\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("dataplatform_reconciles_total{result=\"requeue\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("dataplatform_engine_runs_total{operation=\"up\",result=\"succeeded\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("dataplatform_workqueue_depth 7", text, StringComparison.Ordinal);
        Assert.Contains("dataplatform_environments{phase=\"Ready\"} 3", text, StringComparison.Ordinal);
        Assert.Contains("dataplatform_environments{phase=\"Pending\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("dataplatform_reconcile_duration_seconds_count{result=\"requeue\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Environments_are_counted_by_phase_with_no_status_yet_as_pending()
    {
        V1Alpha1DataPlatformEnvironment Environment(EnvironmentPhase? phase) => new() { Status = phase is null ? null : new() { Phase = phase } };

        var counts = EnvironmentPhaseMetrics.Count([Environment(null), Environment(EnvironmentPhase.Ready), Environment(EnvironmentPhase.Ready), Environment(EnvironmentPhase.Failed)]);

        Assert.Equal(new Dictionary<string, int> { ["Pending"] = 1, ["Ready"] = 2, ["Failed"] = 1 }, counts);
    }

    private static async Task<string> ExpositionAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
