namespace DataPlatform.Operator.Runtime.Queue;

/// <summary>The rate limiters the controllers use.</summary>
internal static class RateLimiters
{
    /// <summary>controller-runtime's default: 5 ms to 1000 s per item, 10 qps with a burst of 100 overall.</summary>
    public static MaxOfRateLimiter<TKey> Default<TKey>(TimeProvider time)
        where TKey : notnull => new(
        new ExponentialFailureRateLimiter<TKey>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
        new BucketRateLimiter<TKey>(10, 100, time));
}
