using DataPlatform.Entities.Status;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// One transition: the status to hold (written only when <see cref="StatusChanged"/>, so an environment at rest costs
/// no API write), the events to publish after it is written, the action for the shell (null: the reconcile is over)
/// and when to look again (null: only a change to the object brings it back).
/// </summary>
internal sealed record LifecycleStep(
    DataPlatformEnvironmentStatus Status,
    bool StatusChanged,
    IReadOnlyList<LifecycleEvent> Events,
    LifecycleAction? Action,
    TimeSpan? Requeue);
