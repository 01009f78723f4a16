using System.Text.Json.Nodes;
using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// Safe changes end to end over the fake engine (DESIGN.md section 11): every update is previewed, a plan that
/// replaces the database waits for approval of its id, and drift checks refresh and preview without applying.
/// </summary>
public sealed class SafeChangesTests
{
    [Fact]
    public async Task A_harmless_change_is_previewed_then_applied_without_approval()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("harmless");
        await harness.WaitForAsync("harmless", e => Condition(e, "Ready") == "True", "Ready=True");

        await harness.UpdateAsync("harmless", e => e.Spec.Streaming.RetentionHours = 48);
        await harness.WaitForAsync("harmless", e => (long?)e?["status"]?["observedGeneration"] == 2 && Condition(e, "Ready") == "True", "generation 2 Ready");

        var plan = (await harness.GetAsync("harmless")).Status!.Plan!;
        Assert.Equal(("Applied", 2L), (plan.State, plan.Generation));
        Assert.Empty(plan.Destructive!);
        Assert.Contains(plan.Components!, c => c.Component == "streaming" && c.Update == 1 && c.Replace == 0);
        Assert.Contains("no stateful resource is replaced or deleted", plan.Summary, StringComparison.Ordinal);
        Assert.Equal((2, 2), (harness.Runs("preview"), harness.Runs("up")));
    }

    [Fact]
    public async Task Replacing_the_database_waits_for_approval_of_that_plan_and_a_newer_change_needs_a_new_one()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("guarded");
        await harness.WaitForAsync("guarded", e => Condition(e, "Ready") == "True", "Ready=True");

        await harness.UpdateAsync("guarded", e => e.Spec.Database.DatabaseName = "reporting");
        await harness.WaitForAsync("guarded", e => Condition(e, "Ready", "reason") == "AwaitingApproval", "AwaitingApproval");
        var waiting = await harness.GetAsync("guarded");
        var first = waiting.Status!.Plan!;
        var lost = Assert.Single(first.Destructive!);
        Assert.Equal(("database-cluster", "aws:rds/cluster:Cluster", "replace", "databaseName"), (lost.Resource, lost.Type, lost.Operation, Assert.Single(lost.ForcedBy)));
        Assert.Equal(DataPlatform.Entities.Status.EnvironmentPhase.AwaitingApproval, waiting.Status.Phase);
        Assert.Contains($"dataplatform.io/approve-plan={first.Id}", waiting.Status.Conditions.Single(c => c.Type == "Ready").Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Runs("up"));

        // A newer change lands together with the approval of the old plan: the new plan has another id and waits.
        await harness.UpdateAsync("guarded", e =>
        {
            e.Spec.Database.DatabaseName = "warehouse";
            (e.Metadata.Annotations ??= new Dictionary<string, string>())[V1Alpha1DataPlatformEnvironment.ApprovePlanAnnotation] = first.Id;
        });
        await harness.WaitForAsync("guarded", e => (long?)e?["status"]?["plan"]?["generation"] == 3 && Condition(e, "Ready", "reason") == "AwaitingApproval", "the new plan waiting");
        var second = (await harness.GetAsync("guarded")).Status!.Plan!;
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(1, harness.Runs("up"));

        await harness.UpdateAsync("guarded", e => e.Metadata.Annotations![V1Alpha1DataPlatformEnvironment.ApprovePlanAnnotation] = second.Id);
        await harness.WaitForAsync("guarded", e => Condition(e, "Ready") == "True" && (string?)e?["status"]?["plan"]?["state"] == "Applied", "the approved plan applied");
        Assert.Equal(2, harness.Runs("up"));
        Assert.Contains("warehouse", ClusterDatabaseName(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drift_check_without_drift_runs_refresh_and_preview_only_and_writes_nothing()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("steady", e => e.Spec.Drift.IntervalSeconds = 1);
        await harness.WaitForAsync("steady", e => Condition(e, "Ready") == "True", "Ready=True");
        await harness.WaitForRunsAsync("preview", 2);
        var writes = harness.StatusWrites();

        await harness.WaitForRunsAsync("preview", 5);

        Assert.Equal(1, harness.Runs("up"));
        Assert.True(harness.Runs("refresh") >= 3, $"{harness.Runs("refresh")} refreshes");
        Assert.Equal(writes, harness.StatusWrites());
    }

    [Fact]
    public async Task Found_drift_is_reported_and_left_alone_by_default()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("reported", e => e.Spec.Drift.IntervalSeconds = 1);
        await harness.WaitForAsync("reported", e => Condition(e, "Ready") == "True", "Ready=True");
        harness.Faults(("refresh", "drift", 0, "events-stream"));

        await harness.WaitForAsync("reported", e => Condition(e, "DriftDetected") == "True", "DriftDetected");
        var preview = harness.Runs("preview");
        await harness.WaitForRunsAsync("preview", preview + 2);

        var environment = await harness.GetAsync("reported");
        var drift = environment.Status!.Conditions.Single(c => c.Type == "DriftDetected");
        Assert.Contains("streaming: 1 updated", drift.Message, StringComparison.Ordinal);
        Assert.Contains("spec.drift.action is Report", drift.Message, StringComparison.Ordinal);
        Assert.Equal("True", environment.Status.Conditions.Single(c => c.Type == "Ready").Status.ToString());
        Assert.Equal(1, harness.Runs("up"));
    }

    [Fact]
    public async Task Found_drift_is_corrected_with_Correct()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("corrected", e =>
        {
            e.Spec.Drift.IntervalSeconds = 1;
            e.Spec.Drift.Action = DriftAction.Correct;
        });
        await harness.WaitForAsync("corrected", e => Condition(e, "Ready") == "True", "Ready=True");
        harness.Faults(("refresh", "drift", 0, "events-stream"));

        await harness.WaitForRunsAsync("up", 2);
        await harness.WaitForAsync("corrected", e => Condition(e, "Ready") == "True" && Condition(e, "DriftDetected") is null, "drift corrected");
        Assert.Equal(2, harness.Runs("up"));
    }

    [Fact]
    public async Task An_update_never_deletes_a_protected_resource_that_no_approved_plan_named()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("kept");
        await harness.WaitForAsync("kept", e => Condition(e, "Ready") == "True", "Ready=True");

        // The preview of a harmless change shows nothing stateful going; before its update runs, another writer
        // records a bucket the program does not declare, so the update itself would delete it.
        harness.Faults(("up", "foreign", 0, "imported-bucket"));
        await harness.UpdateAsync("kept", e => e.Spec.Streaming.RetentionHours = 48);
        await harness.WaitForAsync("kept", e => Condition(e, "Stalled", "reason") == "ResourceProtected", "Stalled ResourceProtected");

        var stalled = (await harness.GetAsync("kept")).Status!;
        Assert.Contains("imported-bucket", stalled.Conditions.Single(c => c.Type == "Stalled").Message, StringComparison.Ordinal);
        Assert.Empty(stalled.Plan!.Destructive!);
        Assert.True(StackResources(harness).ContainsKey("imported-bucket"), "the protected bucket is still in the stack");
        Assert.True(StackResources(harness).ContainsKey("database-cluster"));
        Assert.Equal(2, harness.Runs("up"));
    }

    private static JsonObject StackResources(OperatorHarness harness)
    {
        var file = Directory.GetFiles(Path.Combine(harness.Backend, ".pulumi", "stacks"), "*.json", SearchOption.AllDirectories).Single();
        return JsonNode.Parse(File.ReadAllText(file))!["resources"]!.AsObject();
    }

    private static string ClusterDatabaseName(OperatorHarness harness)
    {
        var file = Directory.GetFiles(Path.Combine(harness.Backend, ".pulumi", "stacks"), "*.json", SearchOption.AllDirectories).Single();
        return (string?)JsonNode.Parse(File.ReadAllText(file))!["resources"]?["database-cluster"]?["properties"]?["databaseName"] ?? "";
    }
}
