using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The KMS-encrypted Kinesis data stream.</summary>
public sealed class StreamingSpec
{
    /// <summary>Capacity mode: OnDemand scales by itself; Provisioned uses shardCount.</summary>
    [JsonPropertyName("mode")]
    public StreamMode Mode { get; set; } = StreamMode.OnDemand;

    /// <summary>Shards in Provisioned mode (ignored in OnDemand mode).</summary>
    [JsonPropertyName("shardCount")]
    [Range(1, 10000)]
    public int ShardCount { get; set; } = 1;

    /// <summary>Hours records stay in the stream (24 to 8760).</summary>
    [JsonPropertyName("retentionHours")]
    [Range(24, 8760)]
    public int RetentionHours { get; set; } = 24;
}
