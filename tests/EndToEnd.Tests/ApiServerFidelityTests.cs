using System.Text.Json.Nodes;
using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.Entities;
using DataPlatform.TestSupport;
using k8s.Autorest;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// The operator against an API server that enforces what kube-apiserver enforces (the checked-in CRD with its
/// schema and CEL rules, the validating webhook over HTTPS, watch errors, 429 storms, terminating namespaces,
/// asynchronous garbage collection): what a user of a real cluster would see.
/// </summary>
public sealed class ApiServerFidelityTests
{
    private static string CheckedInCrd => File.ReadAllText(RepoPaths.InRepo(Operator.Crd.CrdGenerator.RelativePath.Split('/')));

    [Fact]
    public async Task Checked_in_crd_installs_and_an_invalid_environment_is_refused_with_422_naming_the_field()
    {
        var installed = ResourceType.FromCrd(CheckedInCrd);
        Assert.True(installed.StatusSubresource);
        await using var harness = await StartAsync();

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("bad", e => e.Spec.Database.MasterUsername = "admin"));

        Assert.Equal(422, (int)refused.Response.StatusCode);
        var status = JsonNode.Parse(refused.Response.Content)!;
        Assert.Equal("Invalid", (string?)status["reason"]);
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal("spec.database.masterUsername", (string?)cause["field"]);
        Assert.Equal("FieldValueInvalid", (string?)cause["reason"]);
        Assert.Contains("reserved word", (string?)cause["message"], StringComparison.Ordinal);
        Assert.Null(harness.Server.Store.Find(new ResourceKey(V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Plural, "team", "bad")));
    }

    [Fact]
    public async Task Environment_made_invalid_by_stricter_rules_can_still_be_paused_retried_and_deleted()
    {
        await using var harness = await StartAsync(replicas: 0);
        var host = await harness.StartHostAsync("operator-0", settings: harness.WebhookSettings());

        // Created while AWS still offered 15.4 and before the zone rule existed.
        await harness.CreateAsync("legacy", e => e.Spec.Database.EngineVersion = "15.4");
        await harness.WaitForAsync("legacy", e => Condition(e, "Stalled", "reason") == "InvalidSpec", "Stalled InvalidSpec");

        // Then the rules got stricter: the webhook (pre-flight) now knows 15.4 is retired, and a new CRD version
        // wants retries to back off to at least 10 s (the harness creates environments with 2 s).
        harness.RegisterWebhook(host);
        harness.Server.UpdateCustomResourceDefinition(ResourceType.FromCrd(StricterCrd()));
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("fresh", e =>
        {
            e.Spec.Database.EngineVersion = "15.4";
            e.Spec.Stack.Retry.MaxDelaySeconds = 900;
        }));
        Assert.Equal(422, (int)denied.Response.StatusCode);
        Assert.StartsWith("admission webhook \"vdataplatformenvironment.dataplatform.io\" denied the request: ", (string?)JsonNode.Parse(denied.Response.Content)!["message"], StringComparison.Ordinal);
        Assert.Contains("spec.database.engineVersion", (string?)JsonNode.Parse(denied.Response.Content)!["message"], StringComparison.Ordinal);
        var quick = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("quick"));
        Assert.Equal("spec.stack.retry", (string?)JsonNode.Parse(quick.Response.Content)!["details"]!["causes"]![0]!["field"]);

        await harness.UpdateAsync("legacy", e => e.Spec.Paused = true);
        await harness.WaitForAsync("legacy", e => Condition(e, "Paused") == "True", "Paused");
        await harness.UpdateAsync("legacy", e =>
        {
            e.Spec.Paused = false;
            e.Metadata.Annotations ??= new Dictionary<string, string>();
            e.Metadata.Annotations[V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation] = "retry-1";
        });
        await harness.DeleteAsync("legacy");
        await harness.WaitForAsync("legacy", e => e is null, "gone: the finalizer removal went through schema and webhook");

        Assert.True(harness.Server.Webhooks.Calls >= 4, $"the webhook judged the updates ({harness.Server.Webhooks.Calls} calls)");
        Assert.Equal(0, harness.Runs("up"));
    }

    [Fact]
    public async Task Informer_survives_non_410_watch_errors_and_healthz_stays_ok()
    {
        await using var harness = await StartAsync(replicas: 0);
        var host = await harness.StartHostAsync("operator-0");
        await harness.CreateAsync("first");
        await harness.WaitForAsync("first", e => Condition(e, "Ready") == "True", "Ready");

        harness.Server.Faults.FailNextWatches(2, 504, "Timeout", "Too large resource version: 99999, current: 150");
        harness.Server.Faults.FailNextWatches(1, 500, "InternalError", "Internal error occurred: etcdserver: leader changed");
        harness.Server.Store.DropWatches();
        await harness.CreateAsync("second");

        await harness.WaitForAsync("second", e => Condition(e, "Ready") == "True", "Ready: the informer kept watching after the errors");
        Assert.Equal((200, "ok"), await HealthAsync(host));
    }

    [Fact]
    public async Task A_429_storm_with_retry_after_is_ridden_out()
    {
        await using var harness = await StartAsync(replicas: 0);
        var host = await harness.StartHostAsync("operator-0");
        await harness.CreateAsync("stormy");
        harness.Server.Faults.Storm(TimeSpan.FromSeconds(4), retryAfterSeconds: 1);
        harness.Server.Store.DropWatches();

        await harness.WaitForAsync("stormy", e => Condition(e, "Ready") == "True", "Ready after the storm");

        Assert.True(harness.Server.Faults.Throttled > 0, "the storm answered 429s");
        Assert.Equal(1, harness.Runs("up"));
        Assert.Equal((200, "ok"), await HealthAsync(host));
    }

    [Fact]
    public async Task Deleting_in_a_terminating_namespace_destroys_once_and_removes_the_finalizer()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("doomed", ns: "sunset");
        await harness.WaitForAsync("doomed", e => Condition(e, "Ready") == "True", "Ready", ns: "sunset");
        var eventsBefore = harness.Server.Store.Snapshot("events").Count;

        harness.Server.Store.TerminateNamespace("sunset");
        await harness.WaitForAsync("doomed", e => e is null, "gone", ns: "sunset");

        Assert.Equal(1, harness.Runs("destroy"));
        Assert.True(harness.Server.Requests.Counts.GetValueOrDefault("POST events") > 0, "the operator tried to record Events");
        Assert.True(harness.Server.Store.Snapshot("events").Count <= eventsBefore, "no Event was created in the terminating namespace");
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("late", ns: "sunset"));
        Assert.Equal(403, (int)denied.Response.StatusCode);
        Assert.Contains("unable to create new content in namespace sunset because it is being terminated", denied.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_secret_is_garbage_collected_after_the_environment_is_gone()
    {
        await using var harness = await StartAsync();
        harness.Server.Store.GarbageCollectionDelay = TimeSpan.FromSeconds(2);
        await harness.CreateAsync("owner");
        await harness.WaitForAsync("owner", e => Condition(e, "Ready") == "True", "Ready");
        var secret = new ResourceKey("", "secrets", "team", "owner-connection");
        Assert.NotNull(harness.Server.Store.Find(secret));

        await harness.DeleteAsync("owner");
        await harness.WaitForAsync("owner", e => e is null, "gone");

        Assert.NotNull(harness.Server.Store.Find(secret));
        await harness.Server.WaitUntilAsync(s => s.Find(secret) is null, TimeSpan.FromSeconds(30), "the Secret garbage-collected");
    }

    /// <summary>The checked-in CRD with one more rule: retries back off to at least 10 seconds.</summary>
    private static string StricterCrd()
    {
        var crd = CheckedInCrd;
        const string anchor = "                      message: retry.baseDelaySeconds must not exceed retry.maxDelaySeconds.\n";
        Assert.Contains(anchor, crd, StringComparison.Ordinal);
        return crd.Replace(anchor, anchor + "                    - rule: self.maxDelaySeconds >= 10\n                      message: retry.maxDelaySeconds must be at least 10.\n", StringComparison.Ordinal);
    }
}
