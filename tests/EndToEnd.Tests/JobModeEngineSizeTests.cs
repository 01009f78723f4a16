using System.Text.Json.Nodes;
using DataPlatform.Entities.Spec;
using k8s.Autorest;
using static DataPlatform.EndToEnd.Tests.JobModeTests;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// spec.stack.engine end to end in Job mode: the environment's requests, limits and parallelism reach its engine Job
/// and the CLI in it; a size above the operator's bounds (Engine:Job:Max*) is refused at admission and, when the
/// webhook was bypassed, stalled at reconcile with no engine run; a governing policy bounds tighter, at reconcile and at admission.
/// </summary>
public sealed class JobModeEngineSizeTests
{
    private static EngineSpec Size(string? cpuRequest = null, string? memoryRequest = null, string? memoryLimit = null, int? parallel = null) => new()
    {
        Resources = new EngineResourcesSpec { CpuRequest = cpuRequest, MemoryRequest = memoryRequest, MemoryLimit = memoryLimit },
        Parallel = parallel,
    };

    [Fact]
    public async Task The_environments_engine_size_reaches_its_job_and_a_size_above_the_bounds_is_refused()
    {
        await using var harness = await StartAsync(replicas: 0, jobs: true);
        var settings = harness.WebhookSettings();
        settings["Engine:Job:MaxMemory"] = "4Gi";
        settings["Engine:Job:MaxParallel"] = "32";
        var host = await harness.StartHostAsync("operator-0", settings: settings);

        // Before the webhook is registered (as when it is bypassed): the controller refuses the size on its own.
        await harness.CreateAsync("greedy", e => e.Spec.Stack.Engine = Size(memoryLimit: "6Gi"));
        await harness.WaitForAsync("greedy", e => Condition(e, "Stalled", "reason") == "InvalidSpec", "Stalled InvalidSpec");
        var stalled = (await harness.GetAsync("greedy")).Status!.Conditions.Single(c => c.Type == "Stalled");
        Assert.Contains("spec.stack.engine.resources.memoryLimit: memoryLimit 6Gi is above 4Gi, the most the operator allows (operator setting Engine:Job:MaxMemory, chart value engine.job.maxMemory).", stalled.Message, StringComparison.Ordinal);
        Assert.Empty(Jobs(harness));
        Assert.Equal(0, harness.Runs("preview") + harness.Runs("up"));

        harness.RegisterWebhook(host);
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("greedier", e => e.Spec.Stack.Engine = Size(memoryLimit: "6Gi", parallel: 33)));
        Assert.Equal(422, (int)denied.Response.StatusCode);
        var message = (string?)JsonNode.Parse(denied.Response.Content)!["message"];
        Assert.Contains("spec.stack.engine.resources.memoryLimit: dataplatform.engine.bounds: memoryLimit 6Gi is above 4Gi, the most the operator allows (operator setting Engine:Job:MaxMemory", message, StringComparison.Ordinal);
        Assert.Contains("spec.stack.engine.parallel: dataplatform.engine.bounds: parallel 33 is above 32", message, StringComparison.Ordinal);

        // Within the bounds (3Gi is 3072Mi, under 4Gi): the Job carries the size, and the CLI in it the parallelism.
        await harness.CreateAsync("sized", e => e.Spec.Stack.Engine = Size(cpuRequest: "250m", memoryRequest: "1536Mi", memoryLimit: "3072Mi", parallel: 4));
        await harness.WaitForAsync("sized", e => Condition(e, "Ready") == "True", "Ready=True");
        var up = Assert.Single(Jobs(harness), j => Label(j, "dataplatform.io/operation") == "up");
        var resources = up["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!;
        Assert.Equal("250m", (string?)resources["requests"]!["cpu"]);
        Assert.Equal("1536Mi", (string?)resources["requests"]!["memory"]);
        Assert.Equal("3Gi", (string?)resources["limits"]!["memory"]);
        Assert.Null(resources["limits"]!["cpu"]);
        var calls = File.ReadAllLines(harness.CallLog).Select(l => JsonNode.Parse(l)!).Where(c => (string?)c["args"]![1] is "up" or "preview").ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Equal("4", (string?)c["env"]!["PULUMI_PARALLEL"]));

        // A governing policy bounds tighter than the operator.
        await harness.ApplyPolicyAsync("platform", p =>
        {
            p.Namespaces.Names = ["team"];
            p.Identity.AllowOperatorIdentity = true;
            p.Limits.MaxEngineMemory = "2Gi";
        });

        // At reconcile the running environment now asks for more than the policy allows: stalled, nothing destroyed.
        await harness.WaitForAsync("sized", e => Condition(e, "Stalled", "reason") == "PolicyViolation", "Stalled PolicyViolation");
        var violation = (await harness.GetAsync("sized")).Status!.Conditions.Single(c => c.Type == "Stalled");
        Assert.Contains("DataPlatformPolicy platform, rule spec.limits.maxEngineMemory: spec.stack.engine.resources.memoryLimit: 3072Mi is above the limit of 2Gi.", violation.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Runs("destroy"));

        // And at admission, from the same policies.
        var capped = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("capped", e => e.Spec.Stack.Engine = Size(memoryLimit: "3Gi")));
        Assert.Contains("DataPlatformPolicy platform, rule spec.limits.maxEngineMemory: spec.stack.engine.resources.memoryLimit: 3Gi is above the limit of 2Gi.",
            (string?)JsonNode.Parse(capped.Response.Content)!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_destroy_whose_size_does_not_fit_the_operators_defaults_runs_with_the_defaults()
    {
        await using var harness = await StartAsync(jobs: true);
        await harness.CreateAsync("big");
        await harness.WaitForAsync("big", e => Condition(e, "Ready") == "True", "Ready=True");

        // No webhook (bypassed): a 3Gi request with the default 2Gi limit reaches the controller, which refuses it.
        await harness.UpdateAsync("big", e => e.Spec.Stack.Engine = Size(memoryRequest: "3Gi"));
        await harness.WaitForAsync("big", e => Condition(e, "Stalled", "reason") == "InvalidSpec", "Stalled InvalidSpec");
        var stalled = (await harness.GetAsync("big")).Status!.Conditions.Single(c => c.Type == "Stalled");
        Assert.Contains("memoryRequest 3Gi is above the memory limit 2Gi, the operator's default (Engine:Job:MemoryLimit)", stalled.Message, StringComparison.Ordinal);

        // Deletion is never held up: the destroy runs with the defaults, not as a Job the API server refuses (422).
        await harness.DeleteAsync("big");
        await harness.WaitForAsync("big", e => e is null, "gone");
        var destroy = Assert.Single(Jobs(harness), j => Label(j, "dataplatform.io/operation") == "destroy");
        var resources = destroy["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!;
        Assert.Equal("1Gi", (string?)resources["requests"]!["memory"]);
        Assert.Equal("2Gi", (string?)resources["limits"]!["memory"]);
        Assert.Equal(1, harness.Runs("destroy"));
    }
}
