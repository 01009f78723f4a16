using System.Text.Json.Serialization;
using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Entities.Spec;

/// <summary>CloudWatch log groups, KMS-encrypted with the logs key.</summary>
public sealed class LoggingSpec
{
    /// <summary>Days log events are kept: one of the values CloudWatch Logs accepts.</summary>
    [JsonPropertyName("retentionDays")]
    [AllowedValues(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)]
    public int RetentionDays { get; set; } = 30;
}
