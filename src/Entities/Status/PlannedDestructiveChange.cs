using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>A stateful resource a plan would replace or delete, with its data.</summary>
public sealed class PlannedDestructiveChange
{
    /// <summary>Logical name in the program.</summary>
    [JsonPropertyName("resource")]
    [Required]
    public string Resource { get; set; } = "";

    /// <summary>Pulumi type token, such as aws:rds/cluster:Cluster.</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Type { get; set; } = "";

    /// <summary>replace or delete.</summary>
    [JsonPropertyName("operation")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Operation { get; set; } = "";

    /// <summary>The changed properties that force the replacement (empty for a delete).</summary>
    [JsonPropertyName("forcedBy")]
    public List<string> ForcedBy { get; set; } = [];
}
