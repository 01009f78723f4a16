using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>What a drift check does with drift it finds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftAction>))]
public enum DriftAction
{
    /// <summary>Report it as the DriftDetected condition and change nothing.</summary>
    Report,

    /// <summary>Report it and apply the program again (through approval when the correction is destructive).</summary>
    Correct,
}
