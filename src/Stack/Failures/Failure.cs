namespace DataPlatform.Stack.Failures;

/// <summary>
/// A classified failure: the class (a CamelCase condition reason), what a retry can do for it, the spec field at
/// fault when known, the pattern that matched (null when none did) and the message for the user, secrets removed.
/// </summary>
public sealed record Failure(string Class, FailureOutcome Outcome, string? Field, string? PatternId, string Message)
{
    public const string UnknownClass = "Unknown";

    /// <summary>True when a retry with backoff is expected to fix it.</summary>
    public bool Transient => Outcome == FailureOutcome.Transient;
}
