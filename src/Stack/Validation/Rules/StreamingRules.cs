using DataPlatform.Entities.Spec;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>Kinesis: shards only in provisioned mode, at least one; retention 24 to 8760 hours.</summary>
internal sealed class StreamingRules : IValidationRule
{
    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var streaming = context.Spec.Streaming;
        if (streaming.Mode == StreamMode.Provisioned && streaming.ShardCount < 1)
        {
            yield return Violation.Error("spec.streaming.shardCount", "kinesis.stream.shardCount", "Provisioned mode needs at least 1 shard.");
        }

        if (streaming.Mode == StreamMode.OnDemand && streaming.ShardCount != 1)
        {
            yield return Violation.Warning("spec.streaming.shardCount", "kinesis.stream.shardCount",
                $"shardCount {streaming.ShardCount} is ignored in OnDemand mode, which scales by itself; set mode Provisioned to use it.");
        }

        if (streaming.RetentionHours is < 24 or > 8760)
        {
            yield return Violation.Error("spec.streaming.retentionHours", "kinesis.stream.retention", $"{streaming.RetentionHours} hours is outside 24 to 8760 (1 to 365 days).");
        }
    }
}
