using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

public sealed class MemoryTrimTests
{
    [Fact]
    public async Task After_engine_runs_end_the_running_operator_trims_its_memory()
    {
        // Nothing listens to the trimmer here, as in a cluster: an earlier build only trimmed when a test did.
        await using var harness = await StartAsync(jobs: true, settings: new Dictionary<string, string?> { ["Operator:MemoryTrimInterval"] = "00:00:01" });
        var metrics = harness.Metrics;

        await harness.CreateAsync("analytics");
        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready=True");

        Assert.True(SpinWait.SpinUntil(() => metrics.MemoryTrims >= 1, TimeSpan.FromSeconds(60)), "no trim within a minute of the runs' end");
        Assert.Equal(0, metrics.EngineRunsInFlight);
    }
}
