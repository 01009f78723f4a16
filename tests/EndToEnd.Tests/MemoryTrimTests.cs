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

    [Fact]
    public async Task With_an_engine_run_in_flight_the_running_operator_trims_once_it_only_follows_the_run()
    {
        // The trimmer reports each trim at Debug.
        await using var harness = await StartAsync(jobs: true, settings: new Dictionary<string, string?>
        {
            ["Operator:MemoryTrimInterval"] = "00:00:03",
            ["Logging:LogLevel:DataPlatform.Operator.Hosting.MemoryTrimmer"] = "Debug",
        });
        harness.Logs.Minimum = Microsoft.Extensions.Logging.LogLevel.Debug;
        // About 18 s for the 71 resources of the sample: two looks (6 s) fit, the fallback of ten looks without a trim (30 s) does not.
        harness.Faults(("up", "slow", 250));

        await harness.CreateAsync("analytics");
        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready=True");

        // Between the up's start and its end, a look saw it start and a look in which nothing started or ended trimmed.
        var lines = harness.Logs.Lines.Select(l => l.Message).ToList();
        var started = lines.FindIndex(m => m.StartsWith("Started engine Job", StringComparison.Ordinal) && m.Contains("(Up)", StringComparison.Ordinal));
        Assert.True(started >= 0, "no up Job started");
        var job = lines[started].Split(' ')[3];
        var ended = lines.FindIndex(started, m => m.StartsWith($"Engine Job {job} ended", StringComparison.Ordinal));
        Assert.True(ended > started, $"the end of {job} was not logged");
        Assert.Contains(lines[started..ended], m => m.StartsWith("Memory trimmed", StringComparison.Ordinal));
    }
}
