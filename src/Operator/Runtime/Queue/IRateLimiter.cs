namespace DataPlatform.Operator.Runtime.Queue;

/// <summary>How long a key waits before it is retried after a failure (controller-runtime's RateLimiter).</summary>
internal interface IRateLimiter<in TKey>
{
    TimeSpan When(TKey key);

    void Forget(TKey key);

    int Failures(TKey key);
}
