using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The drift check: refresh and preview, never an update unless the action is Correct.</summary>
public sealed class DriftSpec
{
    /// <summary>Seconds between drift checks; 0 turns them off. Unset: spec.stack.resyncIntervalSeconds.</summary>
    [JsonPropertyName("intervalSeconds")]
    [Range(0, 604800)]
    public int? IntervalSeconds { get; set; }

    /// <summary>Report (default): found drift becomes the DriftDetected condition; Correct: the operator also applies the program again.</summary>
    [JsonPropertyName("action")]
    public DriftAction Action { get; set; } = DriftAction.Report;
}
