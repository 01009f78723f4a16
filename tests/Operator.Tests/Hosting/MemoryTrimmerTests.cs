using DataPlatform.Operator.Hosting;
using DataPlatform.Operator.Metrics;
using DataPlatform.Operator.Runtime;
using DataPlatform.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DataPlatform.Operator.Tests.Hosting;

public sealed class MemoryTrimmerTests
{
    private const string Controller = "dataplatformenvironment";

    [Fact]
    public void Trims_once_after_engine_runs_ended_at_once_when_none_is_in_flight()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var trimmer = Trimmer(metrics, new FakeTimeProvider(), TimeSpan.FromMinutes(1));

        Assert.False(trimmer.TrimIfDue()); // nothing ran since start

        var running = metrics.EngineRunInFlight();
        metrics.EngineRunCompleted("up", "succeeded", TimeSpan.FromMinutes(20));
        Assert.False(trimmer.TrimIfDue()); // another run is in flight and started since the last look

        running.Dispose();
        running.Dispose(); // a scope ends once
        Assert.Equal(0, metrics.EngineRunsInFlight);
        Assert.True(trimmer.TrimIfDue());
        Assert.False(trimmer.TrimIfDue()); // at rest: no run ended since

        metrics.EngineRunCompleted("preview", "failed", TimeSpan.FromSeconds(30));
        Assert.True(trimmer.TrimIfDue());
    }

    [Fact]
    public void A_cache_that_dropped_what_it_held_is_trimmed_at_the_next_look_without_an_engine_run()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var trimmer = Trimmer(metrics, new FakeTimeProvider(), TimeSpan.FromMinutes(1));
        Assert.False(trimmer.TrimIfDue());

        metrics.CacheReleased();
        var running = metrics.EngineRunInFlight();
        Assert.False(trimmer.TrimIfDue()); // a run in flight still holds it back

        running.Dispose();
        Assert.True(trimmer.TrimIfDue());
        Assert.False(trimmer.TrimIfDue());
    }

    [Fact]
    public void A_no_op_reconcile_in_progress_does_not_hold_the_trim_back()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var trimmer = Trimmer(metrics, new FakeTimeProvider(), TimeSpan.FromMinutes(1));
        metrics.EngineRunCompleted("up", "succeeded", TimeSpan.FromMinutes(20));

        metrics.Runtime.ReconcileStarted(Controller); // a resync of 1,000 environments has one in progress at nearly every look

        Assert.True(trimmer.TrimIfDue());
    }

    [Fact]
    public void With_engine_runs_in_flight_it_trims_once_a_look_passed_in_which_none_started_or_ended()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var trimmer = Trimmer(metrics, new FakeTimeProvider(), TimeSpan.FromMinutes(1));
        var runs = Enumerable.Range(0, 32).Select(_ => metrics.EngineRunInFlight()).ToList();

        Assert.False(trimmer.TrimIfDue()); // the runs just started: starting more may follow
        Assert.True(trimmer.TrimIfDue()); // a quiet interval: the runs are only followed now
        Assert.False(trimmer.TrimIfDue()); // nothing happened since

        runs[0].Dispose();
        metrics.EngineRunCompleted("up", "succeeded", TimeSpan.FromMinutes(20));
        Assert.False(trimmer.TrimIfDue());
        Assert.True(trimmer.TrimIfDue());
        runs.ForEach(r => r.Dispose());
    }

    [Fact]
    public void While_engine_runs_keep_starting_and_ending_it_still_trims_every_tenth_look()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var trimmer = Trimmer(metrics, new FakeTimeProvider(), TimeSpan.FromMinutes(1));
        using var running = metrics.EngineRunInFlight();

        var looks = Enumerable.Range(1, 2 * MemoryTrimmer.BusyTrimEvery).Select(_ =>
        {
            metrics.EngineRunInFlight().Dispose(); // a drift check of a large fleet starts and ends between every two looks
            metrics.EngineRunCompleted("refresh", "succeeded", TimeSpan.FromMinutes(3));
            return trimmer.TrimIfDue();
        }).ToList();

        bool[] tenth = [.. Enumerable.Repeat(false, MemoryTrimmer.BusyTrimEvery - 1), true];
        Assert.Equal([.. tenth, .. tenth], looks);
    }

    [Fact]
    public async Task Looks_every_interval_and_counts_its_trims()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var time = new FakeTimeProvider();
        var trimmer = Trimmer(metrics, time, TimeSpan.FromMinutes(1));
        var looks = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        trimmer.Looked += trimmed => looks.Writer.TryWrite(trimmed);
        await trimmer.StartAsync(CancellationToken.None);
        try
        {
            metrics.EngineRunCompleted("up", "succeeded", TimeSpan.FromMinutes(20));
            Assert.Equal(0, await TrimsAsync(metrics));

            time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(await looks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(1, await TrimsAsync(metrics));

            time.Advance(TimeSpan.FromMinutes(1));
            Assert.False(await looks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(1, await TrimsAsync(metrics));
        }
        finally
        {
            await trimmer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Trims_with_nobody_listening_to_its_looks()
    {
        // As in production: no test hook is attached, so only the metric shows what happened.
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var time = new FakeTimeProvider();
        var trimmer = Trimmer(metrics, time, TimeSpan.FromMinutes(1));
        await trimmer.StartAsync(CancellationToken.None);
        try
        {
            metrics.EngineRunCompleted("up", "succeeded", TimeSpan.FromMinutes(20));

            time.Advance(TimeSpan.FromMinutes(1));

            Assert.True(SpinWait.SpinUntil(() => metrics.MemoryTrims == 1, TimeSpan.FromSeconds(30)), "no trim after the interval");
        }
        finally
        {
            await trimmer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_zero_interval_turns_trimming_off()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var trimmer = Trimmer(metrics, new FakeTimeProvider(), TimeSpan.Zero);
        await trimmer.StartAsync(CancellationToken.None);
        await trimmer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30)); // ends at once instead of looking every interval
        await trimmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_negative_interval_is_refused_at_start_naming_the_setting()
    {
        var result = new OperatorOptionsValidator().Validate(null, new OperatorOptions { MemoryTrimInterval = TimeSpan.FromSeconds(-1) });

        Assert.Contains("Operator:MemoryTrimInterval must not be negative", result.FailureMessage, StringComparison.Ordinal);
    }

    private static MemoryTrimmer Trimmer(OperatorMetrics metrics, TimeProvider time, TimeSpan interval) =>
        new(metrics, Microsoft.Extensions.Options.Options.Create(new OperatorOptions { MemoryTrimInterval = interval }), time, NullLogger<MemoryTrimmer>.Instance);

    private static async Task<double> TrimsAsync(OperatorMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return Loopback.MetricSum(System.Text.Encoding.UTF8.GetString(stream.ToArray()), "dataplatform_memory_trims_total") ?? 0;
    }
}
