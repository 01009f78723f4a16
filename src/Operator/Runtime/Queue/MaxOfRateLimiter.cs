namespace DataPlatform.Operator.Runtime.Queue;

/// <summary>The longest wait of several limiters: per-item backoff combined with the overall bucket.</summary>
internal sealed class MaxOfRateLimiter<TKey>(params IRateLimiter<TKey>[] limiters) : IRateLimiter<TKey>
    where TKey : notnull
{
    public TimeSpan When(TKey key) => limiters.Select(l => l.When(key)).Max();

    public void Forget(TKey key)
    {
        foreach (var limiter in limiters)
        {
            limiter.Forget(key);
        }
    }

    public int Failures(TKey key) => limiters.Max(l => l.Failures(key));

}
