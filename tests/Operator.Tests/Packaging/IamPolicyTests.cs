using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Packaging;

/// <summary>
/// config/iam: the policies the operator's role needs. Every AWS resource type the generated program uses (the
/// full sample's golden program) must be creatable and deletable with them, and each must fit AWS's 6,144-character
/// limit for a managed policy.
/// </summary>
public sealed partial class IamPolicyTests
{
    private static readonly string[] Files = ["operator-policy.json", "operator-delivery-policy.json"];

    /// <summary>
    /// The IAM actions behind creating and deleting each resource type (the Terraform AWS provider's calls, which
    /// Pulumi's AWS provider bridges). S3's DeletePublicAccessBlock and DeleteBucketOwnershipControls are authorised
    /// by the matching Put actions; IAM has no Delete action for them.
    /// </summary>
    private static readonly Dictionary<string, string[]> Calls = new(StringComparer.Ordinal)
    {
        ["aws:ec2/vpc:Vpc"] = ["ec2:CreateVpc", "ec2:DeleteVpc", "ec2:ModifyVpcAttribute"],
        ["aws:ec2/subnet:Subnet"] = ["ec2:CreateSubnet", "ec2:DeleteSubnet"],
        ["aws:ec2/routeTable:RouteTable"] = ["ec2:CreateRouteTable", "ec2:DeleteRouteTable"],
        ["aws:ec2/routeTableAssociation:RouteTableAssociation"] = ["ec2:AssociateRouteTable", "ec2:DisassociateRouteTable"],
        ["aws:ec2/route:Route"] = ["ec2:CreateRoute", "ec2:DeleteRoute"],
        ["aws:ec2/internetGateway:InternetGateway"] = ["ec2:CreateInternetGateway", "ec2:AttachInternetGateway", "ec2:DeleteInternetGateway"],
        ["aws:ec2/eip:Eip"] = ["ec2:AllocateAddress", "ec2:ReleaseAddress"],
        ["aws:ec2/natGateway:NatGateway"] = ["ec2:CreateNatGateway", "ec2:DeleteNatGateway"],
        ["aws:ec2/securityGroup:SecurityGroup"] = ["ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup"],
        ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"] = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
        ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"] = ["ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupEgress"],
        ["aws:kms/key:Key"] = ["kms:CreateKey", "kms:EnableKeyRotation", "kms:ScheduleKeyDeletion"],
        ["aws:kms/alias:Alias"] = ["kms:CreateAlias", "kms:DeleteAlias"],
        ["aws:kinesis/stream:Stream"] = ["kinesis:CreateStream", "kinesis:StartStreamEncryption", "kinesis:DeleteStream"],
        ["aws:rds/subnetGroup:SubnetGroup"] = ["rds:CreateDBSubnetGroup", "rds:DeleteDBSubnetGroup"],
        ["aws:rds/parameterGroup:ParameterGroup"] = ["rds:CreateDBParameterGroup", "rds:DeleteDBParameterGroup"],
        ["aws:rds/clusterParameterGroup:ClusterParameterGroup"] = ["rds:CreateDBClusterParameterGroup", "rds:DeleteDBClusterParameterGroup"],
        ["aws:rds/cluster:Cluster"] = ["rds:CreateDBCluster", "rds:DeleteDBCluster", "rds:CreateDBClusterSnapshot"],
        ["aws:rds/clusterInstance:ClusterInstance"] = ["rds:CreateDBInstance", "rds:DeleteDBInstance"],
        ["aws:rds/instance:Instance"] = ["rds:CreateDBInstance", "rds:DeleteDBInstance", "rds:CreateDBSnapshot"],
        ["aws:elasticache/subnetGroup:SubnetGroup"] = ["elasticache:CreateCacheSubnetGroup", "elasticache:DeleteCacheSubnetGroup"],
        ["aws:elasticache/parameterGroup:ParameterGroup"] = ["elasticache:CreateCacheParameterGroup", "elasticache:DeleteCacheParameterGroup"],
        ["aws:elasticache/replicationGroup:ReplicationGroup"] = ["elasticache:CreateReplicationGroup", "elasticache:DeleteReplicationGroup"],
        ["aws:s3/bucket:Bucket"] = ["s3:CreateBucket", "s3:DeleteBucket"],
        ["aws:s3/bucketVersioning:BucketVersioning"] = ["s3:PutBucketVersioning"],
        ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"] = ["s3:PutEncryptionConfiguration"],
        ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"] = ["s3:PutBucketPublicAccessBlock"],
        ["aws:s3/bucketPolicy:BucketPolicy"] = ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy"],
        ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"] = ["s3:PutBucketOwnershipControls"],
        ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"] = ["s3:PutLifecycleConfiguration"],
        ["aws:secretsmanager/secret:Secret"] = ["secretsmanager:CreateSecret", "secretsmanager:DeleteSecret"],
        ["aws:secretsmanager/secretVersion:SecretVersion"] = ["secretsmanager:PutSecretValue"],
        ["aws:iam/role:Role"] = ["iam:CreateRole", "iam:DeleteRole"],
        ["aws:iam/rolePolicy:RolePolicy"] = ["iam:PutRolePolicy", "iam:DeleteRolePolicy"],
        ["aws:codestarconnections/connection:Connection"] = ["codestar-connections:CreateConnection", "codestar-connections:DeleteConnection"],
        ["aws:codepipeline/pipeline:Pipeline"] = ["codepipeline:CreatePipeline", "codepipeline:DeletePipeline", "iam:PassRole"],
        ["aws:codebuild/project:Project"] = ["codebuild:CreateProject", "codebuild:DeleteProject", "iam:PassRole"],
        ["aws:codedeploy/application:Application"] = ["codedeploy:CreateApplication", "codedeploy:DeleteApplication"],
        ["aws:codedeploy/deploymentGroup:DeploymentGroup"] = ["codedeploy:CreateDeploymentGroup", "codedeploy:DeleteDeploymentGroup", "iam:PassRole"],
        ["aws:cloudwatch/logGroup:LogGroup"] = ["logs:CreateLogGroup", "logs:PutRetentionPolicy", "logs:DeleteLogGroup"],
    };

