using static DataPlatform.EndToEnd.Tests.JobModeTests;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>Job mode under failure: classified Job failures, OOM, killed pods and their locks, and a new leader adopting a running Job.</summary>
public sealed class JobModeResilienceTests
{
    [Fact]
    public async Task A_run_that_fails_in_its_job_is_classified_as_in_process()
    {
        await using var harness = await StartAsync(jobs: true);
        harness.Faults(("up", "invalid", 0));
        await harness.CreateAsync("broken");

        await harness.WaitForAsync("broken", e => Condition(e, "Stalled", "reason") == "InvalidParameter", "Stalled InvalidParameter");

        Assert.Contains("InvalidParameterCombination", Condition(harness.Server.Store.Find(Key("broken")), "Stalled", "message"), StringComparison.Ordinal);
        Assert.Equal(1, harness.Runs("up"));
        var pod = Assert.Single(harness.EngineObjectHistory().Where(o => (string?)o["kind"] == "Pod" && (string?)o["status"]?["phase"] == "Failed").DistinctBy(o => (string?)o["metadata"]!["uid"]));
        Assert.Equal(3, (int?)pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["exitCode"]);
    }

    [Fact]
    public async Task An_engine_pod_killed_out_of_memory_is_retried_as_transient()
    {
        await using var harness = await StartAsync(jobs: true);
        harness.Kubelet!.OomKillNext();
        await harness.CreateAsync("hungry");

        await harness.WaitForAsync("hungry", e => (string?)e?["status"]?["retry"]?["lastFailureClass"] == "EngineOutOfMemory", "a retry after the OOM kill");
        await harness.WaitForAsync("hungry", e => Condition(e, "Ready") == "True", "Ready after the retry");

        var oom = Assert.Single(harness.EngineObjectHistory().Where(o => (string?)o["kind"] == "Pod"
            && (string?)o["status"]?["containerStatuses"]?[0]?["state"]?["terminated"]?["reason"] == "OOMKilled").DistinctBy(o => (string?)o["metadata"]!["uid"]));
        Assert.Equal(137, (int?)oom["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["exitCode"]);
        // Every update is previewed first (DESIGN.md section 11): the killed engine Job was the preview, run again after it.
        Assert.Equal(2, Jobs(harness).Count(j => Label(j, "dataplatform.io/operation") == "preview"));
        Assert.Equal(1, Jobs(harness).Count(j => Label(j, "dataplatform.io/operation") == "up"));
    }

    [Fact]
    public async Task A_pod_killed_mid_run_leaves_a_lock_the_next_job_recovers_at_once()
    {
        await using var harness = await StartAsync(jobs: true);
        harness.Faults(("up", "slow", 200));
        await harness.CreateAsync("killed");
        await harness.WaitForRunAsync("up");
        var pod = await RunningPodAsync(harness);
        await harness.Server.WaitUntilAsync(_ => LockFiles(harness).Length > 0, TimeSpan.FromSeconds(30), "the run's lock");

        harness.Kubelet!.Kill(EngineNamespace, pod);

        await harness.WaitForAsync("killed", e => Condition(e, "Ready") == "True", "Ready after the lock was recovered");
        await harness.Server.WaitUntilAsync(s => s.Snapshot("events").Any(e => (string?)e["reason"] == "StackRecovered"
            && e.ToJsonString().Contains("Removed a stale lock", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the StackRecovered event");
        Assert.Equal(2, Jobs(harness).Count(j => Label(j, "dataplatform.io/operation") == "up"));
        Assert.Empty(LockFiles(harness));
    }

    [Fact]
    public async Task A_new_leader_adopts_the_running_job_instead_of_starting_a_second_up()
    {
        await using var harness = await StartAsync(replicas: 0, jobs: true);
        var first = await harness.StartHostAsync("operator-a", shutdownTimeout: "00:00:00.500");
        harness.Faults(("up", "slow", 150));
        await harness.CreateAsync("adopted");
        await harness.WaitForRunAsync("up");
        await RunningPodAsync(harness);

        await harness.StopHostAsync(first);
        Assert.Single(harness.Server.Store.Snapshot("jobs"));
        await harness.StartHostAsync("operator-b");
        await harness.WaitForAsync("adopted", e => Condition(e, "Ready") == "True", "Ready on the new leader");

        Assert.Equal(1, harness.Runs("up"));
        Assert.Single(Jobs(harness), j => Label(j, "dataplatform.io/operation") == "up");
        Assert.Contains(harness.Logs.Lines, l => l.Message.Contains("Adopting engine Job", StringComparison.Ordinal));
    }

    private static async Task<string> RunningPodAsync(OperatorHarness harness)
    {
        string? name = null;
        await harness.Server.WaitUntilAsync(s =>
        {
            name = s.Snapshot("pods").Where(p => (string?)p["status"]?["phase"] == "Running").Select(p => (string?)p["metadata"]!["name"]).FirstOrDefault();
            return name is not null;
        }, TimeSpan.FromSeconds(60), "a running engine pod");
        return name!;
    }

    private static string[] LockFiles(OperatorHarness harness)
    {
        var locks = Path.Combine(harness.Backend, ".pulumi", "locks");
        return Directory.Exists(locks) ? Directory.GetFiles(locks, "*.json", SearchOption.AllDirectories) : [];
    }

    private static DataPlatform.Doubles.FakeKubeApiServer.ResourceKey Key(string name) =>
        new(Entities.V1Alpha1DataPlatformEnvironment.GroupName, Entities.V1Alpha1DataPlatformEnvironment.Plural, "team", name);
}
