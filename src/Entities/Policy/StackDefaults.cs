using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Spec;

namespace DataPlatform.Entities.Policy;

/// <summary>Defaults for environments the policy governs that do not set their own.</summary>
public sealed class StackDefaults
{
    /// <summary>Pulumi state backend URL for environments without spec.stack.backendUrl.</summary>
    [JsonPropertyName("backendUrl")]
    [RegularExpression(StackSpec.BackendUrlPattern)]
    [MaxLength(2048)]
    public string? BackendUrl { get; set; }

    /// <summary>Pulumi secrets provider for environments without spec.stack.secretsProvider.</summary>
    [JsonPropertyName("secretsProvider")]
    [RegularExpression(StackSpec.SecretsProviderPattern)]
    [MaxLength(2048)]
    public string? SecretsProvider { get; set; }
}
