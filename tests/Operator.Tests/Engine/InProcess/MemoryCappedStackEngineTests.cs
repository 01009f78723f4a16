using DataPlatform.Operator.Engine.InProcess;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Operator.Tests.Engine.InProcess;

/// <summary>InProcess mode runs at most as many engine runs at once as the memory budget allows.</summary>
public sealed class MemoryCappedStackEngineTests
{
    [Theory]
    [InlineData(2048, 512, 1330, null, 1)]
    [InlineData(6000, 512, 1330, null, 4)]
    [InlineData(null, 512, 1330, 8L * 1024 * 1024 * 1024, 5)]
    [InlineData(256, 512, 1330, null, 1)]
    public void The_budget_decides_how_many_runs_go_at_once(int? budgetMiB, int reserveMiB, int perRunMiB, long? podLimit, int expected)
    {
        var options = new InProcessEngineOptions { MemoryBudgetMiB = budgetMiB, OperatorReserveMiB = reserveMiB, MemoryPerRunMiB = perRunMiB };

        Assert.Equal(expected, MemoryCappedStackEngine.Capacity(options, podLimit));
    }

    [Fact]
    public void Without_a_budget_or_a_pod_limit_nothing_is_capped()
    {
        Assert.Equal(int.MaxValue, MemoryCappedStackEngine.Capacity(new InProcessEngineOptions(), null));
    }

    [Fact]
    public async Task A_run_beyond_the_cap_waits_until_one_ends()
    {
        var inner = new GatedEngine();
        using var engine = new MemoryCappedStackEngine(inner, 2);
        var request = new StackRequest { StackName = "s", Files = new Dictionary<string, string>() };

        var runs = Enumerable.Range(0, 3).Select(_ => engine.RunAsync(request, EngineOperation.Up, null, CancellationToken.None)).ToList();
        await inner.Started.WaitAsync(2);

        Assert.Equal(2, inner.Running);
        Assert.Equal(2, engine.Running);
        inner.Release.Release(1);
        await runs[0].WaitAsync(TimeSpan.FromSeconds(10));
        await inner.Started.WaitAsync(3);
        Assert.Equal(2, inner.Running);
        inner.Release.Release(2);
        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, inner.MaxRunning);
    }

    private sealed class GatedEngine : IStackEngine
    {
        private int _running;
        private int _max;

        public SemaphoreSlim Release { get; } = new(0);

        public Counter Started { get; } = new();

        public int Running => Volatile.Read(ref _running);

        public int MaxRunning => Volatile.Read(ref _max);

        public Task<Version> CheckCliAsync(CancellationToken cancellationToken) => Task.FromResult(new Version(3, 205, 0));

        public async Task<EngineRunResult> RunAsync(StackRequest request, EngineOperation operation, IProgress<EngineEvent>? progress, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref _max, now);
            Started.Increment();
            await Release.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _running);
            return new EngineRunResult(operation, EngineOutcome.Succeeded, new Dictionary<string, int>(), null, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        }

        public Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(StackRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> StackExistsAsync(StackRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveStackAsync(StackRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }

    /// <summary>A count that tasks can wait to reach.</summary>
    private sealed class Counter
    {
        private readonly Lock _gate = new();
        private readonly List<(int Target, TaskCompletionSource Done)> _waiters = [];
        private int _count;

        public void Increment()
        {
            lock (_gate)
            {
                _count++;
                foreach (var waiter in _waiters.Where(w => w.Target <= _count).ToList())
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }

        public Task WaitAsync(int target)
        {
            lock (_gate)
            {
                if (_count >= target)
                {
                    return Task.CompletedTask;
                }

                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((target, done));
                return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
    }
}
