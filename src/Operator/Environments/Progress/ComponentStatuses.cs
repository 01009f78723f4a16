using DataPlatform.Entities.Status;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Model;

namespace DataPlatform.Operator.Environments.Progress;

/// <summary>Turns a run's progress into status.progress and status.components.</summary>
internal static class ComponentStatuses
{
    public static List<ComponentStatus> Of(RunProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Components.Select(c => new ComponentStatus
        {
            Name = c.Component.Name(),
            State = c.State,
            ResourcesDone = c.Done,
            ResourcesTotal = c.Total,
            InFlight = c.InFlight.Count > 0 ? c.InFlight.ToList() : null,
            FailedResource = c.FailedResource,
            FailureClass = c.FailureClass,
            Message = c.Message,
        }).ToList();
    }

    public static ProgressStatus ProgressOf(RunProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ProgressStatus
        {
            Operation = Operation(snapshot.Operation),
            StartTime = snapshot.Started,
            ElapsedSeconds = (long)snapshot.Elapsed.TotalSeconds,
            ResourcesDone = snapshot.Done,
            ResourcesTotal = snapshot.Total,
            Message = snapshot.Describe(),
        };
    }

    /// <summary>The operation as status.lastUpdate.kind names it: update, refresh, preview or destroy.</summary>
    public static string Operation(EngineOperation operation) => operation == EngineOperation.Up ? "update" : operation.ToString().ToLowerInvariant();
}
