using DataPlatform.Entities.Status;

namespace DataPlatform.Stack.Engine.Events;

/// <summary>A run's progress at one moment: resources done of total, elapsed time, and every component's state.</summary>
public sealed record RunProgressSnapshot(
    EngineOperation Operation,
    DateTimeOffset Started,
    TimeSpan Elapsed,
    int Done,
    int Total,
    IReadOnlyList<ComponentProgress> Components)
{
    /// <summary>The components that are not Ready, in status order (Failed ones first).</summary>
    public IReadOnlyList<ComponentProgress> Blocking =>
        Components.Where(c => c.State != ComponentState.Ready).OrderBy(c => c.State == ComponentState.Failed ? 0 : 1).ToList();

    /// <summary>A line for humans, such as "12/40 resources after 3m20s; in flight: create database-cluster".</summary>
    public string Describe()
    {
        var flight = Components.SelectMany(c => c.InFlight).ToList();
        var text = $"{Done}/{Total} resources after {Durations.Brief(Elapsed)}";
        return flight.Count == 0
            ? text
            : $"{text}; in flight: {string.Join(", ", flight.Take(3))}{(flight.Count > 3 ? $" and {flight.Count - 3} more" : "")}";
    }
}
