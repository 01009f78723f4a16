using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataPlatform.Stack.Failures;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Failures;

public sealed class FailureClassifierTests
{
    private const string Rds = "creating RDS Cluster (prod-db): operation error RDS: CreateDBCluster, https response error StatusCode: 400, RequestID: 5c1e7d0e-1f2a-4b0c-9f51-1a2b3c4d5e6f, api error";
    private const string Cache = "creating ElastiCache Replication Group (prod-redis): operation error ElastiCache: CreateReplicationGroup, https response error StatusCode: 400, RequestID: 0b7c1f0d-33aa-4c58-8a0e-7d9e2f1c3b4a, api error";

    public static TheoryData<string, string, bool> Corpus() => new()
    {
        { $"{Rds} InvalidParameterValue: MasterUsername admin cannot be used as it is a reserved word used by the engine", "InvalidParameter", false },
        { $"{Rds} InvalidParameterCombination: Cannot find version 15.4 for aurora-postgresql", "VersionUnavailable", false },
        { "creating RDS DB Instance (prod-db): operation error RDS: CreateDBInstance, api error InvalidParameterCombination: Cannot find version 14.9 for postgres", "VersionUnavailable", false },
        { $"{Rds} InsufficientDBClusterCapacityFault: Cannot create a cluster because there is not enough capacity. Please try the request again at a later time.", "InsufficientCapacity", true },
        { "creating RDS DB Instance: api error InsufficientDBInstanceCapacity: Cannot create a database instance because there is not enough capacity in eu-south-2b.", "InsufficientCapacity", true },
        { $"{Cache} InsufficientCacheClusterCapacity: cache.r7g.large is not currently available in eu-south-2a.", "InsufficientCapacity", true },
        { "operation error EC2: DescribeSubnets, https response error StatusCode: 400, api error RequestLimitExceeded: Request limit exceeded.", "Throttling", true },
        { "operation error KMS: CreateKey, https response error StatusCode: 400, api error ThrottlingException: Rate exceeded", "Throttling", true },
        { "operation error Kinesis: CreateStream, StatusCode: 400, api error LimitExceededException: Rate exceeded for stream prod-events", "Throttling", true },
        { "reading S3 Bucket: operation error S3: HeadBucket, https response error StatusCode: 503, api error SlowDown: Please reduce your request rate.", "Throttling", true },
        { "operation error RDS: DescribeDBClusters, https response error StatusCode: 500, RequestID: x, api error InternalFailure: An internal error has occurred.", "ServiceUnavailable", true },
        { "operation error Secrets Manager: CreateSecret, https response error StatusCode: 503, api error ServiceUnavailableException: Service unavailable", "ServiceUnavailable", true },
        { "post \"https://rds.eu-south-2.amazonaws.com/\": read tcp 10.1.2.3:54122->3.5.1.2:443: read: connection reset by peer", "NetworkError", true },
        { "operation error CloudWatch Logs: CreateLogGroup, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post \"https://logs.eu-west-1.amazonaws.com/\": net/http: TLS handshake timeout", "NetworkError", true },
        { "dial tcp: lookup rds.eu-west-9.amazonaws.com: no such host", "ConfigurationError", false },
        { $"{Rds} InvalidDBClusterStateFault: DB cluster prod-db is not currently in the available state.", "ResourceBusy", true },
        { $"{Cache} InvalidReplicationGroupState: Replication group must be in available state to modify.", "ResourceBusy", true },
        { "creating RDS Cluster: api error InvalidParameterValue: IAM role ARN value is invalid or does not include the required permissions for: ENHANCED_MONITORING", "EventualConsistency", true },
        { "creating CodeBuild Project (prod-build): operation error CodeBuild: CreateProject, api error InvalidInputException: CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::123456789012:role/prod-build-role", "EventualConsistency", true },
        { "creating KMS Key: operation error KMS: CreateKey, api error MalformedPolicyDocumentException: Policy contains a statement with one or more invalid principals.", "EventualConsistency", true },
        { "reading IAM Role (prod-build-role): operation error IAM: GetRole, api error NoSuchEntity: The role with name prod-build-role cannot be found.", "EventualConsistency", true },
        { "creating Secrets Manager Secret (dataplatform/prod/database): api error InvalidRequestException: You can't create this secret because a secret with this name is already scheduled for deletion.", "AlreadyExists", false },
        { $"{Rds} DBClusterQuotaExceededFault: Cannot create more than 40 DB clusters.", "QuotaExceeded", false },
        { "creating EC2 VPC: operation error EC2: CreateVpc, api error VpcLimitExceeded: The maximum number of VPCs has been reached.", "QuotaExceeded", false },
        { "creating Kinesis Stream (prod-events): operation error Kinesis: CreateStream, api error LimitExceededException: This request would exceed the shard limit for the account", "QuotaExceeded", false },
        { $"{Cache} InvalidParameterCombination: Expected a parameter group of family redis7 but found one of family redis6.x", "InvalidParameter", false },
        { $"{Cache} InvalidParameterValue: When specifying the AuthToken, TransitEncryptionEnabled must be true.", "InvalidParameter", false },
        { "creating RDS DB Instance: api error InvalidParameterCombination: You can't specify IOPS or storage throughput for engine postgres and a storage size less than 400.", "InvalidParameter", false },
        { $"{Rds} InvalidParameterValue: Serverless v2 maximum capacity 0.5 isn't valid. The maximum capacity must be at least 1.0.", "InvalidParameter", false },
        { $"{Rds} DBSubnetGroupDoesNotCoverEnoughAZs: The DB subnet group doesn't meet Availability Zone (AZ) coverage requirement.", "InvalidParameter", false },
        { "creating EC2 Subnet: api error InvalidParameterValue: Value (us-west-1c) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-west-1a, us-west-1b.", "InvalidParameter", false },
        { "creating CloudWatch Logs Log Group (/dataplatform/prod/application): api error InvalidParameterException: The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:logs:eu-west-1:123456789012:log-group:/dataplatform/prod/application'", "KeyUnusable", false },
        { "creating S3 Bucket (prod-artifacts): operation error S3: CreateBucket, https response error StatusCode: 409, api error BucketAlreadyExists: The requested bucket name is not available.", "AlreadyExists", false },
        { "creating IAM Role (prod-build-role): operation error IAM: CreateRole, api error EntityAlreadyExists: Role with name prod-build-role already exists.", "AlreadyExists", false },
        { "creating EC2 VPC: operation error EC2: CreateVpc, https response error StatusCode: 403, api error UnauthorizedOperation: You are not authorized to perform this operation.", "AccessDenied", false },
        { "operation error STS: GetCallerIdentity, https response error StatusCode: 403, api error InvalidClientTokenId: The security token included in the request is invalid.", "AccessDenied", false },
        { "operation error EC2: DescribeAvailabilityZones, api error OptInRequired: You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.", "AccessDenied", false },
        { "aws:elasticache/replicationGroup:ReplicationGroup resource 'cache-replication-group' has a problem: expected replication_group_id to not be longer than 40, got prod-analytics-platform-for-the-data-team-redis", "ValidationError", false },
        { "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n  s3://state/.pulumi/locks/organization/dataplatform/team.env/1c2d.json: created by root@operator-7f9c (pid 42) at 2026-11-23T08:00:00Z", "LockHeld", true },
        { "error: [409] Conflict: Another update is currently in progress.", "LockHeld", true },
        { "warning: Attempting to deploy or update resources with 2 pending operations from previous deployment.\n  * urn:pulumi:team.env::dataplatform::aws:rds/cluster:Cluster::database-cluster, interrupted while creating", "PendingOperations", false },
        { "error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables", "ConfigurationError", false },
        { "error: failed to decrypt: incorrect passphrase, please set PULUMI_CONFIG_PASSPHRASE to the correct passphrase or set PULUMI_CONFIG_PASSPHRASE_FILE to a file containing the passphrase", "ConfigurationError", false },
        { "error: no resource plugin 'pulumi-resource-aws' found in the workspace at version v7.48.0 or on your $PATH", "ConfigurationError", false },
        { "The Pulumi CLI encountered a fatal error. This is a bug!", "EngineCrash", true },
        { "deleting RDS Cluster (prod-db): operation error RDS: DeleteDBCluster, api error InvalidParameterCombination: Cannot delete protected Cluster, please disable deletion protection and try again.", "DeletionProtected", false },
        { "creating Widget: the service answered something no one has seen before", "Unknown", false },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Labelled_diagnostic_gets_its_class(string text, string expectedClass, bool transient)
    {
        var failure = FailureClassifier.Default.Classify([text]);

        Assert.Equal(expectedClass, failure.Class);
        Assert.Equal(transient, failure.Transient);
    }

    [Fact]
    public void Corpus_has_at_least_40_cases_of_both_classes()
    {
        var rows = Corpus().Select(r => (bool)r[2]).ToList();

        Assert.True(rows.Count >= 40);
        Assert.True(rows.Count(t => t) >= 15);
        Assert.True(rows.Count(t => !t) >= 15);
    }

    [Fact]
    public void Specific_pattern_wins_over_the_generic_validation_entry()
    {
        var failure = FailureClassifier.Default.Classify([$"{Rds} InvalidParameterCombination: Cannot find version 15.4 for aurora-postgresql"]);

        Assert.Equal("rds.versionNotFound", failure.PatternId);
    }

    [Fact]
    public void Earliest_table_entry_wins_across_several_texts()
    {
        var failure = FailureClassifier.Default.Classify(["api error InvalidParameterValue: something", "api error ThrottlingException: Rate exceeded"]);

        Assert.Equal("Throttling", failure.Class);
    }

    [Fact]
    public void Unmatched_text_is_unknown_and_kept_trimmed_with_secrets_removed()
    {
        var failure = FailureClassifier.Default.Classify(["  something odd happened with password Sup3r-S3cret!   and more  "], ["Sup3r-S3cret!"]);

        Assert.Equal(Failure.UnknownClass, failure.Class);
        Assert.Equal(FailureOutcome.Unknown, failure.Outcome);
        Assert.Equal("something odd happened with password [secret] and more", failure.Message);
    }

    [Fact]
    public void Long_messages_are_cut()
    {
        var failure = FailureClassifier.Default.Classify([new string('x', 5000)]);

        Assert.Equal(FailureClassifier.MaxMessageLength, failure.Message.Length);
    }

    [Fact]
    public void Table_covers_every_validation_facts_entry_in_order_and_every_pattern_compiles()
    {
        var facts = JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("aws", "validation-facts.json")))!["errorClassification"]!.AsArray()
            .Select(e => (string)e!["id"]!).ToList();
        var ids = FailureClassifier.Default.Patterns.Select(p => p.Id).ToList();

        Assert.Equal(facts, ids.Where(facts.Contains));
        Assert.All(FailureClassifier.Default.Patterns, p =>
        {
            Assert.Matches("^[A-Z][A-Za-z]+$", p.Class);
            _ = new Regex(p.Pattern);
        });
    }
}
