using System.Text.Json.Nodes;
using DataPlatform.Entities.Status;
using Xunit.Abstractions;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 20 end to end: a slow run over the fake pulumi (a delay per resource step) shows progress in status while it
/// runs, writes status at most once per interval, names the failing component with its AWS error, and leaves every
/// component Ready on success.
/// </summary>
public sealed class ProgressTests(ITestOutputHelper output)
{
    private const int IntervalSeconds = 1;
    private const int StepDelayMs = 60;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Progress:StatusWriteInterval"] = $"00:00:0{IntervalSeconds}",
        ["Progress:HeartbeatInterval"] = "00:00:05",
    };

    [Fact]
    public async Task A_slow_update_shows_progress_while_it_runs_within_the_write_bound_and_ends_with_every_component_Ready()
    {
        await using var harness = await StartAsync(settings: Settings);
        harness.Faults(("up", "slow", StepDelayMs));
        await harness.CreateAsync("slow");
        await harness.WaitForRunAsync("up");
        var writesBefore = harness.StatusWrites();

        JsonObject? during = null;
        await harness.WaitForAsync("slow", e =>
        {
            var progress = e?["status"]?["progress"];
            if (progress is null || (int?)progress["resourcesDone"] is not > 0 || Condition(e, "Ready") == "True")
            {
                return false;
            }

            during = e!.DeepClone().AsObject();
            return true;
        }, "progress in status during the run");
        await harness.WaitForAsync("slow", e => Condition(e, "Ready") == "True", "Ready=True");

        var progressDuring = during!["status"]!["progress"]!;
        Assert.Equal("update", (string?)progressDuring["operation"]);
        var total = (int)progressDuring["resourcesTotal"]!;
        Assert.InRange((int)progressDuring["resourcesDone"]!, 1, total - 1);
        Assert.Contains(" resources after ", (string?)progressDuring["message"], StringComparison.Ordinal);
        var componentsDuring = during["status"]!["components"]!.AsArray();
        Assert.Contains(componentsDuring, c => (string?)c!["state"] is "InProgress" or "Pending");
        Assert.StartsWith("Updating the stack to generation 1. Waiting for ", Condition(during, "Ready", "message"), StringComparison.Ordinal);

        var ready = await harness.GetAsync("slow");
        Assert.Null(ready.Status!.Progress);
        Assert.Equal(["network", "encryption", "streaming", "secrets", "database", "cache", "artifacts", "pipeline", "observability"], ready.Status.Components!.Select(c => c.Name));
        Assert.All(ready.Status.Components!, c => Assert.Equal((ComponentState.Ready, c.ResourcesTotal), (c.State, c.ResourcesDone)));
        Assert.Equal(total, ready.Status.Components!.Sum(c => c.ResourcesTotal));

        // The bound: after the write that starts the run, at most one progress write per interval, plus the final one.
        var run = ready.Status.LastUpdate!;
        var duration = run.EndTime!.Value - run.StartTime!.Value;
        var writesDuringRun = harness.StatusWrites() - writesBefore;
        var bound = 1 + (int)((duration.TotalSeconds + 1) / IntervalSeconds);
        Assert.True(duration > TimeSpan.FromSeconds(2 * IntervalSeconds), $"the run took {duration}, too short to show the bound");
        output.WriteLine($"run {duration.TotalSeconds:0.0} s over {total} resources, {writesDuringRun} status writes after the run's first (bound {bound}), interval {IntervalSeconds} s");
        Assert.InRange(writesDuringRun, 2, bound);

        var reasons = harness.Server.Store.Snapshot("events").Select(e => (string?)e["reason"]).ToList();
        Assert.Contains("DatabaseAvailable", reasons);
        Assert.Contains("CacheAvailable", reasons);
    }

    [Fact]
    public async Task A_failed_database_instance_shows_its_component_resource_and_AWS_error_then_a_retry_leaves_every_component_Ready()
    {
        await using var harness = await StartAsync(settings: Settings);
        harness.Faults(("up", "invalid", 0, "database-writer"));
        await harness.CreateAsync("invalid");

        await harness.WaitForAsync("invalid", e => Condition(e, "Stalled") == "True", "Stalled");
        var failed = harness.Server.Store.Snapshot(Entities.V1Alpha1DataPlatformEnvironment.Plural).Single();

        var database = Component(failed, "database")!;
        Assert.Equal("Failed", (string?)database["state"]);
        Assert.Equal("database-writer", (string?)database["failedResource"]);
        Assert.Equal("InvalidParameter", (string?)database["failureClass"]);
        Assert.StartsWith("InvalidParameterCombination: RDS does not support creating a DB instance", (string?)database["message"], StringComparison.Ordinal);
        Assert.DoesNotContain("RequestID", (string?)database["message"], StringComparison.Ordinal);
        Assert.Equal("Ready", (string?)Component(failed, "network")!["state"]);
        Assert.Equal("Pending", (string?)Component(failed, "cache")!["state"]);
        Assert.Equal("Not reached: the run stopped when database failed.", (string?)Component(failed, "cache")!["message"]);
        Assert.StartsWith(
            "The environment cannot progress without a change; see the Stalled condition. Blocked by database (database-writer, InvalidParameter): InvalidParameterCombination",
            Condition(failed, "Ready", "message"), StringComparison.Ordinal);
        Assert.Null(failed["status"]!["progress"]);

        await harness.UpdateAsync("invalid", e => e.Metadata.Annotations = new Dictionary<string, string> { [Entities.V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation] = "retry-1" });
        await harness.WaitForAsync("invalid", e => Condition(e, "Ready") == "True", "Ready after the requested retry");
        var ready = await harness.GetAsync("invalid");
        Assert.All(ready.Status!.Components!, c => Assert.Equal(ComponentState.Ready, c.State));
        Assert.Equal(2, harness.Runs("up"));
    }

    private static JsonNode? Component(JsonObject? environment, string name) =>
        environment?["status"]?["components"]?.AsArray().FirstOrDefault(c => (string?)c!["name"] == name);

}
