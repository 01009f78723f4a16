namespace DataPlatform.Stack.Engine;

/// <summary>One stack output as text (JSON for lists and maps), and whether it is secret.</summary>
public sealed record StackOutput(string Value, bool IsSecret);
