namespace DataPlatform.Stack.Engine;

/// <summary>The environment a stack belongs to: its namespace, name, uid and the generation a run applies.</summary>
public sealed record StackOwner(string Namespace, string Name, string Uid, long Generation);
