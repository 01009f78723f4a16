namespace DataPlatform.Stack.Failures;

/// <summary>
/// A classified failure: the class (a CamelCase condition reason), whether a retry can fix it, the spec field at
/// fault when known, the pattern that matched (null when none did) and the message for the user, secrets removed.
/// </summary>
public sealed record Failure(string Class, bool Transient, string? Field, string? PatternId, string Message)
{
    public const string UnknownClass = "Unknown";

    /// <summary>Stale locks and pending operations left by a crashed run: the engine recovers these deliberately.</summary>
    public bool NeedsRecovery => Class is "PendingOperations";
}
