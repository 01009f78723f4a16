using System.Text;
using DataPlatform.Entities;
using k8s;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Create_becomes_ready_with_endpoints_and_the_connection_secret_then_a_spec_change_runs_one_more_update()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("analytics");

        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready=True");
        var ready = await harness.GetAsync("analytics");
        Assert.Equal(1, ready.Status!.ObservedGeneration);
        Assert.EndsWith(".eu-west-1.rds.amazonaws.com", ready.Status.Endpoints!.DatabaseWriter, StringComparison.Ordinal);
        Assert.Equal("[secret]", ready.Status.Outputs!["databasePassword"]);
        Assert.Contains(V1Alpha1DataPlatformEnvironment.Finalizer, ready.Metadata.Finalizers);
        var secret = await harness.Kubernetes.CoreV1.ReadNamespacedSecretAsync("analytics-connection", "team");
        Assert.StartsWith("postgresql://dbadmin:", Encoding.UTF8.GetString(secret.Data["DATABASE_URL"]), StringComparison.Ordinal);
        Assert.Equal(ready.Metadata.Uid, secret.Metadata.OwnerReferences.Single().Uid);
        Assert.Equal(1, harness.Runs("up"));
        Assert.Equal(1, await harness.MetricAsync("dataplatform_environments{phase=\"Ready\"}"));
        Assert.Equal(0, await harness.MetricAsync("dataplatform_environments{phase=\"Pending\"}"));

        await harness.UpdateAsync("analytics", e => e.Spec.Streaming.RetentionHours = 48);
        await harness.WaitForAsync("analytics", e => (long?)e?["status"]?["observedGeneration"] == 2 && Condition(e, "Ready") == "True", "generation 2 Ready");
        Assert.Equal(2, harness.Runs("up"));
    }

    [Fact]
    public async Task Invalid_spec_stalls_with_the_field_and_never_runs_the_engine()
    {
        await using var harness = await StartAsync();
        // A rule only the pre-flight validator knows (the CRD admits the version; AWS has retired it).
        await harness.CreateAsync("bad", e => e.Spec.Database.EngineVersion = "15.4");

        await harness.WaitForAsync("bad", e => Condition(e, "Stalled", "reason") == "InvalidSpec", "Stalled InvalidSpec");

        var stalled = await harness.GetAsync("bad");
        Assert.Contains("spec.database.engineVersion", stalled.Status!.Conditions.Single(c => c.Type == "Stalled").Message, StringComparison.Ordinal);
        Assert.Equal("False", stalled.Status.Conditions.Single(c => c.Type == "Ready").Status.ToString());
        Assert.Equal(0, harness.Runs("up"));
    }

    [Fact]
    public async Task Transient_failure_backs_off_then_becomes_ready()
    {
        await using var harness = await StartAsync();
        harness.Faults(("up", "throttle", 0));
        await harness.CreateAsync("flaky");

        await harness.WaitForAsync("flaky", e => e?["status"]?["retry"]?["lastFailureClass"]?.GetValue<string>() == "Throttling" && Condition(e, "Reconciling") == "True", "a scheduled retry");
        await harness.WaitForAsync("flaky", e => Condition(e, "Ready") == "True", "Ready after the retry");

        Assert.Equal(2, harness.Runs("up"));
        Assert.Null((await harness.GetAsync("flaky")).Status!.Retry);
    }

    [Fact]
    public async Task Terminal_failure_stalls_until_a_reconcile_is_requested()
    {
        await using var harness = await StartAsync();
        harness.Faults(("up", "invalid", 0));
        await harness.CreateAsync("broken");

        await harness.WaitForAsync("broken", e => Condition(e, "Stalled", "reason") == "InvalidParameter", "Stalled InvalidParameter");
        Assert.Equal(1, harness.Runs("up"));
        Assert.Null(Condition(harness.Server.Store.Snapshot(V1Alpha1DataPlatformEnvironment.Plural).Single(), "Reconciling"));

        await harness.UpdateAsync("broken", e => e.Metadata.Annotations = new Dictionary<string, string> { [V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation] = "retry-1" });
        await harness.WaitForAsync("broken", e => Condition(e, "Ready") == "True", "Ready after the requested reconcile");
        Assert.Equal(2, harness.Runs("up"));
        Assert.Equal("retry-1", (await harness.GetAsync("broken")).Status!.ObservedReconcileRequest);
    }

    [Fact]
    public async Task Delete_destroys_the_stack_then_the_finalizer_and_the_secret_go()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("temporary");
        await harness.WaitForAsync("temporary", e => Condition(e, "Ready") == "True", "Ready");

        await harness.DeleteAsync("temporary");
        await harness.WaitForAsync("temporary", e => e is null, "gone");

        Assert.Equal(1, harness.Runs("destroy"));
        await harness.Server.WaitUntilAsync(s => s.Snapshot("secrets").Count == 0, TimeSpan.FromSeconds(30), "the connection Secret garbage-collected");
        Assert.Empty(Directory.GetFiles(harness.Backend, "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Retain_keeps_the_stack()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("kept", e => e.Spec.DeletionPolicy = Entities.Spec.DeletionPolicy.Retain);
        await harness.WaitForAsync("kept", e => Condition(e, "Ready") == "True", "Ready");

        await harness.DeleteAsync("kept");
        await harness.WaitForAsync("kept", e => e is null, "gone");

        Assert.Equal(0, harness.Runs("destroy"));
        Assert.NotEmpty(Directory.GetFiles(harness.Backend, "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Deletion_protection_stalls_the_deletion_and_keeps_the_finalizer()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("protected", e => e.Spec.Database.DeletionProtection = true);
        await harness.WaitForAsync("protected", e => Condition(e, "Ready") == "True", "Ready");

        await harness.DeleteAsync("protected");
        await harness.WaitForAsync("protected", e => Condition(e, "Stalled", "reason") == "DeletionProtected", "Stalled DeletionProtected");

        var stuck = await harness.GetAsync("protected");
        Assert.NotNull(stuck.Metadata.DeletionTimestamp);
        Assert.Contains(V1Alpha1DataPlatformEnvironment.Finalizer, stuck.Metadata.Finalizers);
        Assert.Contains("spec.database.deletionProtection", stuck.Status!.Conditions.Single(c => c.Type == "Stalled").Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Runs("destroy"));

        await harness.UpdateAsync("protected", e => e.Spec.Database.DeletionProtection = false);
        await harness.WaitForAsync("protected", e => e is null, "gone after protection is turned off");
        Assert.Equal(1, harness.Runs("destroy"));
    }
}
