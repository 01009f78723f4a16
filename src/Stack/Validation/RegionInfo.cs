using System.Text.Json.Serialization;

namespace DataPlatform.Stack.Validation;

/// <summary>One region of the catalog.</summary>
public sealed record RegionInfo(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("azCount")] int AzCount,
    [property: JsonPropertyName("optIn")] bool OptIn);
