using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Policy;

/// <summary>A Kubernetes label selector: every matchLabels pair and every matchExpressions requirement must hold.</summary>
public sealed class NamespaceLabelSelector
{
    /// <summary>Labels the namespace must carry with exactly these values.</summary>
    [JsonPropertyName("matchLabels")]
    [MaxLength(50)]
    public Dictionary<string, string> MatchLabels { get; set; } = [];

    /// <summary>Requirements on the namespace's labels.</summary>
    [JsonPropertyName("matchExpressions")]
    [MaxLength(50)]
    public List<LabelSelectorRequirement> MatchExpressions { get; set; } = [];
}
