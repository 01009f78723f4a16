using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>Settings of the customer-managed KMS key of one service.</summary>
public sealed class KeySpec
{
    /// <summary>The service the key encrypts.</summary>
    [JsonPropertyName("service")]
    [Required]
    public KeyService Service { get; set; }

    /// <summary>Alias of the key, such as alias/analytics-prod/kinesis. Defaults to alias/dataplatform/&lt;suffix&gt;/&lt;service&gt;.</summary>
    [JsonPropertyName("alias")]
    [StringLength(256, MinimumLength = 7)]
    [RegularExpression("^alias/[A-Za-z0-9/_-]+$")]
    public string? Alias { get; set; }

    /// <summary>Whether KMS rotates the key material every year.</summary>
    [JsonPropertyName("rotation")]
    public bool Rotation { get; set; } = true;

    /// <summary>Days KMS waits before deleting the key once the stack destroys it (7 to 30).</summary>
    [JsonPropertyName("deletionWindowDays")]
    [Range(7, 30)]
    public int DeletionWindowDays { get; set; } = 30;
}
