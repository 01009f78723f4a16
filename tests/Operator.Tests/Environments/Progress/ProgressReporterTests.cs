using System.Collections.Concurrent;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Progress;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DataPlatform.Operator.Tests.Environments.Progress;

public sealed class ProgressReporterTests : IDisposable
{
    private const string Cluster = "aws:rds/cluster:Cluster";
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 16, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Signal = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly ConcurrentQueue<(DateTimeOffset At, RunProgressSnapshot Snapshot)> _writes = new();
    private readonly ConcurrentQueue<RunMilestone> _milestones = new();
    private readonly SemaphoreSlim _written = new(0);
    private readonly SemaphoreSlim _announced = new(0);

    [Fact]
    public async Task Many_events_give_at_most_one_write_per_interval_counting_the_write_that_started_the_run()
    {
        var subnets = Enumerable.Range(1, 30).Select(i => Resource($"subnet-{i}", "aws:ec2/subnet:Subnet", "network")).ToList();
        var (reporter, loop) = Begin(interval: 15, extra: subnets);

        for (var i = 1; i <= 30; i++)
        {
            reporter.Report(Step(Pre("create", "aws:ec2/subnet:Subnet", $"subnet-{i}")));
            await CaughtUpAsync(reporter, (2 * i) - 1);
            _time.Advance(TimeSpan.FromSeconds(1));
            reporter.Report(Step(Out("create", "aws:ec2/subnet:Subnet", $"subnet-{i}")));
            await CaughtUpAsync(reporter, 2 * i);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        for (var round = 0; round < 10 && !_writes.Any(w => w.Snapshot.Done == 30); round++)
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            await _written.WaitAsync(TimeSpan.FromSeconds(2));
        }

        reporter.Complete();
        await loop;
        var times = _writes.Select(w => w.At).ToList();
        Assert.Contains(_writes, w => w.Snapshot.Done == 30);
        Assert.True(times[0] >= Start.AddSeconds(15), $"the first progress write came {times[0] - Start} after the run's first write");
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(15), $"writes at {pair.First:T} and {pair.Second:T}"));
        Assert.InRange(times.Count, 3, (int)((times[^1] - Start).TotalSeconds / 15));
        Assert.Equal(times.Count, reporter.Writes);
    }

    [Fact]
    public async Task A_change_right_after_a_write_is_written_when_the_interval_is_up_not_lost()
    {
        var (reporter, loop) = Begin(interval: 15);
        reporter.Report(Step(Pre("create", Cluster, "database-cluster")));
        _time.Advance(TimeSpan.FromSeconds(14));
        _time.Advance(TimeSpan.FromSeconds(1));

        await WaitForWritesAsync(1);
        var (at, snapshot) = _writes.Single();
        Assert.Equal(Start.AddSeconds(15), at);
        Assert.Equal(ComponentState.InProgress, snapshot.Components.Single(c => c.Component == PlatformComponent.Database).State);
        Assert.Equal(["create database-cluster (15s)"], snapshot.Components.Single(c => c.Component == PlatformComponent.Database).InFlight);
        reporter.Complete();
        await loop;
    }

    [Fact]
    public async Task A_long_step_with_nothing_else_happening_is_written_again_after_the_heartbeat()
    {
        var (reporter, loop) = Begin(interval: 15, heartbeat: 60);
        reporter.Report(Step(Pre("create", Cluster, "database-cluster")));
        _time.Advance(TimeSpan.FromSeconds(15));
        await WaitForWritesAsync(1);

        _time.Advance(TimeSpan.FromSeconds(59));
        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitForWritesAsync(2);

        var (at, snapshot) = _writes.Last();
        Assert.Equal(Start.AddSeconds(75), at);
        Assert.Equal(TimeSpan.FromSeconds(75), snapshot.Elapsed);
        Assert.Equal("0/3 resources after 1m15s; in flight: create database-cluster (1m15s)", snapshot.Describe());
        reporter.Complete();
        await loop;
    }

    [Fact]
    public async Task Milestones_are_published_when_they_happen_without_waiting_for_the_interval()
    {
        var (reporter, loop) = Begin(interval: 15);
        reporter.Report(Step(Pre("create", Cluster, "database-cluster")));
        reporter.Report(Step(Out("create", Cluster, "database-cluster")));
        reporter.Report(Step(Pre("create", "aws:rds/clusterInstance:ClusterInstance", "database-writer")));
        reporter.Report(Step(Out("create", "aws:rds/clusterInstance:ClusterInstance", "database-writer")));

        Assert.True(await _announced.WaitAsync(Signal), "the milestone was published");
        Assert.Equal(MilestoneReason.DatabaseAvailable, Assert.Single(_milestones).Reason);
        Assert.Empty(_writes);
        reporter.Complete();
        await loop;
    }

    [Fact]
    public async Task A_failed_write_is_logged_and_the_next_interval_writes_the_newer_state()
    {
        var failures = 1;
        var (reporter, loop) = Begin(interval: 15, publish: (snapshot, _) =>
        {
            if (Interlocked.Decrement(ref failures) >= 0)
            {
                _written.Release();
                throw new InvalidOperationException("the API server answered 503");
            }

            _writes.Enqueue((_time.GetUtcNow(), snapshot));
            _written.Release();
            return Task.CompletedTask;
        });
        reporter.Report(Step(Pre("create", Cluster, "database-cluster")));
        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.True(await _written.WaitAsync(Signal), "the first write was attempted");

        reporter.Report(Step(Out("create", Cluster, "database-cluster")));
        _time.Advance(TimeSpan.FromSeconds(15));
        await WaitForWritesAsync(1);

        Assert.Equal(1, _writes.Single().Snapshot.Done);
        reporter.Complete();
        await loop;
    }

    [Fact]
    public async Task Completing_stops_the_loop_and_leaves_pending_progress_to_the_final_write()
    {
        var (reporter, loop) = Begin(interval: 15);
        reporter.Report(Step(Pre("create", Cluster, "database-cluster")));
        reporter.Report(Step(Out("create", Cluster, "database-cluster")));

        reporter.Complete();
        await loop.WaitAsync(Signal);

        Assert.Empty(_writes);
        Assert.Equal(1, reporter.Progress.Snapshot(_time.GetUtcNow()).Done);
    }

    public void Dispose()
    {
        _written.Dispose();
        _announced.Dispose();
    }

    private (ProgressReporter Reporter, Task Loop) Begin(
        int interval, int heartbeat = 600, Func<RunProgressSnapshot, CancellationToken, Task>? publish = null, IEnumerable<ProgramResource>? extra = null)
    {
        var program = new StackProgram("dataplatform", "dev", "test", [],
            [
                Resource("database-cluster", Cluster, "database"),
                Resource("database-writer", "aws:rds/clusterInstance:ClusterInstance", "database"),
                Resource("vpc", "aws:ec2/vpc:Vpc", "network"),
                .. extra ?? [],
            ],
            [], new PropertyMap());
        var progress = new RunProgress(ComponentMap.From(program), EngineOperation.Up, Start, []);
        var reporter = new ProgressReporter(progress, new ProgressOptions { StatusWriteInterval = TimeSpan.FromSeconds(interval), HeartbeatInterval = TimeSpan.FromSeconds(heartbeat) }, _time, NullLogger.Instance);
        var loop = reporter.RunAsync(
            publish ?? ((snapshot, _) =>
            {
                _writes.Enqueue((_time.GetUtcNow(), snapshot));
                _written.Release();
                return Task.CompletedTask;
            }),
            (milestone, _) =>
            {
                _milestones.Enqueue(milestone);
                _announced.Release();
                return Task.CompletedTask;
            },
            CancellationToken.None);
        return (reporter, loop);
    }

    /// <summary>Waits (on the reporter's own count, with a deadline) until it has applied the events reported so far.</summary>
    private static async Task CaughtUpAsync(ProgressReporter reporter, long events)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (reporter.Applied < events)
        {
            Assert.True(deadline.Elapsed < Signal, $"the reporter applied {reporter.Applied} of {events} events");
            await Task.Yield();
        }
    }

    private async Task WaitForWritesAsync(int count)
    {
        while (_writes.Count < count)
        {
            Assert.True(await _written.WaitAsync(Signal), $"expected {count} writes, saw {_writes.Count}");
        }
    }

    private static ProgramResource Resource(string name, string type, string component) => new(name, type, component, null, new PropertyMap(), ResourceOptions.None);

    private EngineEvent Step(EngineEventPayload payload) => new(0, _time.GetUtcNow().ToUnixTimeSeconds(), payload);

    private static ResourcePreEvent Pre(string op, string type, string name) => new(new StepMetadata(op, $"urn:pulumi:dev::dataplatform::{type}::{name}", type), false);

    private static ResOutputsEvent Out(string op, string type, string name) => new(new StepMetadata(op, $"urn:pulumi:dev::dataplatform::{type}::{name}", type), false);
}
