using System.Text;
using k8s;
using k8s.Models;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// The lifecycle's edges through the real host: unknown failures, a connection Secret the environment does not
/// own, deletion decided from the state backend, and the logging scope every reconcile's lines carry.
/// </summary>
public sealed class LifecycleBoundaryTests
{
    [Fact]
    public async Task An_unrecognised_error_is_retried_and_one_retry_that_works_makes_the_environment_ready()
    {
        await using var harness = await StartAsync();
        harness.Faults(("up", "unclassified", 0));
        await harness.CreateAsync("novel");

        await harness.WaitForAsync("novel", e => Condition(e, "Ready") == "True", "Ready after retrying an unrecognised error");

        Assert.Equal(2, harness.Runs("up"));
    }

    [Fact]
    public async Task An_unrecognised_error_that_persists_stalls_after_the_configured_retries_with_the_message_kept()
    {
        await using var harness = await StartAsync(settings: new Dictionary<string, string?> { ["Retry:UnknownFailureRetries"] = "2" });
        harness.Faults(("up", "unclassified", 0), ("up", "unclassified", 0), ("up", "unclassified", 0), ("up", "unclassified", 0));
        await harness.CreateAsync("novel");

        await harness.WaitForAsync("novel", e => Condition(e, "Stalled", "reason") == "UnclassifiedFailure", "Stalled UnclassifiedFailure");

        Assert.Equal(3, harness.Runs("up"));
        var stalled = await harness.GetAsync("novel");
        Assert.Contains("UnrecognizedServiceCondition", stalled.Status!.Conditions.Single(c => c.Type == "Stalled").Message, StringComparison.Ordinal);
        Assert.Null(stalled.Status.Conditions.SingleOrDefault(c => c.Type == "Reconciling"));
    }

    [Fact]
    public async Task A_foreign_secret_with_the_connection_name_is_never_modified_or_deleted_and_stalls_the_environment()
    {
        await using var harness = await StartAsync();
        var foreign = await harness.Kubernetes.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "shop-connection", NamespaceProperty = "team", Labels = new Dictionary<string, string> { ["owner"] = "someone-else" } },
            Data = new Dictionary<string, byte[]> { ["DATABASE_URL"] = Encoding.UTF8.GetBytes("postgresql://theirs") },
        }, "team");
        await harness.CreateAsync("shop");

        await harness.WaitForAsync("shop", e => Condition(e, "Stalled", "reason") == "ConnectionSecretConflict", "Stalled ConnectionSecretConflict");
        var stalled = await harness.GetAsync("shop");
        Assert.Contains("team/shop-connection", stalled.Status!.Conditions.Single(c => c.Type == "Stalled").Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Runs("up"));

        await harness.DeleteAsync("shop");
        await harness.WaitForAsync("shop", e => e is null, "gone");
        var after = await harness.Kubernetes.CoreV1.ReadNamespacedSecretAsync("shop-connection", "team");
        Assert.Equal(foreign.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Equal("postgresql://theirs", Encoding.UTF8.GetString(after.Data["DATABASE_URL"]));
        Assert.Null(after.Metadata.OwnerReferences);
        Assert.Equal(0, harness.Runs("destroy"));
    }

    [Fact]
    public async Task A_wiped_status_still_destroys_the_stack_exactly_once()
    {
        await using var harness = await StartAsync(replicas: 0);
        var first = await harness.StartHostAsync("operator-a");
        await harness.CreateAsync("restored");
        await harness.WaitForAsync("restored", e => Condition(e, "Ready") == "True", "Ready");
        await harness.StopHostAsync(first);

        // With no operator running, the status is lost (a restore from a backup) and the environment is deleted.
        await harness.WipeStatusAsync("restored");
        await harness.DeleteAsync("restored");
        await harness.WaitForAsync("restored", e => e?["status"] is null && e?["metadata"]?["deletionTimestamp"] is not null, "deleting without status");

        await harness.StartHostAsync("operator-b");
        await harness.WaitForAsync("restored", e => e is null, "gone");

        Assert.Equal(1, harness.Runs("destroy"));
        Assert.Empty(Directory.GetFiles(harness.Backend, "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Deleting_an_environment_that_never_deployed_destroys_nothing()
    {
        await using var harness = await StartAsync();
        // A rule only the pre-flight validator knows (the CRD admits the version; AWS has retired it).
        await harness.CreateAsync("never", e => e.Spec.Database.EngineVersion = "15.4");
        await harness.WaitForAsync("never", e => Condition(e, "Stalled", "reason") == "InvalidSpec", "Stalled InvalidSpec");

        await harness.DeleteAsync("never");
        await harness.WaitForAsync("never", e => e is null, "gone");

        Assert.Equal(0, harness.Runs("destroy"));
        Assert.True(harness.StackCommands("ls") >= 1, "the state backend was asked");
    }

    [Fact]
    public async Task Every_engine_log_line_names_the_environment_and_the_reconcile_it_belongs_to()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync("traced");
        await harness.WaitForAsync("traced", e => Condition(e, "Ready") == "True", "Ready");

        var engine = harness.Logs.Lines.Where(l => l.Category.EndsWith("PulumiCliEngine", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(engine);
        Assert.All(engine, line =>
        {
            Assert.Equal("team", line.Scope["Namespace"]);
            Assert.Equal("traced", line.Scope["Name"]);
            Assert.Equal(created.Metadata.Uid, line.Scope["Uid"]);
            Assert.Equal(1L, line.Scope["Generation"]);
            Assert.Matches("^[0-9a-f]{12}$", (string)line.Scope["ReconcileId"]!);
        });
    }
}
