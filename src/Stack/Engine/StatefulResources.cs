namespace DataPlatform.Stack.Engine;

/// <summary>
/// Resource types that hold data a replacement or deletion loses (DESIGN.md section 11): database clusters and
/// instances, the cache, buckets, KMS keys, streams and secrets. The program protects them; a plan replacing or
/// deleting one waits for approval.
/// </summary>
public static class StatefulResources
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "aws:rds/cluster:Cluster",
        "aws:rds/instance:Instance",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketV2:BucketV2",
        "aws:kms/key:Key",
        "aws:kinesis/stream:Stream",
        "aws:secretsmanager/secret:Secret",
    };

    public static bool IsStateful(string type) => Types.Contains(type);
}
