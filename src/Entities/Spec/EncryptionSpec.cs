using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;

namespace DataPlatform.Entities.Spec;

/// <summary>Customer-managed KMS keys. Every service gets its own key; list a service here to change its settings.</summary>
public sealed class EncryptionSpec
{
    /// <summary>Per-service key settings, at most one entry per service.</summary>
    [JsonPropertyName("keys")]
    [ListMapKey("service")]
    [MaxLength(6)]
    public List<KeySpec> Keys { get; set; } = [];
}
