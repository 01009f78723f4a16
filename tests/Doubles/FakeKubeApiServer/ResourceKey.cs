namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>Where an object lives: its API group ("" for core), resource plural, namespace and name.</summary>
public readonly record struct ResourceKey(string Group, string Plural, string Namespace, string Name);
