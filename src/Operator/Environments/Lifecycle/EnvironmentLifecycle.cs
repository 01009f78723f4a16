namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// The whole lifecycle of a DataPlatformEnvironment as one pure step function (DESIGN.md section 5): from the
/// environment (metadata, spec, status), the time, the settings and what the shell observed after the previous
/// action, to the next status, the events, the next action and the requeue. It does no I/O and reads no clock, so
/// every transition is unit-tested on fake time; the controller and the finalizer only read, call it, act and write.
/// <code>
/// live:      [paused] -> Paused          [invalid] -> Stalled InvalidSpec          [nothing owed] -> wait
///            [owed] -> Reconciling + RunUpdate -> UpdateSucceeded -> Ready
///                                              -> OperationFailed -> retry scheduled | Stalled (class, budget, unclassified)
/// deletion:  [Retain] -> ReleaseFinalizer
///            CheckStack -> StackChecked(false) -> ReleaseFinalizer
///                       -> StackChecked(true) -> [protected] Stalled DeletionProtected | Destroy
///            Destroy -> StackDestroyed -> ReleaseFinalizer;  OperationFailed -> retry scheduled | Stalled
/// </code>
/// New outputs of a transition (progress to publish during a run, per-component status) belong on
/// <see cref="LifecycleStep"/> or on the observation that carries them, not in the shell.
/// </summary>
internal static class EnvironmentLifecycle
{
    public static LifecycleStep Next(LifecycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var draft = new StatusDraft(input);
        return input.Environment.Metadata.DeletionTimestamp is null ? LiveRules.Next(draft) : DeletionRules.Next(draft);
    }
}
