using DataPlatform.Operator.Tests.Packaging;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>Every call the operator really makes is granted by the RBAC it ships with (config/rbac/expected-calls.yaml).</summary>
public sealed class RbacCoverageTests
{
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["dataplatformenvironments"] = "dataplatform.io",
        ["secrets"] = "",
        ["events"] = "",
        ["leases"] = "coordination.k8s.io",
        ["dataplatformpolicies"] = "dataplatform.io",
        ["namespaces"] = "",
        ["jobs"] = "batch",
        ["pods"] = "",
    };

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        ["GET"] = "get", ["LIST"] = "list", ["WATCH"] = "watch", ["POST"] = "create", ["PUT"] = "update", ["PATCH"] = "patch", ["DELETE"] = "delete",
    };

    [Fact]
    public async Task The_operator_makes_only_granted_calls_through_a_whole_lifecycle()
    {
        await using var harness = await StartAsync();
        var observed = await CallsOfAWholeLifecycleAsync(harness);
        var granted = ExpectedCalls.Of("cluster").Union(ExpectedCalls.Of("leaderElection")).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(observed.Except(granted));
        Assert.Contains("dataplatform.io/dataplatformenvironments/status:update", observed);
        Assert.Contains("coordination.k8s.io/leases:update", observed);
        Assert.DoesNotContain(observed, c => c.StartsWith("batch/", StringComparison.Ordinal) || c.StartsWith("/pods", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_job_mode_the_operator_makes_only_granted_calls_and_uses_every_engine_jobs_grant()
    {
        await using var harness = await StartAsync(jobs: true);
        var observed = await CallsOfAWholeLifecycleAsync(harness);
        var engineJobs = ExpectedCalls.Of("engineJobs");
        var granted = ExpectedCalls.Of("cluster").Union(ExpectedCalls.Of("leaderElection")).Union(engineJobs).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(observed.Except(granted));
        Assert.Empty(engineJobs.Except(observed));
    }

    /// <summary>
    /// Every call made while an environment is created (through one throttled retry), becomes Ready and is deleted, as
    /// RBAC rules: the test itself only creates and deletes the environment, so everything else is the operator's (in
    /// Job mode the fake kubelet and Job controller write pods and Job status themselves, the kube-controller-manager's part).
    /// </summary>
    private static async Task<HashSet<string>> CallsOfAWholeLifecycleAsync(OperatorHarness harness)
    {
        harness.Faults(("up", "throttle", 0));
        await harness.CreateAsync("audited");
        await harness.WaitForAsync("audited", e => Condition(e, "Ready") == "True", "Ready");
        await harness.DeleteAsync("audited");
        await harness.WaitForAsync("audited", e => e is null, "gone");
        return harness.Server.Requests.Counts.Keys
            .Select(k => k.Split(' '))
            .Where(k => !(k[1] == "dataplatformenvironments" && k[0] is "POST" or "DELETE"))
            .Select(k => $"{Groups[k[1].Split('/')[0]]}/{k[1]}:{Verbs[k[0]]}")
            .ToHashSet(StringComparer.Ordinal);
    }
}
