using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>How many resources of one component a plan creates, updates, replaces and deletes.</summary>
public sealed class PlanComponentChanges
{
    /// <summary>The component (network, database, cache, ...); "other" for resources no longer in the program.</summary>
    [JsonPropertyName("component")]
    [Required]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Component { get; set; } = "";

    /// <summary>Resources the plan creates.</summary>
    [JsonPropertyName("create")]
    public int Create { get; set; }

    /// <summary>Resources the plan updates in place.</summary>
    [JsonPropertyName("update")]
    public int Update { get; set; }

    /// <summary>Resources the plan replaces (creates anew and deletes the old one).</summary>
    [JsonPropertyName("replace")]
    public int Replace { get; set; }

    /// <summary>Resources the plan deletes.</summary>
    [JsonPropertyName("delete")]
    public int Delete { get; set; }
}
