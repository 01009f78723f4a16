using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>
/// ElastiCache Redis: parameter group (maxmemory-policy defaults to allkeys-lru), subnet group, and a replication
/// group with <c>description</c> (the provider has no replicationGroupDescription and no authTokenEnabled: an auth
/// token is enabled by passing it), encryption in transit and at rest with the cache key, and slow-log delivery.
/// </summary>
public static class CacheBuilder
{
    /// <summary>The replication group's weekly maintenance window (UTC).</summary>
    public const string MaintenanceWindow = "sun:06:00-sun:07:00";

    public const string ReplicationGroup = "cache-replication-group";
    public const string DefaultMaxMemoryPolicy = "allkeys-lru";

    /// <summary>Redis 7.x takes family redis7, 6.x takes redis6.x.</summary>
    public static string Family(CacheSpec cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.ParameterGroupFamily ?? (cache.EngineVersion.StartsWith('6') ? "redis6.x" : $"redis{cache.EngineVersion.Split('.')[0]}");
    }

    internal static void Build(ProgramContext context)
    {
        const string component = "cache";
        var cache = context.Spec.Cache;
        var names = context.Names;
        var parameters = new SortedDictionary<string, string>(cache.Parameters, StringComparer.Ordinal);
        parameters.TryAdd("maxmemory-policy", DefaultMaxMemoryPolicy);
        context.Add("cache-parameter-group", "aws:elasticache/parameterGroup:ParameterGroup", component, names.CacheParameterGroup, PropertyMap.Of(
            ("name", names.CacheParameterGroup),
            ("family", Family(cache)),
            ("description", $"Redis parameters of {names.Suffix}"),
            ("parameters", parameters.Select(p => (object)PropertyMap.Of(("name", p.Key), ("value", p.Value))).ToList()),
            ("tags", context.Tags(names.CacheParameterGroup))));
        context.Add("cache-subnet-group", "aws:elasticache/subnetGroup:SubnetGroup", component, names.CacheSubnetGroup, PropertyMap.Of(
            ("name", names.CacheSubnetGroup),
            ("description", $"Private subnets of {names.Suffix}"),
            ("subnetIds", NetworkBuilder.PrivateSubnetIds(context)),
            ("tags", context.Tags(names.CacheSubnetGroup))));
        context.Add(ReplicationGroup, "aws:elasticache/replicationGroup:ReplicationGroup", component, names.ReplicationGroupId, PropertyMap.Of(
            ("replicationGroupId", names.ReplicationGroupId),
            ("description", $"Redis of the data platform {names.Suffix}"),
            ("engine", "redis"),
            ("engineVersion", cache.EngineVersion),
            ("nodeType", cache.NodeType),
            ("numCacheClusters", cache.NumCacheClusters),
            ("automaticFailoverEnabled", cache.AutomaticFailover),
            ("multiAzEnabled", cache.MultiAz),
            ("port", NetworkBuilder.RedisPort),
            ("parameterGroupName", Expr.Ref("cache-parameter-group", "name")),
            ("subnetGroupName", Expr.Ref("cache-subnet-group", "name")),
            ("securityGroupIds", new List<object> { Expr.Ref(NetworkBuilder.CacheSecurityGroup, "id") }),
            ("atRestEncryptionEnabled", cache.AtRestEncryption),
            ("kmsKeyId", cache.AtRestEncryption ? ProgramContext.KeyArn(KeyService.Cache) : null),
            ("transitEncryptionEnabled", cache.TransitEncryption),
            ("authToken", cache.AuthEnabled ? new SecretValue(Expr.Ref(SecretsBuilder.CacheAuthToken, "result")) : null),
            ("maintenanceWindow", MaintenanceWindow),
            ("applyImmediately", context.Spec.UpdatePolicy.ApplyImmediately),
            ("snapshotWindow", "04:00-05:00"),
            ("snapshotRetentionLimit", 7),
            ("autoMinorVersionUpgrade", true),
            ("logDeliveryConfigurations", new List<object>
            {
                PropertyMap.Of(
                    ("destination", Expr.Ref(ObservabilityBuilder.CacheLogGroup, "name")),
                    ("destinationType", "cloudwatch-logs"),
                    ("logFormat", "json"),
                    ("logType", "slow-log")),
            }),
            ("tags", context.Tags(names.ReplicationGroupId))),
            new ResourceOptions { AdditionalSecretOutputs = cache.AuthEnabled ? ["authToken"] : [] });

        context.Output(StackOutputNames.RedisPrimary, Expr.Ref(ReplicationGroup, "primaryEndpointAddress"));
        context.Output(StackOutputNames.RedisReader, Expr.Ref(ReplicationGroup, "readerEndpointAddress"));
        context.Output(StackOutputNames.RedisPort, Expr.Ref(ReplicationGroup, "port"));
        context.Output("redisReplicationGroupArn", Expr.Ref(ReplicationGroup, "arn"));
        if (cache.AuthEnabled)
        {
            context.Output(StackOutputNames.RedisAuthToken, Expr.Ref(SecretsBuilder.CacheAuthToken, "result"), secret: true);
        }
    }
}
