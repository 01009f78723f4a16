using System.Security.Cryptography;
using System.Text;
using DataPlatform.Entities;
using DataPlatform.Entities.Spec;

namespace DataPlatform.Stack.Naming;

/// <summary>
/// Every AWS name the stack sets, derived in one place so the program, the pre-flight validator and the status
/// agree. Names come from the spec where the user set one, otherwise from the environment suffix
/// (<c>spec.environmentSuffix</c>, default <c>metadata.name</c>), followed for environments first deployed under the
/// Namespaced scheme by a hash of the namespace (<see cref="NamingSchemes"/>). Lengths are not checked here: the validator
/// checks every name this record holds.
/// </summary>
public sealed record ResourceNames
{
    /// <summary>The stem of every derived name: the environment suffix, with a hash of the namespace under the Namespaced scheme (<see cref="NamingSchemes"/>).</summary>
    public required string Suffix { get; init; }

    /// <summary>The environment suffix as the user gave it (spec.environmentSuffix, default metadata.name), for tags and messages.</summary>
    public required string Label { get; init; }

    /// <summary>Pulumi project name (the program's <c>name</c>).</summary>
    public required string Project { get; init; }

    /// <summary>Pulumi stack name: namespace and name, unique per cluster.</summary>
    public required string Stack { get; init; }

    public required string Vpc { get; init; }

    public required string KinesisStream { get; init; }

    public required string DatabaseSecret { get; init; }

    public required string ClusterIdentifier { get; init; }

    public required string InstanceIdentifier { get; init; }

    public required string DbSubnetGroup { get; init; }

    public required string DbParameterGroup { get; init; }

    public required string DbClusterParameterGroup { get; init; }

    public required string ReplicationGroupId { get; init; }

    public required string CacheParameterGroup { get; init; }

    public required string CacheSubnetGroup { get; init; }

    public required string ArtifactBucket { get; init; }

    public required string Pipeline { get; init; }

    public required string BuildProject { get; init; }

    public required string PipelineRole { get; init; }

    public required string BuildRole { get; init; }

    public required string AppSecurityGroup { get; init; }

    public required string DatabaseSecurityGroup { get; init; }

    public required string CacheSecurityGroup { get; init; }

    public required string ApplicationLogGroup { get; init; }

    public required string CacheLogGroup { get; init; }

    public required string BuildLogGroup { get; init; }

    public required string ConnectionSecret { get; init; }

    /// <summary>The KMS alias of each service's key.</summary>
    public required IReadOnlyDictionary<KeyService, string> KeyAliases { get; init; }

    /// <summary>The log group RDS or Aurora writes one exported log type to.</summary>
    public string DatabaseLogGroup(string logType, DatabaseEngine engine) => engine == DatabaseEngine.Postgres
        ? $"/aws/rds/instance/{InstanceIdentifier}/{logType}"
        : $"/aws/rds/cluster/{ClusterIdentifier}/{logType}";

    public static ResourceNames For(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var spec = environment.Spec;
        var name = environment.Metadata?.Name ?? "";
        var ns = environment.Metadata?.NamespaceProperty ?? "default";
        var s = NamingSchemes.Stem(environment, spec.EnvironmentSuffix ?? name);
        var cluster = spec.Database.ClusterIdentifier ?? $"{s}-db";
        var instance = spec.Database.InstanceIdentifier
            ?? (spec.Database.Engine == DatabaseEngine.Postgres ? $"{s}-db" : $"{cluster}-1");
        var aliases = Enum.GetValues<KeyService>().ToDictionary(
            service => service,
            service => spec.Encryption.Keys.FirstOrDefault(k => k.Service == service)?.Alias
                ?? $"alias/dataplatform/{s}/{service.ToString().ToLowerInvariant()}");

        return new ResourceNames
        {
            Suffix = s,
            Label = spec.EnvironmentSuffix ?? name,
            Project = "dataplatform",
            Stack = $"{ns}.{name}",
            Vpc = $"{s}-vpc",
            KinesisStream = $"{s}-events",
            DatabaseSecret = $"dataplatform/{s}/database",
            ClusterIdentifier = cluster,
            InstanceIdentifier = instance,
            DbSubnetGroup = $"{s}-db-subnets",
            DbParameterGroup = $"{s}-db-params",
            DbClusterParameterGroup = $"{s}-db-cluster-params",
            ReplicationGroupId = spec.Cache.ReplicationGroupId ?? $"{s}-redis",
            CacheParameterGroup = $"{s}-redis-params",
            CacheSubnetGroup = $"{s}-redis-subnets",
            ArtifactBucket = spec.Artifacts.BucketName ?? $"{s}-artifacts-{ShortHash($"{ns}/{name}/{spec.Region}")}",
            Pipeline = $"{s}-pipeline",
            BuildProject = $"{s}-build",
            PipelineRole = $"{s}-pipeline-role",
            BuildRole = $"{s}-build-role",
            AppSecurityGroup = $"{s}-app",
            DatabaseSecurityGroup = $"{s}-database",
            CacheSecurityGroup = $"{s}-cache",
            ApplicationLogGroup = $"/dataplatform/{s}/application",
            CacheLogGroup = $"/aws/vendedlogs/elasticache/{s}/redis/slow-log",
            BuildLogGroup = $"/aws/codebuild/{s}-build",
            ConnectionSecret = spec.ConnectionSecretName ?? $"{name}-connection",
            KeyAliases = aliases,
        };
    }

    /// <summary>Eight hex characters of SHA-256: stable for one environment, different across clusters' namespaces.</summary>
    private static string ShortHash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];
}
