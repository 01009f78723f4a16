namespace DataPlatform.Operator.Controllers;

/// <summary>What a reconcile of a live (not deleted), valid, unpaused environment must do, decided from its status alone.</summary>
internal sealed record ReconcileDecision
{
    private ReconcileDecision(ReconcileDecisionKind kind, UpdateReason? reason, TimeSpan? wait)
    {
        Kind = kind;
        Reason = reason;
        Wait = wait;
    }

    public ReconcileDecisionKind Kind { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="ReconcileDecisionKind.Update"/>.</summary>
    public UpdateReason? Reason { get; }

    /// <summary>When to look again; null means only a change to the object brings it back.</summary>
    public TimeSpan? Wait { get; }

    public static ReconcileDecision Update(UpdateReason reason) => new(ReconcileDecisionKind.Update, reason, null);

    /// <summary>Nothing to do now; come back after <paramref name="wait"/> (or never, when null).</summary>
    public static ReconcileDecision Idle(TimeSpan? wait) => new(ReconcileDecisionKind.Idle, null, wait);
}
