using System.Text.Json.Nodes;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Stack.Tests.Engine;

/// <summary>
/// The driver's preview plan over the fake pulumi, whose replace decisions and protect enforcement follow the real
/// engine (SEMANTICS.md "Plans, replacements and protect").
/// </summary>
public sealed class PreviewPlanTests
{
    private static readonly string Protected = EngineHarness.Program
        .Replace("clusterIdentifier: harness-db, engine: aurora-postgresql, masterPassword: {fn::secret: \"${password.result}\"}}",
            "clusterIdentifier: harness-db, engine: aurora-postgresql, databaseName: analytics, masterPassword: {fn::secret: \"${password.result}\"}}\n    options: {protect: true}", StringComparison.Ordinal);

    private static string Renamed(string program) => program.Replace("databaseName: analytics", "databaseName: reporting", StringComparison.Ordinal);

    [Fact]
    public async Task A_changed_force_new_property_previews_as_a_replace_with_its_keys_in_the_events_and_the_plan()
    {
        using var harness = new EngineHarness();
        await harness.Engine.RunAsync(harness.Request(program: Protected), EngineOperation.Up, null, CancellationToken.None);
        var events = new List<EngineEvent>();

        var preview = await harness.Engine.RunAsync(harness.Request(program: Unprotected(Renamed(Protected))), EngineOperation.Preview, new Collect(events), CancellationToken.None);

        Assert.Equal(EngineOutcome.Succeeded, preview.Outcome);
        Assert.Equal(1, preview.ResourceChanges["replace"]);
        var step = Assert.Single(preview.Plan!.Steps);
        Assert.Equal(("replace", "cluster", "databaseName"), (step.Op, step.Name, Assert.Single(step.Keys)));
        Assert.Equal("cluster", Assert.Single(preview.Plan.Destructive).Name);
        Assert.Equal(["create-replacement", "replace", "delete-replaced"],
            events.Select(e => e.Payload).OfType<ResourcePreEvent>().Where(p => p.Metadata.Name == "cluster").Select(p => p.Metadata.Op));
    }

    [Fact]
    public async Task An_in_place_update_is_not_destructive_and_the_plan_id_is_stable_until_something_changes()
    {
        using var harness = new EngineHarness();
        await harness.Engine.RunAsync(harness.Request(program: Protected), EngineOperation.Up, null, CancellationToken.None);
        var retention = Protected.Replace("retentionPeriod: 24", "retentionPeriod: 48", StringComparison.Ordinal);

        var first = await harness.Engine.RunAsync(harness.Request(program: retention), EngineOperation.Preview, null, CancellationToken.None);
        var again = await harness.Engine.RunAsync(harness.Request(program: retention), EngineOperation.Preview, null, CancellationToken.None);
        var other = await harness.Engine.RunAsync(harness.Request(program: Unprotected(Renamed(retention))), EngineOperation.Preview, null, CancellationToken.None);

        var step = Assert.Single(first.Plan!.Steps);
        Assert.Equal(("update", "events", "retentionPeriod"), (step.Op, step.Name, Assert.Single(step.Diffs)));
        Assert.Empty(first.Plan.Destructive);
        Assert.Equal(first.Plan.Id, again.Plan!.Id);
        Assert.NotEqual(first.Plan.Id, other.Plan!.Id);
    }

    [Fact]
    public async Task An_update_never_replaces_a_protected_resource_and_fails_with_the_engines_message()
    {
        using var harness = new EngineHarness();
        await harness.Engine.RunAsync(harness.Request(program: Protected), EngineOperation.Up, null, CancellationToken.None);

        var up = await harness.Engine.RunAsync(harness.Request(program: Renamed(Protected)), EngineOperation.Up, null, CancellationToken.None);

        Assert.Equal(EngineOutcome.Failed, up.Outcome);
        Assert.Equal(("ResourceProtected", "Terminal"), (up.Failure!.Class, up.Failure.Outcome.ToString()));
        Assert.Contains("unable to replace resource \"urn:pulumi:team.harness::harness::aws:rds/cluster:Cluster::cluster\" as it is currently marked for protection", up.Failure.Message, StringComparison.Ordinal);
        Assert.False(up.ResourceChanges.ContainsKey("replace"));
        Assert.Contains("databaseName: analytics", ClusterState(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_that_drops_a_protected_resource_fails_and_keeps_it()
    {
        using var harness = new EngineHarness();
        await harness.Engine.RunAsync(harness.Request(program: Protected), EngineOperation.Up, null, CancellationToken.None);
        var withoutCluster = Protected[..Protected.IndexOf("  cluster:", StringComparison.Ordinal)] + Protected[Protected.IndexOf("outputs:", StringComparison.Ordinal)..]
            .Replace("  databaseWriter: ${cluster.endpoint}\n", "", StringComparison.Ordinal);

        var up = await harness.Engine.RunAsync(harness.Request(program: withoutCluster), EngineOperation.Up, null, CancellationToken.None);

        Assert.Equal("ResourceProtected", up.Failure?.Class);
        Assert.Contains("unable to delete resource", up.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi state unprotect", up.Failure.Message, StringComparison.Ordinal);
        Assert.NotEmpty(ClusterState(harness));
    }

    [Fact]
    public async Task Lifting_protect_for_the_approved_resource_lets_the_replacement_through()
    {
        using var harness = new EngineHarness();
        await harness.Engine.RunAsync(harness.Request(program: Protected), EngineOperation.Up, null, CancellationToken.None);

        var up = await harness.Engine.RunAsync(harness.Request(program: Unprotected(Renamed(Protected))), EngineOperation.Up, null, CancellationToken.None);

        Assert.Equal(EngineOutcome.Succeeded, up.Outcome);
        Assert.Equal(1, up.ResourceChanges["replace"]);
        Assert.Contains("databaseName: reporting", ClusterState(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_lifts_protection_first_so_the_deletion_path_can_delete_protected_resources()
    {
        using var harness = new EngineHarness();
        await harness.Engine.RunAsync(harness.Request(program: Protected), EngineOperation.Up, null, CancellationToken.None);

        var destroy = await harness.Engine.RunAsync(harness.Request(program: Protected), EngineOperation.Destroy, null, CancellationToken.None);

        Assert.Equal(EngineOutcome.Succeeded, destroy.Outcome);
        Assert.Equal(4, destroy.ResourceChanges["delete"]);
        Assert.Contains(harness.Calls(), c => string.Join(' ', c["args"]!.AsArray().Select(a => (string?)a)).Contains("state unprotect --all --yes", StringComparison.Ordinal));
    }

    private static string Unprotected(string program) => program.Replace("\n    options: {protect: true}", "", StringComparison.Ordinal);

    private static string ClusterState(EngineHarness harness)
    {
        var file = Directory.GetFiles(Path.Combine(harness.Backend, ".pulumi", "stacks"), "*.json", SearchOption.AllDirectories).Single();
        return JsonNode.Parse(File.ReadAllText(file))!["resources"]?["cluster"]?["properties"]?.ToJsonString() is { } properties
            ? string.Join('\n', JsonNode.Parse(properties)!.AsObject().Select(p => $"{p.Key}: {((string?)p.Value)?.Trim()}"))
            : "";
    }

    private sealed class Collect(List<EngineEvent> events) : IProgress<EngineEvent>
    {
        public void Report(EngineEvent value) => events.Add(value);
    }
}
