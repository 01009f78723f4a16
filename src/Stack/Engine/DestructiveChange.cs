namespace DataPlatform.Stack.Engine;

/// <summary>A stateful resource a plan replaces or deletes, with the properties that force the replacement (none for a delete).</summary>
public sealed record DestructiveChange(string Resource, string Type, string Operation, IReadOnlyList<string> Properties)
{
    public override string ToString() => Operation == "replace"
        ? $"{Resource} ({Type.Split(':')[^1]}) is replaced because {string.Join(", ", Properties)} changed"
        : $"{Resource} ({Type.Split(':')[^1]}) is deleted";
}
