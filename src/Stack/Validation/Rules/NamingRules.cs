using System.Text.RegularExpressions;
using DataPlatform.Entities.Spec;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>
/// Every AWS name the stack sets, explicit or derived from the environment suffix, against its service's length
/// and shape (validation-facts.json). A derived name that breaks a limit is reported on the field that makes it:
/// the explicit field when set, otherwise spec.environmentSuffix or metadata.name.
/// </summary>
internal sealed partial class NamingRules : IValidationRule
{
    private const string Lower = "lower-case letters, digits and single hyphens, starting with a letter and not ending with a hyphen";

    private static readonly NameRule Suffix = new("dataplatform.environmentSuffix", "The environment suffix", 1, 32, Identifier(), Lower, "analytics-prod");
    private static readonly NameRule Cluster = new("rds.cluster.identifier", "The Aurora cluster identifier", 1, 63, Identifier(), Lower, "analytics-prod-db");
    private static readonly NameRule Instance = new("rds.instance.identifier", "The DB instance identifier", 1, 63, Identifier(), Lower, "analytics-prod-db");
    private static readonly NameRule DbSubnetGroup = new("rds.subnetGroup.name", "The DB subnet group name", 1, 255, Identifier(), Lower, "analytics-prod-db-subnets");
    private static readonly NameRule DbParameterGroup = new("rds.parameterGroup.name", "The DB parameter group name", 1, 255, Identifier(), Lower, "analytics-prod-db-params");
    private static readonly NameRule ReplicationGroup = new("elasticache.replicationGroupId", "The replication group id", 1, 40, Identifier(), Lower, "analytics-prod-redis");
    private static readonly NameRule CacheParameterGroup = new("elasticache.parameterGroup.name", "The cache parameter group name", 1, 255, Identifier(), Lower, "analytics-prod-redis-params");
    private static readonly NameRule CacheSubnetGroup = new("elasticache.subnetGroup.name", "The cache subnet group name", 1, 255, CacheSubnet(), "lower-case letters, digits and hyphens", "analytics-prod-redis-subnets");
    private static readonly NameRule Stream = new("kinesis.stream.name", "The Kinesis stream name", 1, 128, StreamName(), "letters, digits, '_', '.' and '-'", "analytics-prod-events");
    private static readonly NameRule Secret = new("secretsmanager.secret.name", "The secret name", 1, 512, SecretName(), "letters, digits and / _ + = . @ -", "dataplatform/analytics-prod/database");
    private static readonly NameRule LogGroup = new("logs.logGroup.name", "The log group name", 1, 512, LogGroupName(), "letters, digits, '_', '-', '/', '.', '#'", "/dataplatform/analytics-prod/application");
    private static readonly NameRule Role = new("iam.role.name", "The IAM role name", 1, 64, RoleName(), "letters, digits and _ + = , . @ -", "analytics-prod-build-role");
    private static readonly NameRule SecurityGroup = new("ec2.securityGroup.name", "The security group name", 1, 255, SecurityGroupName(), "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*", "analytics-prod-app");
    private static readonly NameRule Pipeline = new("codepipeline.name", "The pipeline name", 1, 100, PipelineName(), "letters, digits, '.', '@', '-', '_'", "analytics-prod-pipeline");
    private static readonly NameRule BuildProject = new("codebuild.project.name", "The CodeBuild project name", 2, 150, BuildName(), "a letter or digit, then letters, digits, '-' or '_'", "analytics-prod-build");
    private static readonly NameRule Bucket = new("s3.bucket.name", "The bucket name", 3, 63, BucketName(), "lower-case letters, digits, '.' and '-', starting and ending with a letter or digit", "analytics-prod-artifacts-4711");

    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var spec = context.Spec;
        var names = context.Names;
        var database = spec.Database;
        var results = new List<Violation>();
        void Check(NameRule rule, string field, string value) => results.AddRange(rule.Check(field, value));

        Check(Suffix, context.SuffixField, names.Label);
        if (context.IsAurora)
        {
            Check(Cluster, context.FieldFor("spec.database.clusterIdentifier", database.ClusterIdentifier), names.ClusterIdentifier);
            var instanceField = database.InstanceIdentifier is not null ? "spec.database.instanceIdentifier"
                : context.FieldFor("spec.database.clusterIdentifier", database.ClusterIdentifier);
            Check(Instance, instanceField, names.InstanceIdentifier);
            if (database.MultiAz)
            {
                Check(Instance, instanceField, $"{names.InstanceIdentifier}-reader");
            }

            Check(DbParameterGroup, context.SuffixField, names.DbClusterParameterGroup);
        }
        else
        {
            Check(Instance, context.FieldFor("spec.database.instanceIdentifier", database.InstanceIdentifier), names.InstanceIdentifier);
            Check(DbParameterGroup, context.SuffixField, names.DbParameterGroup);
        }

