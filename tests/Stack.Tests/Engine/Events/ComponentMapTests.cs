using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Model;
using DataPlatform.Stack.Tests.Program;

namespace DataPlatform.Stack.Tests.Engine.Events;

public sealed class ComponentMapTests
{
    [Theory]
    [InlineData("full.yaml")]
    [InlineData("minimal.yaml")]
    public void Every_resource_of_a_sample_program_belongs_to_a_component_and_the_counts_add_up(string sample)
    {
        var program = ProgramFixtures.Build(ProgramFixtures.Sample(sample));

        var map = ComponentMap.From(program);

        Assert.Equal(program.Resources.Count, map.ResourceCount);
        Assert.Equal(program.Resources.Count, map.Totals.Values.Sum());
        Assert.Equal(PlatformComponent.Database, map.Of(new StepMetadata("create", Urn("aws:rds/cluster:Cluster", "database-cluster"), "aws:rds/cluster:Cluster")));
        Assert.Equal(PlatformComponent.Cache, map.Of(new StepMetadata("create", Urn("aws:elasticache/replicationGroup:ReplicationGroup", "cache-replication-group"), "aws:elasticache/replicationGroup:ReplicationGroup")));
        Assert.Equal(PlatformComponent.Network, map.Of("vpc"));
        Assert.Contains(PlatformComponent.Observability, map.Totals.Keys);
    }

    [Fact]
    public void The_stack_providers_and_resources_not_in_the_program_map_to_no_component()
    {
        var map = ComponentMap.From(ProgramFixtures.Build(ProgramFixtures.Sample("minimal.yaml")));

        Assert.Null(map.Of(new StepMetadata("same", "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", "pulumi:pulumi:Stack")));
        Assert.Null(map.Of(new StepMetadata("create", "urn:pulumi:dev::p::pulumi:providers:aws::default_6_0_0", "pulumi:providers:aws")));
        Assert.Null(map.Of(new StepMetadata("delete", Urn("aws:s3/bucket:Bucket", "old-bucket"), "aws:s3/bucket:Bucket")));
    }

    [Fact]
    public void A_resource_whose_builder_names_no_known_component_is_refused_with_the_allowed_names()
    {
        var program = Programs.Of(("vpc", "aws:ec2/vpc:Vpc", "network"), ("odd", "aws:s3/bucket:Bucket", "storage"));

        var error = Assert.Throws<InvalidOperationException>(() => ComponentMap.From(program));

        Assert.Contains("'odd'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'storage'", error.Message, StringComparison.Ordinal);
        Assert.Contains("network, encryption, streaming, secrets, database, cache, artifacts, pipeline, observability", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_without_a_pipeline_has_no_pipeline_component()
    {
        var environment = ProgramFixtures.Sample("full.yaml");
        environment.Spec.Pipeline.Enabled = false;

        var map = ComponentMap.From(ProgramFixtures.Build(environment));

        Assert.DoesNotContain(PlatformComponent.Pipeline, map.Totals.Keys);
    }

    private static string Urn(string type, string name) => $"urn:pulumi:dev::dataplatform::{type}::{name}";
}
