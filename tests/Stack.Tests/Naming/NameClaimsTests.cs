using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Naming;
using DataPlatform.Stack.Program;
using DataPlatform.Stack.Tests.Program;

namespace DataPlatform.Stack.Tests.Naming;

public sealed class NameClaimsTests
{
    private static V1Alpha1DataPlatformEnvironment Full(string ns, string name, Action<V1Alpha1DataPlatformEnvironment>? configure = null)
    {
        var environment = ProgramFixtures.Sample("full.yaml");
        environment.Metadata.NamespaceProperty = ns;
        environment.Metadata.Name = name;
        configure?.Invoke(environment);
        return environment;
    }

    [Fact]
    public void Every_named_resource_type_of_the_program_has_a_scope_in_the_table()
    {
        var types = StackProgramBuilder.Build(ProgramFixtures.Sample("full.yaml")).Resources
            .Concat(StackProgramBuilder.Build(Full("a", "b", e => e.Spec.Database.Engine = DatabaseEngine.Postgres)).Resources)
            .Where(r => r.AwsName is not null).Select(r => r.Type).Distinct();

        Assert.All(types, t => Assert.True(NameClaims.Scopes.ContainsKey(t), $"{t} sets a name but NameClaims.Scopes does not say where AWS makes it unique"));
    }

    [Fact]
    public void Iam_roles_are_unique_per_account_buckets_globally_and_database_identifiers_per_region()
    {
        var claims = NameClaims.For(Full("team-a", "analytics"));

        Assert.Contains(claims, c => c.Type == "aws:iam/role:Role" && c.Scope == NameScope.Account);
        Assert.Contains(claims, c => c.Type == "aws:s3/bucket:Bucket" && c.Scope == NameScope.Global);
        Assert.Contains(claims, c => c.Type == "aws:rds/cluster:Cluster" && c.Scope == NameScope.AccountRegion);
        Assert.DoesNotContain(claims, c => c.Type == "aws:ec2/vpc:Vpc");
    }

    [Fact]
    public void The_same_suffix_in_another_namespace_takes_other_names_under_the_namespaced_scheme()
    {
        var first = ProgramFixtures.Sample("minimal.yaml");
        var second = ProgramFixtures.Sample("minimal.yaml");
        first.Metadata.NamespaceProperty = "team-a";
        second.Metadata.NamespaceProperty = "team-b";

        Assert.Empty(NameClash.Find(second, [first]));
        Assert.NotEqual(ResourceNames.For(first).PipelineRole, ResourceNames.For(second).PipelineRole);
    }

    [Fact]
    public void The_same_suffix_in_one_account_clashes_and_names_the_other_environment()
    {
        // An environment deployed before namespaced names (Legacy) and a new one in another namespace with the same suffix.
        var first = Full("team-a", "analytics", e => e.Status = new() { NamingScheme = Entities.Status.NamingScheme.Legacy });
        var second = Full("team-b", "reporting", e => e.Spec.Artifacts.BucketName = "team-b-artifacts-unique");
        second.Spec.EnvironmentSuffix = first.Spec.EnvironmentSuffix;
        second.Status = new() { NamingScheme = Entities.Status.NamingScheme.Legacy };

        var clashes = NameClash.Find(second, [first]);

        Assert.Contains(clashes, c => c.Claim.Type == "aws:iam/role:Role" && c.OtherNamespace == "team-a" && c.OtherName == "analytics");
        Assert.DoesNotContain(clashes, c => c.Claim.Type == "aws:s3/bucket:Bucket");
        Assert.StartsWith("the Role name ", clashes.First(c => c.Claim.Kind == "Role").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Different_accounts_share_no_account_scoped_name_but_still_share_global_ones()
    {
        var first = Full("team-a", "analytics", e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::111122223333:role/a" });
        var second = Full("team-b", "analytics", e =>
        {
            e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::444455556666:role/b" };
            e.Spec.Artifacts.BucketName = first.Spec.Artifacts.BucketName ?? ResourceNames.For(first).ArtifactBucket;
        });

        var clashes = NameClash.Find(second, [first]);

        var only = Assert.Single(clashes);
        Assert.Equal(NameScope.Global, only.Claim.Scope);
    }

    [Fact]
    public void An_environment_does_not_clash_with_itself()
    {
        var environment = Full("team-a", "analytics");

        Assert.Empty(NameClash.Find(environment, [Full("team-a", "analytics")]));
    }
}
