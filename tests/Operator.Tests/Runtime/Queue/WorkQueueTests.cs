using DataPlatform.Operator.Runtime.Queue;
using Microsoft.Extensions.Time.Testing;

namespace DataPlatform.Operator.Tests.Runtime.Queue;

public sealed class WorkQueueTests : IDisposable
{
    private static readonly EntityKey A = new("team", "a");
    private static readonly EntityKey B = new("team", "b");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly WorkQueue<EntityKey> _queue;

    public WorkQueueTests() => _queue = new WorkQueue<EntityKey>(_time, new ExponentialFailureRateLimiter<EntityKey>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)));

    [Fact]
    public async Task Adds_of_one_key_collapse_into_one_item()
    {
        _queue.Add(A);
        _queue.Add(A);
        _queue.Add(B);

        Assert.Equal(2, _queue.Length);
        Assert.Equal((A, false), await _queue.GetAsync(CancellationToken.None));
        Assert.Equal((B, false), await _queue.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_key_being_processed_is_not_handed_out_again_and_adds_meanwhile_give_exactly_one_more_run()
    {
        _queue.Add(A);
        var (key, _) = await _queue.GetAsync(CancellationToken.None);

        _queue.Add(A);
        _queue.Add(A);
        Assert.Equal(0, _queue.Length);

        _queue.Done(key);
        Assert.Equal(1, _queue.Length);
        Assert.Equal((A, false), await _queue.GetAsync(CancellationToken.None));
        _queue.Done(A);
        Assert.Equal(0, _queue.Length);
    }

    [Fact]
    public async Task Delayed_add_appears_when_its_time_comes_and_the_earliest_wins()
    {
        _queue.AddAfter(A, TimeSpan.FromMinutes(10));
        _queue.AddAfter(A, TimeSpan.FromMinutes(2));
        _queue.AddAfter(A, TimeSpan.FromMinutes(5));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, _queue.Length);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, _queue.Length);
        Assert.Equal((A, false), await _queue.GetAsync(CancellationToken.None));
        _queue.Done(A);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, _queue.Length);
    }

    [Fact]
    public void Immediate_add_replaces_a_pending_delayed_one()
    {
        _queue.AddAfter(A, TimeSpan.FromMinutes(5));
        _queue.Add(A);
        Assert.Equal(1, _queue.Length);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, _queue.Length);
    }

    [Fact]
    public void Rate_limited_adds_back_off_exponentially_and_forget_resets()
    {
        _queue.AddRateLimited(A);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, _queue.Length);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _queue.Length);

        Assert.Equal(1, _queue.Failures(A));
        _queue.Forget(A);
        Assert.Equal(0, _queue.Failures(A));
    }

    [Fact]
    public void Per_item_backoff_doubles_to_the_cap()
    {
        var limiter = new ExponentialFailureRateLimiter<EntityKey>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(0, 7).Select(_ => limiter.When(A).TotalSeconds));
        Assert.Equal(1, limiter.When(B).TotalSeconds);
    }

    [Fact]
    public void Bucket_limits_all_keys_together_after_the_burst()
    {
        var bucket = new BucketRateLimiter<EntityKey>(perSecond: 10, burst: 2, _time);

        Assert.Equal(TimeSpan.Zero, bucket.When(A));
        Assert.Equal(TimeSpan.Zero, bucket.When(B));
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.When(A));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, bucket.When(B));
    }

    [Fact]
    public void Combined_limiter_takes_the_longer_wait()
    {
        var limiter = new MaxOfRateLimiter<EntityKey>(
            new ExponentialFailureRateLimiter<EntityKey>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new BucketRateLimiter<EntityKey>(perSecond: 1, burst: 1, _time));

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When(A));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.When(B));
    }

    [Fact]
    public async Task Shutdown_wakes_waiting_workers_with_no_key()
    {
        var waiting = _queue.GetAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        _queue.ShutDown();

        Assert.True((await waiting).ShutDown);
        _queue.Add(A);
        Assert.Equal(0, _queue.Length);
    }

    [Fact]
    public async Task Concurrent_workers_never_hold_one_key_at_once()
    {
        var holders = 0;
        var maxHolders = 0;
        var runs = 0;
        using var cancel = new CancellationTokenSource();
        async Task WorkerAsync()
        {
            while (await _queue.GetAsync(cancel.Token) is (var key, ShutDown: false))
            {
                var now = Interlocked.Increment(ref holders);
                InterlockedMax(ref maxHolders, now);
                Interlocked.Increment(ref runs);
                _queue.Add(key);
                await Task.Yield();
                Interlocked.Decrement(ref holders);
                _queue.Done(key);
                if (Volatile.Read(ref runs) >= 200)
                {
                    _queue.ShutDown();
                }
            }
        }

        _queue.Add(A);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(WorkerAsync)));

        Assert.Equal(1, maxHolders);
        Assert.True(runs >= 200);
    }

    public void Dispose() => _queue.Dispose();

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
