using DataPlatform.Entities.Spec;
using static DataPlatform.Stack.Tests.Program.ProgramFixtures;

namespace DataPlatform.Stack.Tests.Program;

/// <summary>
/// Issue 14's program findings: an S3 source that starts the pipeline (EventBridge, as AWS documents for CodePipeline
/// S3 sources), ElastiCache log delivery under /aws/vendedlogs/, and policy attachments instead of managedPolicyArns.
/// </summary>
public sealed class PipelineTriggerTests
{
    [Fact]
    public void S3_source_object_created_event_starts_the_pipeline()
    {
        var program = Written(Sample("minimal.yaml"));
        Assert.Equal(SourceProvider.S3, Sample("minimal.yaml").Spec.Pipeline.Source.Provider);

        var notification = Properties(Single(program, "aws:s3/bucketNotification:BucketNotification"));
        var (ruleName, rule) = OfType(program, "aws:cloudwatch/eventRule:EventRule").Single();
        var pattern = Properties(rule)["eventPattern"]!["fn::toJSON"]!;
        var target = Properties(Single(program, "aws:cloudwatch/eventTarget:EventTarget"));
        var source = Properties(Single(program, "aws:codepipeline/pipeline:Pipeline"))["stages"]![0]!["actions"]![0]!["configuration"]!;

        Assert.Equal("${artifact-bucket.id}", (string?)notification["bucket"]);
        Assert.True((bool)notification["eventbridge"]!);
        Assert.Equal(["aws.s3"], pattern["source"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["Object Created"], pattern["detail-type"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["${artifact-bucket.bucket}"], pattern["detail"]!["bucket"]!["name"]!.AsArray().Select(v => (string?)v));
        Assert.Equal([(string?)source["S3ObjectKey"]], pattern["detail"]!["object"]!["key"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("${artifact-bucket.bucket}", (string?)source["S3Bucket"]);
        Assert.Equal("false", (string?)source["PollForSourceChanges"]);
        Assert.Equal($"${{{ruleName}.name}}", (string?)target["rule"]);
        Assert.Equal("${pipeline.arn}", (string?)target["arn"]);
        Assert.Contains("${artifact-bucket-eventbridge}", rule["options"]!["dependsOn"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Target_role_may_only_start_this_pipeline_and_is_trusted_by_eventbridge()
    {
        var program = Written(Sample("minimal.yaml"));
        var target = Properties(Single(program, "aws:cloudwatch/eventTarget:EventTarget"));
        var roleName = ((string)target["roleArn"]!)[2..^5];
        var role = Properties(Resources(program)[roleName]!.AsObject());
        var policy = OfType(program, "aws:iam/rolePolicy:RolePolicy").Select(p => Properties(p.Resource))
            .Single(p => (string?)p["role"] == $"${{{roleName}.id}}")["policy"]!["fn::toJSON"]!;

        Assert.Equal("events.amazonaws.com", (string?)role["assumeRolePolicy"]!["fn::toJSON"]!["Statement"]![0]!["Principal"]!["Service"]);
        var statement = Assert.Single(policy["Statement"]!.AsArray())!;
        Assert.Equal(["codepipeline:StartPipelineExecution"], statement["Action"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["${pipeline.arn}"], statement["Resource"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public void Repository_source_has_no_s3_trigger()
    {
        var environment = Sample("full.yaml");
        Assert.Equal(SourceProvider.CodeStarSourceConnection, environment.Spec.Pipeline.Source.Provider);

        var program = Written(environment);

        Assert.Empty(OfType(program, "aws:cloudwatch/eventRule:EventRule"));
        Assert.Empty(OfType(program, "aws:s3/bucketNotification:BucketNotification"));
    }

    [Fact]
    public void Elasticache_slow_log_goes_to_a_vended_logs_group()
    {
        var program = Written(Sample("full.yaml"));
        var delivery = Properties(Single(program, "aws:elasticache/replicationGroup:ReplicationGroup"))["logDeliveryConfigurations"]![0]!;
        var groupName = ((string)delivery["destination"]!)[2..^6];

        Assert.StartsWith("/aws/vendedlogs/", (string?)Properties(Resources(program)[groupName]!.AsObject())["name"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DeployProvider.CodeDeploy)]
    [InlineData(DeployProvider.S3)]
    public void Roles_get_managed_policies_through_attachments_never_managedPolicyArns(DeployProvider deploy)
    {
        var environment = Sample("full.yaml");
        environment.Spec.Pipeline.Deploy.Provider = deploy;

        var program = Written(environment);

        Assert.All(OfType(program, "aws:iam/role:Role"), r => Assert.False(Properties(r.Resource).ContainsKey("managedPolicyArns")));
        if (deploy == DeployProvider.CodeDeploy)
        {
            var attachment = Properties(Single(program, "aws:iam/rolePolicyAttachment:RolePolicyAttachment"));
            Assert.Equal("${deploy-role.name}", (string?)attachment["role"]);
            Assert.EndsWith(":iam::aws:policy/service-role/AWSCodeDeployRole", (string?)attachment["policyArn"], StringComparison.Ordinal);
            Assert.Contains("${deploy-role-managed-policy}", Resources(program)["deploy-group"]!["options"]!["dependsOn"]!.AsArray().Select(d => (string?)d));
        }
    }
}
