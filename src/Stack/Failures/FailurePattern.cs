using System.Text.Json.Serialization;

namespace DataPlatform.Stack.Failures;

/// <summary>
/// One entry of the pattern table (failure-patterns.json, or Failures:Patterns in the operator's configuration): a
/// case-insensitive .NET regular expression over an engine diagnostic, the class it gives (a CamelCase condition
/// reason), what a retry can do for it, and the spec field at fault when one is known.
/// </summary>
public sealed record FailurePattern(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("pattern")] string Pattern,
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("outcome"), JsonConverter(typeof(JsonStringEnumConverter<FailureOutcome>))] FailureOutcome Outcome,
    [property: JsonPropertyName("field")] string? Field);
