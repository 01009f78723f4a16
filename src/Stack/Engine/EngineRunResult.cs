using DataPlatform.Stack.Failures;

namespace DataPlatform.Stack.Engine;

/// <summary>The outcome of one engine run, with the change counts, the classified failure, and any recovery it made.</summary>
public sealed record EngineRunResult(
    EngineOperation Operation,
    EngineOutcome Outcome,
    IReadOnlyDictionary<string, int> ResourceChanges,
    Failure? Failure,
    IReadOnlyList<string> Recoveries,
    DateTimeOffset Started,
    DateTimeOffset Ended)
{
    public bool Succeeded => Outcome == EngineOutcome.Succeeded;

    /// <summary>For a preview: the plan it made (steps and id); null for other operations.</summary>
    public PreviewPlan? Plan { get; init; }
}
