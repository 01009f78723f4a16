namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>The CamelCase reason of a condition. A failure's class is itself a reason (<see cref="Of"/>).</summary>
internal readonly record struct ConditionReason(string Value)
{
    public static readonly ConditionReason Succeeded = new("Succeeded");
    public static readonly ConditionReason Updating = new("Updating");
    public static readonly ConditionReason Retrying = new("Retrying");
    public static readonly ConditionReason RetryScheduled = new("RetryScheduled");
    public static readonly ConditionReason CheckingDrift = new("CheckingDrift");
    public static readonly ConditionReason ReconcileRequested = new("ReconcileRequested");
    public static readonly ConditionReason InvalidSpec = new("InvalidSpec");
    public static readonly ConditionReason Paused = new("Paused");
    public static readonly ConditionReason Deleting = new("Deleting");
    public static readonly ConditionReason DeletionProtected = new("DeletionProtected");
    public static readonly ConditionReason RetryBudgetExhausted = new("RetryBudgetExhausted");
    public static readonly ConditionReason AwaitingApproval = new("AwaitingApproval");
    public static readonly ConditionReason PlanApproved = new("PlanApproved");
    public static readonly ConditionReason DriftDetected = new("DriftDetected");
    public static readonly ConditionReason CorrectingDrift = new("CorrectingDrift");

    /// <summary>An Unknown failure (no pattern matched) retried the configured number of times without success.</summary>
    public static readonly ConditionReason UnclassifiedFailure = new("UnclassifiedFailure");

    /// <summary>A DataPlatformPolicy forbids the environment as it is (admission was skipped, or the policy changed later).</summary>
    public static readonly ConditionReason PolicyViolation = new("PolicyViolation");

    /// <summary>Another environment holds AWS names this one derives (admission was raced or skipped); it waits for them.</summary>
    public static readonly ConditionReason NameClash = new("NameClash");

    public static ConditionReason Of(FailureClass failure) => new(failure.Value);

    public override string ToString() => Value;
}
