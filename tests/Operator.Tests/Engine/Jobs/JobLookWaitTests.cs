using DataPlatform.Operator.Engine.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace DataPlatform.Operator.Tests.Engine.Jobs;

/// <summary>
/// The wait between two looks at an engine Job (<see cref="JobStackEngine.NextLookAsync"/>): the poll interval or the
/// followed log's end, and nothing left registered on the run's token once a wait ended. Alone in its collection:
/// it measures what stays on the managed heap.
/// </summary>
[Collection(nameof(JobLookWaitTests))]
[CollectionDefinition(nameof(JobLookWaitTests), DisableParallelization = true)]
public sealed class JobLookWaitTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_look_waits_for_the_poll_interval_or_the_logs_end_whichever_comes_first()
    {
        var time = new FakeTimeProvider();
        var log = new TaskCompletionSource<int>();

        var polling = JobStackEngine.NextLookAsync(log.Task, Poll, time, CancellationToken.None);
        time.Advance(Poll - TimeSpan.FromSeconds(1));
        Assert.False(polling.IsCompleted);
        log.SetResult(0); // the log ended: look again now
        await polling.WaitAsync(TimeSpan.FromSeconds(30));

        var after = JobStackEngine.NextLookAsync(log.Task, Poll, time, CancellationToken.None); // an ended log: the interval alone
        time.Advance(Poll - TimeSpan.FromSeconds(1));
        Assert.False(after.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await after.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_cancelled_run_stops_waiting_at_once()
    {
        using var run = new CancellationTokenSource();
        var waiting = JobStackEngine.NextLookAsync(null, Poll, new FakeTimeProvider(), run.Token);
        await run.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Looks_leave_nothing_registered_on_the_runs_token()
    {
        // Each look used to add a never-ending delay to the token when no log was followed (before the pod ran, after
        // its log ended): about 170 bytes kept for the token's life, 1,920 of them in an operator at rest after 1,000 runs.
        const int Looks = 50_000;
        var time = new FakeTimeProvider();
        using var run = new CancellationTokenSource();
        var ended = Task.FromResult(0);
        await Look(null);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < Looks; i++)
        {
            await Look(i % 2 == 0 ? null : ended);
        }

        var kept = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(run);
        Assert.True(kept < 1 << 20, $"{Looks} looks kept {kept} bytes on the heap");

        async Task Look(Task? follower)
        {
            var look = JobStackEngine.NextLookAsync(follower, Poll, time, run.Token);
            time.Advance(Poll);
            await look;
        }
    }
}
