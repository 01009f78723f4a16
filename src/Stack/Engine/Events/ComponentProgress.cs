using DataPlatform.Entities.Status;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Engine.Events;

/// <summary>
/// Where one component stands in a run: its state, resources done of total, the steps in flight ("create
/// database-cluster"), and when it failed, the resource, the failure class and the AWS error with secrets removed.
/// </summary>
public sealed record ComponentProgress(
    PlatformComponent Component,
    ComponentState State,
    int Done,
    int Total,
    IReadOnlyList<string> InFlight,
    string? FailedResource,
    string? FailureClass,
    string? Message)
{
    /// <summary>A short description for condition messages, such as "database (InProgress, 3/5: create database-cluster)".</summary>
    public string Describe()
    {
        var detail = State switch
        {
            ComponentState.Failed => $"{FailedResource ?? "a resource"} failed with {FailureClass}: {Message}",
            ComponentState.InProgress when InFlight.Count > 0 => $"{Done}/{Total}: {string.Join(", ", InFlight.Take(2))}",
            _ => $"{Done}/{Total}",
        };
        return $"{Component.Name()} ({State}, {detail})";
    }
}
