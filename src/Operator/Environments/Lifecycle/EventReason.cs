namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>The reason of a Kubernetes Event the lifecycle publishes. A failure's class is itself a reason (<see cref="Of"/>).</summary>
internal readonly record struct EventReason(string Value)
{
    public static readonly EventReason Updated = new("Updated");
    public static readonly EventReason InvalidSpec = new("InvalidSpec");
    public static readonly EventReason StackRecovered = new("StackRecovered");
    public static readonly EventReason RetryBudgetExhausted = new("RetryBudgetExhausted");
    public static readonly EventReason UnclassifiedFailure = new("UnclassifiedFailure");
    public static readonly EventReason Retained = new("Retained");
    public static readonly EventReason Destroyed = new("Destroyed");
    public static readonly EventReason NothingToDestroy = new("NothingToDestroy");
    public static readonly EventReason DeletionProtected = new("DeletionProtected");
    public static readonly EventReason AwaitingApproval = new("AwaitingApproval");
    public static readonly EventReason DriftDetected = new("DriftDetected");

    public static readonly EventReason PolicyViolation = new("PolicyViolation");
    public static readonly EventReason NameClash = new("NameClash");

    public static EventReason Of(FailureClass failure) => new(failure.Value);

    public override string ToString() => Value;
}
