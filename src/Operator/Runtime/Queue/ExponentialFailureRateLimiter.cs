using System.Collections.Concurrent;

namespace DataPlatform.Operator.Runtime.Queue;

/// <summary>Per-item exponential backoff: base * 2^failures, capped; <see cref="Forget"/> resets the item.</summary>
internal sealed class ExponentialFailureRateLimiter<TKey>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, int> _failures = new();

    public TimeSpan When(TKey key)
    {
        var failures = _failures.AddOrUpdate(key, 1, (_, n) => n + 1) - 1;
        var ticks = baseDelay.Ticks * Math.Pow(2, Math.Min(failures, 62));
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(TKey key) => _failures.TryRemove(key, out _);

    public int Failures(TKey key) => _failures.GetValueOrDefault(key);
}
