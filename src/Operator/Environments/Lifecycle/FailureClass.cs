using DataPlatform.Stack.Failures;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// The class of a failure (a CamelCase condition reason such as Throttling or InvalidParameter). Classes come from
/// the failure pattern table, which the platform team can extend, so the set is open; the lifecycle names only the
/// ones it treats specially, and a test checks each of those against the table or the operator's own failures.
/// </summary>
internal readonly record struct FailureClass(string Value)
{
    /// <summary>No pattern matched (<see cref="Failure.UnknownClass"/>).</summary>
    public static readonly FailureClass Unknown = new(Failure.UnknownClass);

    /// <summary>The database refuses deletion while its deletion protection is on (a pattern of the table).</summary>
    public static readonly FailureClass DeletionProtected = new("DeletionProtected");

    /// <summary>The Secret named in spec.stack.credentialsSecretRef is missing or incomplete (the operator's own).</summary>
    public static readonly FailureClass CredentialsUnavailable = new("CredentialsUnavailable");

    /// <summary>The connection Secret's name is taken by a Secret this environment does not own (the operator's own).</summary>
    public static readonly FailureClass ConnectionSecretConflict = new("ConnectionSecretConflict");

    /// <summary>The connection Secret's name is held by an earlier environment's Secret that is being garbage-collected (the operator's own).</summary>
    public static readonly FailureClass ConnectionSecretReleasing = new("ConnectionSecretReleasing");

    public static FailureClass Of(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new FailureClass(failure.Class);
    }

    public override string ToString() => Value;
}
