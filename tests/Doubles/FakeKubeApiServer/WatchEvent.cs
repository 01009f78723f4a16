using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>One change in the store's history: ADDED, MODIFIED or DELETED, at a resourceVersion.</summary>
public sealed record WatchEvent(long ResourceVersion, string Type, ResourceKey Key, JsonObject Body);