    [Fact]
    public void Every_resource_type_of_the_program_can_be_created_and_deleted()
    {
        var program = File.ReadAllText(RepoPaths.InRepo("tests", "Stack.Tests", "Golden", "full.Pulumi.yaml"));
        var types = ResourceType().Matches(program).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var allowed = Files.SelectMany(f => Statements(f)).SelectMany(s => s["Action"]!.AsArray().Select(a => (string)a!)).ToList();

        Assert.True(types.Count >= 30, $"only {types.Count} resource types found in the golden program");
        Assert.DoesNotContain(types, t => !Calls.ContainsKey(t));
        var missing = types.SelectMany(t => Calls[t]).Distinct().Where(call => !allowed.Any(a => Grants(a, call))).ToList();
        Assert.True(missing.Count == 0, "not granted: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_policies_are_well_formed_fit_a_managed_policy_and_name_the_state_bucket_and_key()
    {
        foreach (var file in Files)
        {
            var document = JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("config", "iam", file)))!;
            Assert.Equal("2012-10-17", (string?)document["Version"]);
            Assert.True(JsonSerializer.Serialize(document).Length <= 6144, $"{file} is over the 6,144-character managed policy limit");
            var statements = Statements(file).ToList();
            Assert.Equal(statements.Count, statements.Select(s => (string?)s["Sid"]).Distinct().Count());
            Assert.All(statements, s => Assert.Equal("Allow", (string?)s["Effect"]));
            Assert.All(statements.SelectMany(s => s["Action"]!.AsArray()), a => Assert.Matches("^[a-z0-9-]+:[A-Za-z*]+$", (string?)a));
        }

        var state = Statements("operator-policy.json").ToList();
        Assert.Contains(state, s => (string?)s["Resource"] == "arn:aws:s3:::STATE_BUCKET/*" && s["Action"]!.AsArray().Any(a => (string?)a == "s3:PutObject"));
        Assert.Contains(state, s => ((string?)s["Resource"])!.StartsWith("arn:aws:kms:", StringComparison.Ordinal) && s["Action"]!.AsArray().Any(a => (string?)a == "kms:Decrypt"));
    }

    private static IEnumerable<JsonObject> Statements(string file) =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("config", "iam", file)))!["Statement"]!.AsArray().Select(s => s!.AsObject());

    private static bool Grants(string allowed, string call) =>
        allowed == call || (allowed.EndsWith('*') && call.StartsWith(allowed[..^1], StringComparison.Ordinal));

    [GeneratedRegex(@"type: (aws:[a-zA-Z0-9]+/[a-zA-Z0-9]+:[A-Za-z0-9]+)")]
    private static partial Regex ResourceType();
}
