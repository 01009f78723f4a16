namespace DataPlatform.Stack.Engine.Events;

/// <summary>What a step does: op (same, create, update, delete, replace, ...), the resource's URN and type.</summary>
public sealed record StepMetadata(string Op, string Urn, string Type)
{
    public string Name => Urn[(Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
}
