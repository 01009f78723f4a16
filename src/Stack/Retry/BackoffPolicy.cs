using DataPlatform.Entities.Spec;

namespace DataPlatform.Stack.Retry;

/// <summary>
/// Exponential backoff with full jitter for transient failures: attempt n (1-based) waits a uniform random time in
/// [0, min(cap, base * factor^(n-1))]; after <see cref="MaxAttempts"/> failures the budget is spent and the
/// environment is reported Stalled. Defaults 30 s, x2, 15 min, 10 attempts; an environment's spec.stack.retry
/// overrides base, cap and budget.
/// </summary>
public sealed record BackoffPolicy(TimeSpan BaseDelay, double Factor, TimeSpan MaxDelay, int MaxAttempts)
{
    public static readonly BackoffPolicy Default = new(TimeSpan.FromSeconds(30), 2, TimeSpan.FromMinutes(15), 10);

    public static BackoffPolicy For(RetrySpec retry, BackoffPolicy defaults)
    {
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(defaults);
        return defaults with
        {
            BaseDelay = TimeSpan.FromSeconds(retry.BaseDelaySeconds),
            MaxDelay = TimeSpan.FromSeconds(retry.MaxDelaySeconds),
            MaxAttempts = retry.MaxAttempts,
        };
    }

    /// <summary>The upper bound of the wait after the given failed attempt (1-based), before jitter.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var seconds = BaseDelay.TotalSeconds * Math.Pow(Factor, Math.Min(attempt - 1, 62));
        return seconds >= MaxDelay.TotalSeconds || double.IsInfinity(seconds) ? MaxDelay : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The wait after the given failed attempt: full jitter over [0, ceiling].</summary>
    public TimeSpan NextDelay(int attempt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return TimeSpan.FromTicks((long)(Ceiling(attempt).Ticks * random.NextDouble()));
    }

    /// <summary>Whether the given number of failed attempts has spent the budget.</summary>
    public bool IsExhausted(int failedAttempts) => failedAttempts >= MaxAttempts;

    /// <summary>When the next attempt is due, on the given clock.</summary>
    public DateTimeOffset NextAttempt(int attempt, TimeProvider clock, Random random)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow() + NextDelay(attempt, random);
    }
}
