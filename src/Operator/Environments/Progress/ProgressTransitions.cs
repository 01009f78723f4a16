using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Operator.Environments.Progress;

/// <summary>
/// The status changes progress makes, pure like <see cref="StatusTransitions"/>: during a run, status.progress, the
/// components of an update and a Ready message (while Ready is False) that names what the run waits for; at its end,
/// no progress and the components as the run left them, with Ready's message naming the ones that block it.
/// </summary>
internal static class ProgressTransitions
{
    /// <summary>A run starts: progress left by an earlier run (an operator that stopped mid-run) goes.</summary>
    public static void Started(DataPlatformEnvironmentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.Progress = null;
    }

    public static void Progressed(DataPlatformEnvironmentStatus status, RunProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(snapshot);
        status.Progress = ComponentStatuses.ProgressOf(snapshot);
        if (snapshot.Operation != EngineOperation.Up)
        {
            return;
        }

        status.Components = ComponentStatuses.Of(snapshot);
        if (EnvironmentConditions.Find(status, Condition.Ready) is { Status: not ConditionStatus.True } ready
            && EnvironmentConditions.Find(status, Condition.Reconciling) is { Status: ConditionStatus.True } reconciling)
        {
            ready.Message = WithBlocking(reconciling.Message, status.Components);
        }
    }

    /// <summary>A run ended: no progress; an update's components replace the old ones (null leaves them).</summary>
    public static void Concluded(DataPlatformEnvironmentStatus status, IReadOnlyList<ComponentStatus>? components)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.Progress = null;
        if (components is not null)
        {
            status.Components = components.ToList();
        }
    }

    /// <summary>The sentence naming the failed components with their resource and AWS error; null when none failed.</summary>
    public static string? Blocked(IReadOnlyCollection<ComponentStatus>? components) =>
        components is not null && components.Any(c => c.State == ComponentState.Failed) ? BlockingComponents.Describe(components) : null;

    /// <summary>A message followed by the sentence naming the components that block Ready, if any.</summary>
    public static string WithBlocking(string message, IReadOnlyCollection<ComponentStatus>? components) =>
        BlockingComponents.Describe(components) is { } blocking ? $"{message} {blocking}" : message;
}
