using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>A reference to a Secret in the environment's namespace.</summary>
public sealed class SecretReference
{
    /// <summary>Name of the Secret.</summary>
    [JsonPropertyName("name")]
    [Required]
    [StringLength(253, MinimumLength = 1)]
    public string Name { get; set; } = "";
}
