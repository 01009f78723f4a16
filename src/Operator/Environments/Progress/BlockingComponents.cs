using DataPlatform.Entities.Status;

namespace DataPlatform.Operator.Environments.Progress;

/// <summary>
/// The sentence the Ready condition adds to say which components block it: the failed ones with their resource and
/// AWS error first, then the ones still in progress or not reached.
/// </summary>
internal static class BlockingComponents
{
    /// <summary>Null when every listed component is Ready (or none is listed).</summary>
    public static string? Describe(IReadOnlyCollection<ComponentStatus>? components)
    {
        var blocking = (components ?? []).Where(c => c.State != ComponentState.Ready).ToList();
        if (blocking.Count == 0)
        {
            return null;
        }

        var failed = blocking.Where(c => c.State == ComponentState.Failed).ToList();
        var waiting = blocking.Where(c => c.State != ComponentState.Failed).Select(Waiting).ToList();
        if (failed.Count == 0)
        {
            return $"Waiting for {string.Join(", ", waiting)}.";
        }

        var text = string.Join(" ", failed.Select(Failed));
        return waiting.Count == 0 ? text : $"{text} Also not Ready: {string.Join(", ", waiting)}.";
    }

    /// <summary>The same words as the Argo CD health message: "Blocked by database (database-cluster, InsufficientCapacity): ...".</summary>
    private static string Failed(ComponentStatus c)
    {
        var message = (c.Message ?? "no message").Trim();
        return $"Blocked by {c.Name} ({c.FailedResource ?? "a resource"}, {c.FailureClass ?? "Unknown"}): {message}{(message.EndsWith('.') ? "" : ".")}";
    }

    private static string Waiting(ComponentStatus c) => c.State switch
    {
        ComponentState.InProgress when c.InFlight is { Count: > 0 } flight => $"{c.Name} ({c.ResourcesDone}/{c.ResourcesTotal}, {string.Join(", ", flight.Take(2))})",
        ComponentState.Pending when c.ResourcesDone == 0 => c.Name,
        _ => $"{c.Name} ({c.State}, {c.ResourcesDone}/{c.ResourcesTotal})",
    };
}