        Check(DbSubnetGroup, context.SuffixField, names.DbSubnetGroup);
        Check(ReplicationGroup, context.FieldFor("spec.cache.replicationGroupId", spec.Cache.ReplicationGroupId), names.ReplicationGroupId);
        Check(CacheParameterGroup, context.SuffixField, names.CacheParameterGroup);
        Check(CacheSubnetGroup, context.SuffixField, names.CacheSubnetGroup);
        Check(Stream, context.SuffixField, names.KinesisStream);
        Check(Secret, context.SuffixField, names.DatabaseSecret);
        foreach (var group in new[] { names.ApplicationLogGroup, names.CacheLogGroup, names.BuildLogGroup })
        {
            Check(LogGroup, context.SuffixField, group);
        }

        foreach (var group in new[] { names.AppSecurityGroup, names.DatabaseSecurityGroup, names.CacheSecurityGroup })
        {
            Check(SecurityGroup, context.SuffixField, group);
        }

        if (spec.Pipeline.Enabled)
        {
            Check(Pipeline, context.SuffixField, names.Pipeline);
            Check(BuildProject, context.SuffixField, names.BuildProject);
            Check(Role, context.SuffixField, names.PipelineRole);
            Check(Role, context.SuffixField, names.BuildRole);
            if (spec.Pipeline.Source.Provider == SourceProvider.S3)
            {
                Check(Role, context.SuffixField, $"{names.Suffix}-pipeline-events");
            }

            if (spec.Pipeline.Deploy.Provider == DeployProvider.CodeDeploy)
            {
                Check(Role, context.SuffixField, $"{names.Suffix}-deploy-role");
            }
        }

        var bucketField = context.FieldFor("spec.artifacts.bucketName", spec.Artifacts.BucketName);
        Check(Bucket, bucketField, names.ArtifactBucket);
        results.AddRange(CheckBucketDetails(bucketField, names.ArtifactBucket));
        return results;
    }

    private static IEnumerable<Violation> CheckBucketDetails(string field, string name)
    {
        if (name.Contains("..", StringComparison.Ordinal))
        {
            yield return Violation.Error(field, "s3.bucket.name", $"The bucket name '{name}' has two adjacent periods; use single hyphens instead.");
        }

        if (IpAddress().IsMatch(name))
        {
            yield return Violation.Error(field, "s3.bucket.name", $"The bucket name '{name}' looks like an IP address, which S3 refuses.");
        }

        foreach (var prefix in new[] { "xn--", "sthree-", "amzn-s3-demo-" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return Violation.Error(field, "s3.bucket.name", $"The bucket name '{name}' starts with the reserved prefix '{prefix}'.");
            }
        }

        foreach (var suffix in new[] { "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return Violation.Error(field, "s3.bucket.name", $"The bucket name '{name}' ends with the reserved suffix '{suffix}'.");
            }
        }

        if (name.Contains('.', StringComparison.Ordinal))
        {
            yield return Violation.Warning(field, "s3.bucket.dots",
                $"The bucket name '{name}' contains periods, which break virtual-hosted HTTPS certificate matching; prefer hyphens.");
        }
    }

    [GeneratedRegex("^[a-z](?:-?[a-z0-9])*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex CacheSubnet();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex StreamName();

    [GeneratedRegex("^[A-Za-z0-9/_+=.@-]+$")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^[.\-_/#A-Za-z0-9]+$")]
    private static partial Regex LogGroupName();

    [GeneratedRegex("^[A-Za-z0-9_+=,.@-]+$")]
    private static partial Regex RoleName();

    [GeneratedRegex(@"^[A-Za-z0-9 ._\-:/()#,@\[\]+=&;{}!$*]+$")]
    private static partial Regex SecurityGroupName();

    [GeneratedRegex("^[A-Za-z0-9.@_-]+$")]
    private static partial Regex PipelineName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex BuildName();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex IpAddress();
}
