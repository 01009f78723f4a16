using DataPlatform.Entities;
using k8s;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task A_cli_killed_mid_update_leaves_a_lock_and_pending_operations_that_the_operator_recovers()
    {
        await using var harness = await StartAsync();
        harness.Faults(("up", "crash", 0));
        await harness.CreateAsync("crashy");

        await harness.WaitForAsync("crashy", e => Condition(e, "Ready") == "True", "Ready after recovery");

        // The crashed run, the run refused by the stale lock, and the run after recovery.
        Assert.Equal(3, harness.Runs("up"));
        Assert.Equal(1, harness.Runs("cancel"));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(harness.Backend, ".pulumi"), "*.json", SearchOption.AllDirectories), f => f.Contains("locks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_operator_instance_converges_what_a_stopped_one_left_mid_update()
    {
        await using var harness = await StartAsync(replicas: 0);
        var first = await harness.StartHostAsync("operator-a", shutdownTimeout: "00:00:00.500");
        harness.Faults(("up", "slow", 300));
        await harness.CreateAsync("handover");
        await harness.WaitForAsync("handover", e => Condition(e, "Reconciling") == "True", "the update started");
        await harness.WaitForRunAsync("up");

        await harness.StopHostAsync(first);
        await harness.StartHostAsync("operator-b");
        await harness.WaitForAsync("handover", e => Condition(e, "Ready") == "True", "Ready on the new instance");

        Assert.Equal(2, harness.Runs("up"));
        Assert.True(harness.Runs("cancel") >= 1, "the interrupted run's lock was cleared");
    }

    [Fact]
    public async Task With_two_replicas_only_the_leader_runs_the_engine()
    {
        await using var harness = await StartAsync(replicas: 2);
        await harness.CreateAsync("shared");

        await harness.WaitForAsync("shared", e => Condition(e, "Ready") == "True", "Ready");

        Assert.Equal(1, harness.Runs("up"));
        var lease = await harness.Kubernetes.CoordinationV1.ReadNamespacedLeaseAsync("dataplatform-operator-leader", "operators");
        Assert.Contains(lease.Spec.HolderIdentity, new[] { "operator-0", "operator-1" });
    }

    [Fact]
    public async Task Losing_the_lease_stops_the_host_with_a_non_zero_exit_code()
    {
        await using var harness = await StartAsync(replicas: 0);
        var host = await harness.StartHostAsync("operator-a");
        var stopping = new TaskCompletionSource();
        host.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        await harness.CreateAsync("owned");
        await harness.WaitForAsync("owned", e => Condition(e, "Ready") == "True", "Ready");

        try
        {
            // The holder renews while we write: read and replace again on 409, as any lease writer must.
            for (var attempt = 1; ; attempt++)
            {
                var lease = await harness.Kubernetes.CoordinationV1.ReadNamespacedLeaseAsync("dataplatform-operator-leader", "operators");
                lease.Spec.HolderIdentity = "intruder";
                lease.Spec.RenewTime = DateTime.UtcNow.AddMinutes(5);
                lease.Spec.LeaseDurationSeconds = 3600;
                try
                {
                    await harness.Kubernetes.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "dataplatform-operator-leader", "operators");
                    break;
                }
                catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 10)
                {
                }
            }

            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, System.Environment.ExitCode);
        }
        finally
        {
            System.Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task Dropped_watches_and_conflict_storms_converge_without_duplicate_engine_runs()
    {
        await using var harness = await StartAsync();
        harness.Server.Faults.FailNext("PUT", "dataplatformenvironments", 409, 6);
        harness.Server.Faults.FailNext("WATCH", "dataplatformenvironments", 500, 2);
        harness.Server.Store.DropWatches();
        await harness.CreateAsync("stormy");
        harness.Server.Store.DropWatches();

        await harness.WaitForAsync("stormy", e => Condition(e, "Ready") == "True", "Ready through the storm");

        Assert.Equal(1, harness.Runs("up"));
    }

    [Fact]
    public async Task A_steady_ready_environment_costs_no_engine_run_and_no_api_write()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("steady");
        await harness.WaitForAsync("steady", e => Condition(e, "Ready") == "True", "Ready");
        var writes = harness.EnvironmentAndSecretWrites();

        harness.Server.Store.DropWatches();
        harness.Server.Store.Compact();
        harness.Server.Store.DropWatches();
        await harness.CreateAsync("marker", e => e.Spec.Paused = true);
        await harness.WaitForAsync("marker", e => Condition(e, "Paused") == "True", "the marker is paused");

        Assert.Equal(1, harness.Runs("up"));
        // Only the marker wrote: its creation, its finalizer and its Paused status (lease renewals are leader election's).
        Assert.Equal(writes + 3, harness.EnvironmentAndSecretWrites());
    }

    [Fact]
    public async Task Paused_environment_records_the_pause_and_runs_nothing_until_resumed()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("paused", e => e.Metadata.Annotations = new Dictionary<string, string> { [V1Alpha1DataPlatformEnvironment.PausedAnnotation] = "true" });

        await harness.WaitForAsync("paused", e => Condition(e, "Paused") == "True" && (string?)e?["status"]?["phase"] == "Paused", "Paused");
        Assert.Equal(0, harness.Runs("up"));

        await harness.UpdateAsync("paused", e => e.Metadata.Annotations.Remove(V1Alpha1DataPlatformEnvironment.PausedAnnotation));
        await harness.WaitForAsync("paused", e => Condition(e, "Ready") == "True" && Condition(e, "Paused") is null, "Ready after resume");
        Assert.Equal(1, harness.Runs("up"));
    }
}
