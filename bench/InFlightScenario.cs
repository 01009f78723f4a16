using DataPlatform.EndToEnd.Tests;

namespace DataPlatform.Bench;

/// <summary>
/// Job mode with K engine runs in flight at once: K environments are applied with slow runs, and once K engine pods
/// run, the operator process's RSS and managed heap are measured (DESIGN.md section 10: the operator's memory must not
/// grow with concurrent runs) twice: as the operator holds them once it trimmed with the runs in flight (it does when a
/// look interval passed in which no run started or ended, as it would during real runs of 15 to 25 minutes), and after
/// a full GC the bench asks for over EventPipe (whose session allocates inside the operator, per active thread). Also the
/// time from a Job's pod ending to the environment's Ready write.
/// </summary>
internal static class InFlightScenario
{
    /// <summary>Per resource step of the fake runs: long enough for the runs to outlast two trim looks (a minute each, as shipped).</summary>
    private const int StepDelayMs = 3000;

    public static async Task<(int InFlight, MemoryFigures Trimmed, MemoryFigures Collected, double EndToStatusMs)> RunAsync(int inFlight, TextWriter progress)
    {
        await using var harness = await OperatorHarness.StartAsync(replicas: 0, jobs: true);
        harness.Faults(Enumerable.Range(0, inFlight).Select(_ => ("up", "slow", StepDelayMs)).ToArray());
        var settings = harness.HostSettings("operator-0", Math.Max(inFlight, 8));
        await using var process = await OperatorProcess.StartAsync(harness.Server.Address, harness.Root, settings);
        for (var i = 0; i < inFlight; i++)
        {
            await harness.CreateAsync($"run-{i:00}");
        }

        await harness.Server.WaitUntilAsync(s => s.Count("pods", p => (string?)p["status"]?["phase"] == "Running") >= inFlight, TimeSpan.FromMinutes(10), $"{inFlight} engine pods running");
        progress.WriteLine($"in flight {inFlight}: all engine pods running; waiting for the operator's trim");
        var trimmed = await TrimmedAsync(process, await process.MetricAsync("dataplatform_memory_trims_total") ?? 0, inFlight);
        progress.WriteLine($"in flight {inFlight}: trimmed; measuring after a full GC");
        var collected = await MeasureAsync(process);

        await harness.Server.WaitUntilAsync(s => s.Count(Entities.V1Alpha1DataPlatformEnvironment.Plural, e => OperatorHarness.Condition(e, "Ready") == "True") == inFlight,
            TimeSpan.FromMinutes(20), "all Ready");
        return (inFlight, trimmed, collected, EndToStatus(harness));
    }

    /// <summary>RSS and heap at the operator's first trim after <paramref name="trimsBefore"/> (<see cref="Scenario.TrimmedAsync"/>), with all runs still in flight.</summary>
    private static async Task<MemoryFigures> TrimmedAsync(OperatorProcess process, double trimsBefore, int inFlight)
    {
        var figures = await Scenario.TrimmedAsync(process, trimsBefore, TimeSpan.FromMinutes(4));
        var running = await process.MetricAsync("dataplatform_engine_runs_in_flight") ?? 0;
        return running == inFlight
            ? figures
            : throw new InvalidOperationException($"Only {running} of {inFlight} engine runs were in flight when the operator trimmed; the runs must last longer.");
    }

    private static async Task<MemoryFigures> MeasureAsync(OperatorProcess process)
    {
        await process.CollectGarbageAsync();
        return new(process.RssBytes, (long)(await process.MetricAsync("system_runtime_dotnet_gc_last_collection_heap_size") ?? 0));
    }

    /// <summary>Median over environments of (Ready's lastTransitionTime - the engine pod's finishedAt), in milliseconds.</summary>
    private static double EndToStatus(OperatorHarness harness)
    {
        var ended = harness.EngineObjectHistory()
            .Where(o => (string?)o["kind"] == "Pod" && o["status"]?["containerStatuses"]?[0]?["state"]?["terminated"] is not null)
            .GroupBy(o => (string?)o["metadata"]!["labels"]!["dataplatform.io/environment-name"])
            .ToDictionary(g => g.Key ?? "", g => DateTimeOffset.Parse((string)g.Last()["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["finishedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        var gaps = harness.Server.Store.Snapshot(Entities.V1Alpha1DataPlatformEnvironment.Plural)
            .Where(e => ended.ContainsKey((string)e["metadata"]!["name"]!))
            .Select(e => (DateTimeOffset.Parse(OperatorHarness.Condition(e, "Ready", "lastTransitionTime")!, System.Globalization.CultureInfo.InvariantCulture) - ended[(string)e["metadata"]!["name"]!]).TotalMilliseconds)
            .Order()
            .ToList();
        return gaps.Count == 0 ? double.NaN : gaps[gaps.Count / 2];
    }
}
