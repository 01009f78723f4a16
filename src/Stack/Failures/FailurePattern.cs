using System.Text.Json.Serialization;

namespace DataPlatform.Stack.Failures;

/// <summary>One entry of failure-patterns.json.</summary>
public sealed record FailurePattern(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("pattern")] string Pattern,
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("transient")] bool Transient,
    [property: JsonPropertyName("field")] string? Field);
