namespace DataPlatform.Stack.Engine.Events;

/// <summary>
/// What a step does: op (same, create, update, delete, replace, ...), the resource's URN and type, and for an update
/// or replace the changed properties (<c>diffs</c>) and those forcing the replacement (<c>keys</c>).
/// </summary>
public sealed record StepMetadata(string Op, string Urn, string Type)
{
    public string Name => Urn[(Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    /// <summary>Properties whose change forces a replacement (<c>keys</c>); empty when none or not reported.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>Changed properties (<c>diffs</c>); empty when none or not reported.</summary>
    public IReadOnlyList<string> Diffs { get; init; } = [];
}
