using System.Text.Json.Nodes;
using DataPlatform.Entities.Spec;
using static DataPlatform.Stack.Tests.Program.ProgramFixtures;

namespace DataPlatform.Stack.Tests.Program;

public sealed class ProgramSchemaTests
{
    private static readonly ProgramSchemaChecker Checker = new(ProviderSchema.Instance);
    private static readonly ProgramSchemaChecker FullChecker = new(ProviderSchema.Full);

    public static TheoryData<string, DatabaseEngine, int, bool, NatGatewayMode> Matrix()
    {
        var data = new TheoryData<string, DatabaseEngine, int, bool, NatGatewayMode>();
        foreach (var sample in new[] { "minimal.yaml", "full.yaml" })
        {
            foreach (var engine in Enum.GetValues<DatabaseEngine>())
            {
                foreach (var azs in new[] { 2, 3 })
                {
                    foreach (var pipeline in new[] { true, false })
                    {
                        foreach (var nat in Enum.GetValues<NatGatewayMode>())
                        {
                            data.Add(sample, engine, azs, pipeline, nat);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_variant_matches_the_provider_schema(string sample, DatabaseEngine engine, int azs, bool pipeline, NatGatewayMode nat)
    {
        var environment = Sample(sample);
        environment.Spec.Database.Engine = engine;
        environment.Spec.Database.LogExports = engine == DatabaseEngine.Postgres ? [LogExport.Postgresql, LogExport.Upgrade] : [LogExport.Postgresql];
        environment.Spec.Network.AzCount = azs;
        environment.Spec.Pipeline.Enabled = pipeline;
        environment.Spec.Network.NatGateways = nat;

        var program = Written(environment);
        Assert.Empty(Checker.Check(program));
        Assert.Empty(FullChecker.Check(program));
    }

    [Theory]
    [InlineData(DeployProvider.CodeDeploy, SourceProvider.S3)]
    [InlineData(DeployProvider.None, SourceProvider.CodeStarSourceConnection)]
    public void Pipeline_variants_match_the_provider_schema(DeployProvider deploy, SourceProvider source)
    {
        var environment = Sample("full.yaml");
        environment.Spec.Pipeline.Deploy.Provider = deploy;
        environment.Spec.Pipeline.Source.Provider = source;
        environment.Spec.Pipeline.Source.ConnectionArn = null;

        var program = Written(environment);
        Assert.Empty(Checker.Check(program));
        Assert.Empty(FullChecker.Check(program));
    }

    [Fact]
    public void Full_schema_holds_every_resource_of_the_provider()
    {
        Assert.Equal(1739, ProviderSchema.Full.Resources.Count(r => r.Key.StartsWith("aws:", StringComparison.Ordinal) || r.Key == "pulumi:providers:aws"));
        Assert.Equal("7.48.0", ProviderSchema.Full.AwsVersion);
    }

    [Fact]
    public void Full_schema_check_reports_an_input_the_provider_does_not_have_on_a_resource_outside_the_subset()
    {
        var program = Written(Sample("minimal.yaml"));
        var rule = OfType(program, "aws:cloudwatch/eventRule:EventRule").Single().Resource;
        Properties(rule)["eventPatern"] = "{}";

        Assert.Null(ProviderSchema.Instance.Resources["aws:cloudwatch/eventRule:EventRule"]?["description"]);
        Assert.Contains(FullChecker.Check(program), p => p.Contains("eventPatern: not an input property", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_an_unknown_property()
    {
        var program = Written(Sample("minimal.yaml"));
        Properties(Single(program, "aws:elasticache/replicationGroup:ReplicationGroup"))["replicationGroupDescription"] = "x";

        Assert.Contains(Checker.Check(program), p => p.Contains("replicationGroupDescription: not an input property", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_an_unknown_nested_property()
    {
        var program = Written(Sample("minimal.yaml"));
        Properties(Single(program, "aws:kinesis/stream:Stream"))["streamModeDetails"] = new JsonObject { ["mode"] = "ON_DEMAND" };

        var problems = Checker.Check(program);

        Assert.Contains(problems, p => p.Contains("streamModeDetails.mode: not an input property", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("required input 'streamMode' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_unknown_and_deprecated_tokens()
    {
        var program = Written(Sample("minimal.yaml"));
        Resources(program)["artifact-bucket"]!["type"] = "aws:s3/bucketV2:BucketV2";
        Resources(program)["vpc"]!["type"] = "aws:ec2/vpc:Vpcc";

        var problems = Checker.Check(program);

        Assert.Contains(problems, p => p.Contains("'aws:s3/bucketV2:BucketV2' is deprecated", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'aws:ec2/vpc:Vpcc' is not in the provider schema", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_a_missing_required_input_and_a_wrong_kind()
    {
        var program = Written(Sample("minimal.yaml"));
        Properties(Single(program, "aws:elasticache/replicationGroup:ReplicationGroup")).Remove("description");
        Properties(Single(program, "aws:kinesis/stream:Stream"))["retentionPeriod"] = "24";

        var problems = Checker.Check(program);

        Assert.Contains(problems, p => p.Contains("required input 'description' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("retentionPeriod: value \"24\" does not match the input kind integer", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_dangling_references_and_unknown_outputs()
    {
        var program = Written(Sample("minimal.yaml"));
        Properties(Single(program, "aws:kinesis/stream:Stream"))["kmsKeyId"] = "${kinesis-kee.arn}";
        program["outputs"]!["redisPrimary"] = "${cache-replication-group.primaryEndpoint}";

        var problems = Checker.Check(program);

        Assert.Contains(problems, p => p.Contains("${kinesis-kee} names no resource or variable", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'primaryEndpoint' is not an output property", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_a_secret_input_passed_in_the_clear()
    {
        var program = Written(Sample("minimal.yaml"));
        Properties(Single(program, "aws:rds/cluster:Cluster"))["masterPassword"] = "${database-password.result}";

        Assert.Contains(Checker.Check(program), p => p.Contains("masterPassword: secret input must be passed with fn::secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_an_unknown_function_and_return()
    {
        var program = Written(Sample("minimal.yaml"));
        program["variables"]!["availabilityZones"]!["fn::invoke"]!["return"] = "zones";
        program["variables"]!["caller"]!["fn::invoke"]!["function"] = "aws:index/getCaller:getCaller";

        var problems = Checker.Check(program);

        Assert.Contains(problems, p => p.Contains("'zones' is not an output of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("function 'aws:index/getCaller:getCaller' is not in the provider schema", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_a_dependency_on_nothing()
    {
        var program = Written(Sample("minimal.yaml"));
        Resources(program)["artifact-bucket-policy"]!["options"]!["dependsOn"] = new JsonArray("${artifact-bucket-pab}");

        Assert.Contains(Checker.Check(program), p => p.Contains("dependsOn: ${artifact-bucket-pab} names no resource", StringComparison.Ordinal));
    }
}
