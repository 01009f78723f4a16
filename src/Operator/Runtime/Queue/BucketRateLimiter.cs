namespace DataPlatform.Operator.Runtime.Queue;

/// <summary>
/// An overall token bucket (qps with a burst) across all keys, like client-go's BucketRateLimiter: each retry takes
/// a token and waits until the bucket would have had one.
/// </summary>
internal sealed class BucketRateLimiter<TKey>(double perSecond, int burst, TimeProvider time) : IRateLimiter<TKey>
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private DateTimeOffset _last = time.GetUtcNow();

    public TimeSpan When(TKey key)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _tokens = Math.Min(burst, _tokens + ((now - _last).TotalSeconds * perSecond));
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / perSecond);
        }
    }

    public void Forget(TKey key)
    {
    }

    public int Failures(TKey key) => 0;
}
