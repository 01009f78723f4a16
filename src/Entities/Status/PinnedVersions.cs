using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>
/// Engine versions resolved once and reused (DESIGN.md section 11): while spec.database.engineVersion names the
/// same major, every update keeps the recorded version; a new major, an exact pin in the spec, or a new value of the
/// dataplatform.io/upgrade-engine annotation resolves it again.
/// </summary>
public sealed class PinnedVersions
{
    /// <summary>The database engine version the stack runs, such as 16.4.</summary>
    [JsonPropertyName("database")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? Database { get; set; }

    /// <summary>The dataplatform.io/upgrade-engine annotation value that last resolved the version.</summary>
    [JsonPropertyName("observedUpgradeRequest")]
    public string? ObservedUpgradeRequest { get; set; }
}
