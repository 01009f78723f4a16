using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Metrics;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Queue;
using DataPlatform.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace DataPlatform.Operator.Tests.Metrics;

public sealed class OperatorMetricsTests
{
    [Fact]
    public async Task Reconciles_are_counted_with_controller_runtime_names_and_labels()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var runtime = metrics.Runtime;
        runtime.WorkersStarted("dataplatformenvironment", 8);
        runtime.ReconcileStarted("dataplatformenvironment");
        runtime.ReconcileStarted("dataplatformenvironment");
        runtime.ReconcileFinished("dataplatformenvironment", ReconcileResult.Success, TimeSpan.FromMilliseconds(20));
        runtime.ReconcileStarted("dataplatformenvironment");
        runtime.ReconcileFinished("dataplatformenvironment", ReconcileResult.Error, TimeSpan.FromSeconds(2));
        runtime.LeadershipChanged("dataplatform-operator-leader", leading: true);
        metrics.EngineRunCompleted("up", "succeeded", TimeSpan.FromMinutes(20));

        var text = await ExpositionAsync(metrics.Registry);

        Assert.Equal(1, Loopback.MetricSum(text, "controller_runtime_reconcile_total{controller=\"dataplatformenvironment\",result=\"success\"}"));
        Assert.Equal(1, Loopback.MetricSum(text, "controller_runtime_reconcile_total{controller=\"dataplatformenvironment\",result=\"error\"}"));
        Assert.Equal(0, Loopback.MetricSum(text, "controller_runtime_reconcile_total{controller=\"dataplatformenvironment\",result=\"requeue_after\"}"));
        Assert.Equal(1, Loopback.MetricSum(text, "controller_runtime_reconcile_errors_total{controller=\"dataplatformenvironment\"}"));
        Assert.Equal(1, Loopback.MetricSum(text, "controller_runtime_active_workers{controller=\"dataplatformenvironment\"}"));
        Assert.Equal(8, Loopback.MetricSum(text, "controller_runtime_max_concurrent_reconciles{controller=\"dataplatformenvironment\"}"));
        Assert.Equal(1, Loopback.MetricSum(text, "leader_election_master_status{name=\"dataplatform-operator-leader\"}"));
        Assert.Equal(1, Loopback.MetricSum(text, "dataplatform_engine_runs_total{operation=\"up\",result=\"succeeded\"}"));
        // A 20-minute create lands in a bucket below the hour, not in +Inf.
        Assert.Equal(0, Loopback.MetricSum(text, "dataplatform_engine_run_duration_seconds_bucket{operation=\"up\",le=\"900\"}"));
        Assert.Equal(1, Loopback.MetricSum(text, "dataplatform_engine_run_duration_seconds_bucket{operation=\"up\",le=\"1800\"}"));
    }

    [Fact]
    public async Task Workqueue_metrics_follow_each_key_from_add_to_done_as_client_go_does()
    {
        var time = new FakeTimeProvider();
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry(), time);
        var queue = new WorkQueue<EntityKey>(time, RateLimiters.Default<EntityKey>(time), metrics.Runtime.Queue("dataplatformenvironment"));
        var a = new EntityKey("team", "a");
        var b = new EntityKey("team", "b");

        queue.Add(a);
        queue.Add(a);
        queue.Add(b);
        time.Advance(TimeSpan.FromSeconds(3));
        var (taken, _) = await queue.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(40));
        queue.AddRateLimited(taken);
        var during = await ExpositionAsync(metrics.Registry);
        queue.Done(taken);
        var after = await ExpositionAsync(metrics.Registry);

        Assert.Equal(a, taken);
        Assert.Equal(2, Loopback.MetricSum(during, "workqueue_adds_total{name=\"dataplatformenvironment\"}"));
        Assert.Equal(1, Loopback.MetricSum(during, "workqueue_depth{name=\"dataplatformenvironment\"}"));
        Assert.Equal(1, Loopback.MetricSum(during, "workqueue_retries_total{name=\"dataplatformenvironment\"}"));
        Assert.Equal(40, Loopback.MetricSum(during, "workqueue_unfinished_work_seconds{name=\"dataplatformenvironment\"}"));
        Assert.Equal(40, Loopback.MetricSum(during, "workqueue_longest_running_processor_seconds{name=\"dataplatformenvironment\"}"));
        Assert.Equal(3, Loopback.MetricSum(during, "workqueue_queue_duration_seconds_sum{name=\"dataplatformenvironment\"}"));
        Assert.Equal(0, Loopback.MetricSum(after, "workqueue_unfinished_work_seconds{name=\"dataplatformenvironment\"}"));
        Assert.Equal(40, Loopback.MetricSum(after, "workqueue_work_duration_seconds_sum{name=\"dataplatformenvironment\"}"));
        queue.Dispose();
    }

    [Fact]
    public async Task Environments_are_counted_by_phase_and_by_condition()
    {
        static V1Alpha1DataPlatformEnvironment Environment(EnvironmentPhase? phase, params (string Type, ConditionStatus Status)[] conditions) => new()
        {
            Status = phase is null ? null : new() { Phase = phase, Conditions = [.. conditions.Select(c => new Condition { Type = c.Type, Status = c.Status })] },
        };

        V1Alpha1DataPlatformEnvironment[] environments =
        [
            Environment(null),
            Environment(EnvironmentPhase.Ready, ("Ready", ConditionStatus.True), ("Stalled", ConditionStatus.False)),
            Environment(EnvironmentPhase.Ready, ("Ready", ConditionStatus.True)),
            Environment(EnvironmentPhase.Failed, ("Ready", ConditionStatus.False), ("Stalled", ConditionStatus.True)),
        ];
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        metrics.EnvironmentsByPhase(EnvironmentMetrics.CountPhases(environments));
        metrics.EnvironmentsByCondition(EnvironmentMetrics.CountConditions(environments));

        var text = await ExpositionAsync(metrics.Registry);

        Assert.Equal(1, Loopback.MetricSum(text, "dataplatform_environments{phase=\"Pending\"}"));
        Assert.Equal(2, Loopback.MetricSum(text, "dataplatform_environments{phase=\"Ready\"}"));
        Assert.Equal(0, Loopback.MetricSum(text, "dataplatform_environments{phase=\"Provisioning\"}"));
        Assert.Equal(1, Loopback.MetricSum(text, "dataplatform_environment_conditions{type=\"Stalled\",status=\"True\"}"));
        Assert.Equal(2, Loopback.MetricSum(text, "dataplatform_environment_conditions{type=\"Ready\",status=\"True\"}"));
        Assert.Equal(2, Loopback.MetricSum(text, "dataplatform_environment_conditions{type=\"Stalled\",status=\"Unknown\"}"));
    }

    private static async Task<string> ExpositionAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
