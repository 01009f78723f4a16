using DataPlatform.Entities.Status;
using DataPlatform.Stack.Naming;
using DataPlatform.Stack.Tests.Program;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Stack.Tests.Naming;

public sealed class NamingSchemesTests
{
    [Fact]
    public void A_new_environment_derives_its_names_from_the_suffix_and_a_hash_of_its_namespace()
    {
        var environment = ProgramFixtures.Sample("minimal.yaml");
        var hash = NamingSchemes.NamespaceHash("data-team");

        var names = ResourceNames.For(environment);

        Assert.Equal(NamingScheme.Namespaced, NamingSchemes.Of(environment));
        Assert.Equal($"analytics-dev-{hash}-pipeline-role", names.PipelineRole);
        Assert.Equal($"analytics-dev-{hash}-db", names.ClusterIdentifier);
        Assert.Equal("analytics-dev", names.Label);
        Assert.Matches("^[0-9a-f]{5}$", hash);
    }

    [Fact]
    public void An_environment_deployed_before_namespaced_names_keeps_its_names_on_upgrade()
    {
        var environment = ProgramFixtures.Sample("minimal.yaml");
        environment.Status = new DataPlatformEnvironmentStatus { LastUpdate = new LastUpdate { Result = "Succeeded", Generation = 1 } };

        var names = ResourceNames.For(environment);

        Assert.Equal(NamingScheme.Legacy, NamingSchemes.Of(environment));
        Assert.Equal("analytics-dev-pipeline-role", names.PipelineRole);
        Assert.Equal("analytics-dev-db", names.ClusterIdentifier);
    }

    [Fact]
    public void The_recorded_scheme_wins_whatever_else_the_status_holds()
    {
        var environment = ProgramFixtures.Sample("minimal.yaml");
        environment.Status = new DataPlatformEnvironmentStatus { NamingScheme = NamingScheme.Namespaced, LastUpdate = new LastUpdate { Result = "Succeeded", Generation = 1 } };

        Assert.EndsWith($"-{NamingSchemes.NamespaceHash("data-team")}-db", ResourceNames.For(environment).ClusterIdentifier, StringComparison.Ordinal);
    }

    [Fact]
    public void The_longest_suffix_the_crd_accepts_still_gives_valid_names()
    {
        var environment = ProgramFixtures.Sample("minimal.yaml");
        environment.Spec.EnvironmentSuffix = "a" + new string('b', 31);

        var names = ResourceNames.For(environment);

        Assert.True(names.ReplicationGroupId.Length <= 40, names.ReplicationGroupId);
        Assert.Empty(PreflightValidator.Validate(environment).Errors);
    }
}
