namespace DataPlatform.Stack.Failures;

/// <summary>
/// What a retry can do for a failure (DESIGN.md section 6): <see cref="Transient"/> retries with backoff until the
/// budget is spent, <see cref="Terminal"/> stalls at once, <see cref="Unknown"/> (no pattern matched) retries a few
/// times with the same backoff and then stalls with the message kept.
/// </summary>
public enum FailureOutcome
{
    Transient,
    Terminal,
    Unknown,
}
