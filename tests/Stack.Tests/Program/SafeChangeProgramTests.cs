using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Program;
using static DataPlatform.Stack.Tests.Program.ProgramFixtures;

namespace DataPlatform.Stack.Tests.Program;

/// <summary>What the program does for safe changes (DESIGN.md section 11): protect, applyImmediately, pinned engine versions.</summary>
public sealed class SafeChangeProgramTests
{
    [Fact]
    public void Every_stateful_resource_is_protected_and_nothing_else()
    {
        var program = Written(Sample("full.yaml"));

        var protectedTypes = Resources(program).Where(r => (bool?)r.Value!["options"]?["protect"] == true).Select(r => (string)r.Value!["type"]!).ToHashSet();
        var statefulTypes = Resources(program).Select(r => (string)r.Value!["type"]!).Where(StatefulResources.IsStateful).ToHashSet();

        Assert.Equal(statefulTypes, protectedTypes);
        Assert.Contains("aws:rds/cluster:Cluster", protectedTypes);
        Assert.Contains("aws:elasticache/replicationGroup:ReplicationGroup", protectedTypes);
        Assert.Contains("aws:s3/bucket:Bucket", protectedTypes);
        Assert.Contains("aws:kms/key:Key", protectedTypes);
        Assert.Contains("aws:kinesis/stream:Stream", protectedTypes);
        Assert.Contains("aws:secretsmanager/secret:Secret", protectedTypes);
    }

    [Fact]
    public void An_approved_plan_lifts_protection_of_exactly_its_resources_and_a_preview_of_all()
    {
        var environment = Sample("full.yaml");

        var approved = StackProgramBuilder.Build(environment, ProgramProtection.Except(["database-cluster"]));
        var preview = StackProgramBuilder.Build(environment, ProgramProtection.ForPreview);

        Assert.False(approved.Resource("database-cluster").Options.Protect);
        Assert.True(approved.Resource("events-stream").Options.Protect);
        Assert.DoesNotContain(preview.Resources, r => r.Options.Protect);
    }

    [Fact]
    public void Disruptive_database_and_cache_changes_wait_for_the_maintenance_window_unless_the_spec_says_otherwise()
    {
        var environment = Sample("full.yaml");
        Assert.False((bool)Properties(Single(Written(environment), "aws:rds/cluster:Cluster"))["applyImmediately"]!);
        Assert.False((bool)Properties(Single(Written(environment), "aws:elasticache/replicationGroup:ReplicationGroup"))["applyImmediately"]!);

        environment.Spec.UpdatePolicy.ApplyImmediately = true;

        Assert.True((bool)Properties(Single(Written(environment), "aws:rds/cluster:Cluster"))["applyImmediately"]!);
        Assert.All(OfType(Written(environment), "aws:rds/clusterInstance:ClusterInstance"), r => Assert.True((bool)Properties(r.Resource)["applyImmediately"]!));
    }

    [Fact]
    public void A_pinned_engine_version_is_reused_until_a_new_major_or_an_upgrade_request()
    {
        var environment = Sample("full.yaml");
        Assert.Equal("16", environment.Spec.Database.EngineVersion);
        Assert.Equal(("16", true), Lookup(environment));

        environment.Status = new DataPlatformEnvironmentStatus { PinnedVersions = new PinnedVersions { Database = "16.4" } };
        Assert.Equal(("16.4", false), Lookup(environment));

        (environment.Metadata.Annotations ??= new Dictionary<string, string>())[V1Alpha1DataPlatformEnvironment.UpgradeEngineAnnotation] = "2026-12";
        Assert.Equal(("16", true), Lookup(environment));
        environment.Status.PinnedVersions.ObservedUpgradeRequest = "2026-12";
        Assert.Equal(("16.4", false), Lookup(environment));

        environment.Spec.Database.EngineVersion = "17";
        Assert.Equal(("17", true), Lookup(environment));
    }

    private static (string? Version, bool Latest) Lookup(V1Alpha1DataPlatformEnvironment environment)
    {
        var variable = Written(environment)["variables"]![DatabaseBuilder.EngineVersionVariable]!["fn::invoke"]!;
        var arguments = variable["arguments"] ?? variable["Arguments"];
        return ((string?)arguments!["version"], (bool?)arguments["latest"] == true);
    }
}
