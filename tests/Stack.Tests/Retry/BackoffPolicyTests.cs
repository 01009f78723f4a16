using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Retry;
using Microsoft.Extensions.Time.Testing;

namespace DataPlatform.Stack.Tests.Retry;

public sealed class BackoffPolicyTests
{
    [Fact]
    public void Ceiling_doubles_from_the_base_and_stops_at_the_cap()
    {
        var policy = BackoffPolicy.Default;

        Assert.Equal(
            [30, 60, 120, 240, 480, 900, 900],
            Enumerable.Range(1, 7).Select(a => policy.Ceiling(a).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(15), policy.Ceiling(1000));
    }

    [Fact]
    public void Jitter_stays_within_zero_and_the_ceiling_and_spreads()
    {
        var policy = BackoffPolicy.Default;
        var random = new Random(7);

        var delays = Enumerable.Range(0, 2000).Select(_ => policy.NextDelay(4, random)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(240)));
        Assert.True(delays.Min() < TimeSpan.FromSeconds(24), "full jitter reaches the bottom tenth");
        Assert.True(delays.Max() > TimeSpan.FromSeconds(216), "full jitter reaches the top tenth");
        Assert.InRange(delays.Average(d => d.TotalSeconds), 108, 132);
    }

    [Fact]
    public void Budget_is_spent_after_max_attempts()
    {
        var policy = BackoffPolicy.Default;

        Assert.False(policy.IsExhausted(9));
        Assert.True(policy.IsExhausted(10));
    }

    [Fact]
    public void Spec_retry_overrides_base_cap_and_budget()
    {
        var policy = BackoffPolicy.For(new RetrySpec { BaseDelaySeconds = 5, MaxDelaySeconds = 20, MaxAttempts = 3 }, BackoffPolicy.Default);

        Assert.Equal([5, 10, 20, 20], Enumerable.Range(1, 4).Select(a => policy.Ceiling(a).TotalSeconds));
        Assert.True(policy.IsExhausted(3));
        Assert.Equal(2, policy.Factor);
    }

    [Fact]
    public void Next_attempt_is_scheduled_on_the_given_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var policy = BackoffPolicy.Default;

        var next = policy.NextAttempt(2, clock, new Random(1));

        Assert.InRange(next, clock.GetUtcNow(), clock.GetUtcNow().AddSeconds(60));
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(next <= clock.GetUtcNow());
    }

    [Fact]
    public void Attempts_start_at_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BackoffPolicy.Default.Ceiling(0));
    }
}
