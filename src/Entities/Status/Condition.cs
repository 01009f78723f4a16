using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>One aspect of the environment's state, shaped like metav1.Condition.</summary>
public sealed class Condition
{
    public const string Ready = "Ready";
    public const string Reconciling = "Reconciling";
    public const string Stalled = "Stalled";
    public const string Paused = "Paused";

    /// <summary>True when the last drift check found the stack differing from its program (DESIGN.md section 11).</summary>
    public const string DriftDetected = "DriftDetected";

    /// <summary>Type of condition in CamelCase: Ready, Reconciling, Stalled, Paused or DriftDetected.</summary>
    [JsonPropertyName("type")]
    [Required]
    [StringLength(316, MinimumLength = 1)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Type { get; set; } = "";

    /// <summary>True, False or Unknown.</summary>
    [JsonPropertyName("status")]
    [Required]
    public ConditionStatus Status { get; set; } = ConditionStatus.Unknown;

    /// <summary>The metadata.generation the condition was set from.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>When the status last changed.</summary>
    [JsonPropertyName("lastTransitionTime")]
    [Required]
    public DateTimeOffset LastTransitionTime { get; set; }

    /// <summary>Machine-readable CamelCase reason for the last transition.</summary>
    [JsonPropertyName("reason")]
    [Required]
    [StringLength(1024, MinimumLength = 1)]
    [RegularExpression("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Reason { get; set; } = "";

    /// <summary>A sentence a user can act on.</summary>
    [JsonPropertyName("message")]
    [Required]
    [MaxLength(32768)]
    public string Message { get; set; } = "";
}
