using System.Text.Json.Nodes;
using DataPlatform.Entities;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

public sealed class ScaleTests
{
    private const int Environments = 200;

    [Fact]
    public async Task Two_hundred_environments_all_become_ready_with_exactly_one_update_each()
    {
        await using var harness = await StartAsync(workers: 16);

        await Task.WhenAll(Enumerable.Range(0, Environments).Select(i => harness.CreateAsync($"env-{i:000}", ns: $"team-{i % 10}")));
        await harness.Server.WaitUntilAsync(
            store => store.Snapshot(V1Alpha1DataPlatformEnvironment.Plural).Count(e => Condition(e, "Ready") == "True") == Environments,
            TimeSpan.FromMinutes(10),
            $"all {Environments} environments Ready");

        Assert.Equal(Environments, harness.Runs("up"));
        var stacks = File.ReadAllLines(harness.CallLog)
            .Select(l => JsonNode.Parse(l)!["args"]!.AsArray().Select(a => (string?)a).ToList())
            .Where(a => a.ElementAtOrDefault(1) == "up")
            .Select(a => a[^1])
            .ToList();
        Assert.Equal(Environments, stacks.Distinct().Count());
    }
}
