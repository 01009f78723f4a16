using System.Text.Json.Nodes;
using DataPlatform.Stack.Input;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Packaging;

public sealed class RbacTests
{
    [Fact]
    public void Kustomize_roles_grant_exactly_the_expected_calls()
    {
        var cluster = Rules(Load("config", "rbac", "role.yaml"));
        var leader = Rules(Load("config", "rbac", "leader_election_role.yaml"));
        var engineJobs = Rules(Load("config", "rbac", "engine_jobs_role.yaml"));

        Assert.Equal(ExpectedCalls.Of("cluster"), cluster);
        Assert.Equal(ExpectedCalls.Of("leaderElection"), leader);
        Assert.Equal(ExpectedCalls.Of("engineJobs"), engineJobs);
    }

    [Fact]
    public async Task Chart_roles_grant_exactly_the_expected_calls()
    {
        var documents = await Rendered.HelmAsync();

        Assert.Equal(ExpectedCalls.Of("cluster"), Rules(documents.Single(d => (string?)d["kind"] == "ClusterRole")));
        Assert.Equal(ExpectedCalls.Of("leaderElection"), Rules(Role(documents, "-leader-election")));
        Assert.Equal(ExpectedCalls.Of("engineJobs"), Rules(Role(documents, "-engine-jobs")));
    }

    [Fact]
    public async Task Namespaced_chart_grants_secrets_and_events_only_by_roles_in_the_watched_namespaces()
    {
        var documents = await Rendered.HelmAsync("operator.watchNamespaces={team-a,team-b}");
        var clusterWide = documents.Where(d => (string?)d["kind"] is "ClusterRole").Select(Rules).SelectMany(r => r).ToHashSet(StringComparer.Ordinal);
        var roles = documents.Where(d => (string?)d["kind"] == "Role" && ((string?)d["metadata"]!["name"])!.EndsWith("-manager", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(clusterWide, r => r.StartsWith("/secrets:", StringComparison.Ordinal) || r.StartsWith("/events:", StringComparison.Ordinal)
            || r.StartsWith("/*:", StringComparison.Ordinal) || r.StartsWith("*/", StringComparison.Ordinal));
        Assert.Equal(new SortedSet<string>(ExpectedCalls.Of("cluster").Except(ExpectedCalls.Of("namespaced")), StringComparer.Ordinal),
            new SortedSet<string>(clusterWide, StringComparer.Ordinal));
        Assert.Equal(["team-a", "team-b"], roles.Select(r => (string?)r["metadata"]!["namespace"]).Order(StringComparer.Ordinal));
        Assert.All(roles, role => Assert.Equal(ExpectedCalls.Of("namespaced"), Rules(role)));
        var bindings = documents.Where(d => (string?)d["kind"] == "RoleBinding" && ((string?)d["metadata"]!["name"])!.EndsWith("-manager", StringComparison.Ordinal)).ToList();
        Assert.Equal(["team-a", "team-b"], bindings.Select(b => (string?)b["metadata"]!["namespace"]).Order(StringComparer.Ordinal));
        Assert.All(bindings, b => Assert.Equal("Role", (string?)b["roleRef"]!["kind"]));
    }

    [Fact]
    public void Namespaced_calls_are_a_subset_of_the_cluster_calls()
    {
        Assert.Subset(ExpectedCalls.Of("cluster"), ExpectedCalls.Of("namespaced"));
    }

    [Fact]
    public async Task In_process_mode_renders_no_engine_jobs_role()
    {
        var documents = await Rendered.HelmAsync("engine.mode=InProcess");

        Assert.DoesNotContain(documents, d => (string?)d["kind"] == "Role" && ((string?)d["metadata"]!["name"])!.EndsWith("-engine-jobs", StringComparison.Ordinal));
    }

    private static JsonObject Role(IReadOnlyList<JsonObject> documents, string suffix) =>
        documents.Single(d => (string?)d["kind"] == "Role" && ((string?)d["metadata"]!["name"])!.EndsWith(suffix, StringComparison.Ordinal));

    private static JsonObject Load(params string[] path) => YamlJson.ParseAll(File.ReadAllText(RepoPaths.InRepo(path))).Single()!.AsObject();

    private static SortedSet<string> Rules(JsonObject role) => new(
        role["rules"]!.AsArray().SelectMany(rule =>
            from g in rule!["apiGroups"]!.AsArray()
            from r in rule["resources"]!.AsArray()
            from v in rule["verbs"]!.AsArray()
            select $"{(string?)g}/{(string?)r}:{(string?)v}"),
        StringComparer.Ordinal);
}
