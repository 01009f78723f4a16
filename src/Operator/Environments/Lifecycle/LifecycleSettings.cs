using DataPlatform.Stack.Retry;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// The operator-wide knobs of the lifecycle: the backoff defaults (an environment's spec.stack.retry overrides base,
/// cap and budget), how many times an Unknown failure is retried before it stalls, and how often a stalled deletion
/// looks at the state backend again.
/// </summary>
internal sealed record LifecycleSettings(BackoffPolicy Backoff, int UnknownFailureRetries, TimeSpan DeletionRecheck)
{
    public static readonly LifecycleSettings Default = new(BackoffPolicy.Default, RetryOptions.DefaultUnknownFailureRetries, TimeSpan.FromMinutes(10));
}
