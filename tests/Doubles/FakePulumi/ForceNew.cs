namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// The input properties whose change makes the AWS provider replace a resource instead of updating it in place
/// (the bridged provider reports them as replace keys; they are ForceNew in terraform-provider-aws's schema of the
/// same resource). Only the resources and properties the operator's program sets are listed; SEMANTICS.md says so.
/// </summary>
internal static class ForceNew
{
    private static readonly Dictionary<string, string[]> ByType = new(StringComparer.Ordinal)
    {
        ["aws:rds/cluster:Cluster"] = ["clusterIdentifier", "engine", "engineMode", "databaseName", "masterUsername", "kmsKeyId", "storageEncrypted", "dbSubnetGroupName", "availabilityZones"],
        ["aws:rds/instance:Instance"] = ["engine", "dbName", "username", "kmsKeyId", "storageEncrypted", "availabilityZone"],
        ["aws:rds/clusterInstance:ClusterInstance"] = ["identifier", "clusterIdentifier", "engine", "dbSubnetGroupName", "availabilityZone"],
        ["aws:rds/subnetGroup:SubnetGroup"] = ["name"],
        ["aws:rds/parameterGroup:ParameterGroup"] = ["name", "family", "description"],
        ["aws:rds/clusterParameterGroup:ClusterParameterGroup"] = ["name", "family", "description"],
        ["aws:elasticache/replicationGroup:ReplicationGroup"] = ["replicationGroupId", "atRestEncryptionEnabled", "kmsKeyId", "subnetGroupName", "port"],
        ["aws:elasticache/subnetGroup:SubnetGroup"] = ["name"],
        ["aws:elasticache/parameterGroup:ParameterGroup"] = ["name", "family", "description"],
        ["aws:s3/bucket:Bucket"] = ["bucket", "bucketPrefix", "objectLockEnabled"],
        ["aws:kinesis/stream:Stream"] = ["name"],
        ["aws:kms/key:Key"] = ["customerMasterKeySpec", "keyUsage", "multiRegion"],
        ["aws:kms/alias:Alias"] = ["name"],
        ["aws:secretsmanager/secret:Secret"] = ["name", "namePrefix"],
        ["aws:ec2/vpc:Vpc"] = ["cidrBlock"],
        ["aws:ec2/subnet:Subnet"] = ["cidrBlock", "vpcId", "availabilityZone"],
        ["aws:ec2/securityGroup:SecurityGroup"] = ["name", "vpcId", "description"],
        ["aws:iam/role:Role"] = ["name", "path"],
        ["aws:cloudwatch/logGroup:LogGroup"] = ["name"],
        ["aws:codebuild/project:Project"] = ["name"],
        ["aws:codepipeline/pipeline:Pipeline"] = ["name"],
    };

    public static IReadOnlyList<string> Keys(string type, IEnumerable<string> changed) =>
        ByType.TryGetValue(type, out var keys) ? changed.Where(keys.Contains).ToList() : [];
}
