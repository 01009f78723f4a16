namespace DataPlatform.Stack.Model;

/// <summary>Pulumi resource options the program uses.</summary>
public sealed record ResourceOptions
{
    public static readonly ResourceOptions None = new();

    /// <summary>Logical names of resources this one must wait for.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public bool Protect { get; init; }

    public IReadOnlyList<string> AdditionalSecretOutputs { get; init; } = [];

    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    public bool DeleteBeforeReplace { get; init; }

    public bool RetainOnDelete { get; init; }
}
