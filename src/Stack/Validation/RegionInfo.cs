using System.Text.Json.Serialization;

namespace DataPlatform.Stack.Validation;

/// <summary>
/// One region of the catalog: its zones, whether the account must opt in, and where not every account can use every
/// zone, how many every account can (with the evidence).
/// </summary>
public sealed record RegionInfo(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("azCount")] int AzCount,
    [property: JsonPropertyName("optIn")] bool OptIn,
    [property: JsonPropertyName("azCountEveryAccount")] int? AzCountEveryAccount = null,
    [property: JsonPropertyName("azNote")] string? AzNote = null);
