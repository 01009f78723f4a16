namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// Operator-wide retry settings (configuration section "Retry"; DATAPLATFORM_Retry__UnknownFailureRetries=5). The
/// backoff itself (base, cap, budget) is per environment in spec.stack.retry.
/// </summary>
public sealed class RetryOptions
{
    public const string Section = "Retry";

    public const int DefaultUnknownFailureRetries = 3;

    /// <summary>
    /// How many times a failure no pattern recognises (outcome Unknown) is retried with the environment's backoff
    /// before the environment stalls with reason UnclassifiedFailure (DESIGN.md section 6). 0 stalls at once.
    /// </summary>
    public int UnknownFailureRetries { get; set; } = DefaultUnknownFailureRetries;

    /// <summary>How often a stalled deletion (deletion protection, a destroy that spent its budget) looks at the stack again.</summary>
    public TimeSpan DeletionRecheck { get; set; } = TimeSpan.FromMinutes(10);
}
