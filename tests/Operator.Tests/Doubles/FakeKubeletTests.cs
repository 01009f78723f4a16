using System.Text.Json.Nodes;
using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.Operator.Tests.Runtime.Client;

namespace DataPlatform.Operator.Tests.Doubles;

/// <summary>The fake kubelet's fault injection does what it says, so end-to-end tests that rely on it are deterministic.</summary>
public sealed class FakeKubeletTests
{
    private const string Image = "registry.example/shell:1";

    [Fact]
    public async Task One_injected_oom_kill_kills_one_container_however_much_it_still_writes()
    {
        await using var server = new FakeApiServer([ApiServerFixture.Environments]);
        await server.StartAsync();
        var shell = new ContainerImage("/bin/sh", ["-c"], new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = "/usr/bin:/bin" });
        await using var kubelet = new FakeKubelet(server, new Dictionary<string, ContainerImage>(StringComparer.Ordinal) { [Image] = shell });
        kubelet.OomKillNext();

        // Thousands of lines reach the pipe before the kill lands: the kubelet still reads them after it.
        var first = await RunJobAsync(server, "first", "i=0; while [ $i -lt 5000 ]; do echo line $i; i=$((i+1)); done; sleep 5");
        var second = await RunJobAsync(server, "second", "echo one; echo two");
        var third = await RunJobAsync(server, "third", "echo three");

        Assert.Equal(("Failed", "OOMKilled", 137), first);
        Assert.Equal(("Succeeded", "Completed", 0), second);
        Assert.Equal(("Succeeded", "Completed", 0), third);
    }

    private static async Task<(string? Phase, string? Reason, int? ExitCode)> RunJobAsync(FakeApiServer server, string name, string script)
    {
        server.Store.Create(new ResourceKey("batch", "jobs", "engines", name), new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "engines" },
            ["spec"] = new JsonObject
            {
                ["backoffLimit"] = 0,
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["restartPolicy"] = "Never",
                        ["containers"] = new JsonArray(new JsonObject { ["name"] = "run", ["image"] = Image, ["args"] = new JsonArray(script) }),
                    },
                },
            },
        });

        JsonObject? ended = null;
        await server.WaitUntilAsync(store =>
        {
            ended = store.Snapshot("pods").FirstOrDefault(p => (string?)p["metadata"]!["labels"]?["batch.kubernetes.io/job-name"] == name
                && (string?)p["status"]?["phase"] is "Succeeded" or "Failed");
            return ended is not null;
        }, TimeSpan.FromSeconds(30), $"the pod of Job {name} to end");
        var terminated = ended!["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!;
        return ((string?)ended["status"]!["phase"], (string?)terminated["reason"], (int?)terminated["exitCode"]);
    }
}
