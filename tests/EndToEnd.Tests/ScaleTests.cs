using System.Text.Json.Nodes;
using DataPlatform.Entities;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

public sealed class ScaleTests
{
    private const int Environments = 200;
    private const int Resyncs = 3;

    [Fact]
    public async Task Two_hundred_environments_become_ready_with_one_update_each_then_resyncs_cost_no_run_write_or_list()
    {
        await using var harness = await StartAsync(workers: 16, settings: new Dictionary<string, string?> { ["Operator:ResyncPeriod"] = "00:00:01" });

        await Task.WhenAll(Enumerable.Range(0, Environments).Select(i => harness.CreateAsync($"env-{i:000}", ns: $"team-{i % 10}")));
        await harness.Server.WaitUntilAsync(
            store => store.Count(V1Alpha1DataPlatformEnvironment.Plural, e => Condition(e, "Ready") == "True") == Environments,
            TimeSpan.FromMinutes(10),
            $"all {Environments} environments Ready");

        Assert.Equal(Environments, harness.Runs("up"));
        var stacks = File.ReadAllLines(harness.CallLog)
            .Select(l => JsonNode.Parse(l)!["args"]!.AsArray().Select(a => (string?)a).ToList())
            .Where(a => a.ElementAtOrDefault(1) == "up")
            .Select(a => a[^1])
            .ToList();
        Assert.Equal(Environments, stacks.Distinct().Count());

        // At rest: every resync reconciles every environment from the cache, and none of them may run the engine,
        // write, or list. Waits on the operator's own reconcile count, not on time.
        var writes = harness.EnvironmentAndSecretWrites();
        var lists = harness.Server.Requests.Count("LIST", V1Alpha1DataPlatformEnvironment.Plural);
        var reconciles = await IdleReconcilesAsync(harness);
        await harness.Reconciled.WaitUntilAsync(
            async () => await IdleReconcilesAsync(harness) >= reconciles + (Resyncs * Environments),
            TimeSpan.FromMinutes(2), $"{Resyncs} resyncs of {Environments} environments");

        Assert.Equal(Environments, harness.Runs("up"));
        Assert.Equal(writes, harness.EnvironmentAndSecretWrites());
        Assert.Equal(lists, harness.Server.Requests.Count("LIST", V1Alpha1DataPlatformEnvironment.Plural));
        Assert.Equal(Environments, await harness.MetricAsync("dataplatform_environments{phase=\"Ready\"}"));
    }

    /// <summary>Reconciles that ended without an engine run: done, or done with the drift check scheduled.</summary>
    private static async Task<double> IdleReconcilesAsync(OperatorHarness harness) =>
        (await harness.MetricAsync("controller_runtime_reconcile_total{controller=\"dataplatformenvironment\",result=\"success\"}") ?? 0)
        + (await harness.MetricAsync("controller_runtime_reconcile_total{controller=\"dataplatformenvironment\",result=\"requeue_after\"}") ?? 0);
}
