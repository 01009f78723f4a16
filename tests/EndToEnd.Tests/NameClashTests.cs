using DataPlatform.Entities;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// Name isolation at reconcile (issue 18, DESIGN.md section 8): what admission let through (two environments created
/// at the same moment, each review blind to the other; no webhook; a webhook failing open) is still held back before
/// it reaches AWS, and goes on by itself once the names are free.
/// </summary>
public sealed class NameClashTests
{
    [Fact]
    public async Task Two_environments_deriving_the_same_iam_role_name_past_admission_only_the_older_runs_and_the_other_goes_on_once_it_is_deleted()
    {
        // No webhook here, as when it is not installed yet or fails open: both environments are stored.
        await using var harness = await StartAsync(replicas: 0);
        var first = await harness.CreateAsync("analytics", e => e.Spec.EnvironmentSuffix = "prod");
        var second = await harness.CreateAsync("reporting", e => e.Spec.EnvironmentSuffix = "prod");
        // Created in the same second (timestamps have whole seconds), the smaller uid counts as the older.
        var firstIsOlder = first.Metadata.CreationTimestamp != second.Metadata.CreationTimestamp
            ? first.Metadata.CreationTimestamp < second.Metadata.CreationTimestamp
            : string.CompareOrdinal(first.Metadata.Uid, second.Metadata.Uid) < 0;
        var (older, younger) = firstIsOlder ? ("analytics", "reporting") : ("reporting", "analytics");

        // Both are in the operator's cache at once and reconciled side by side by several workers.
        await harness.StartHostAsync("operator-0");

        await harness.WaitForAsync(older, e => Condition(e, "Ready") == "True", "Ready: the older keeps the names");
        await harness.WaitForAsync(younger, e => Condition(e, "Stalled", "reason") == "NameClash", "Stalled NameClash");
        var stalled = await harness.GetAsync(younger);
        var message = stalled.Status!.Conditions.Single(c => c.Type == "Stalled").Message;
        var stem = "prod-" + Stack.Naming.NamingSchemes.NamespaceHash("team");
        Assert.Contains($"the Role name {stem}-pipeline-role is already used in account (operator's account) by DataPlatformEnvironment team/{older}", message, StringComparison.Ordinal);
        Assert.Contains("Set spec.environmentSuffix", message, StringComparison.Ordinal);
        Assert.Equal("Failed", stalled.Status.Phase?.ToString());
        Assert.Equal(0, harness.Runs("preview", $"team.{younger}") + harness.Runs("up", $"team.{younger}"));
        Assert.Equal(1, harness.Runs("up", $"team.{older}"));

        // The older one goes: its deletion wakes the other, which now takes the names and runs its first update.
        await harness.DeleteAsync(older);
        await harness.WaitForAsync(younger, e => Condition(e, "Ready") == "True", "Ready once the environment holding its names is deleted");
        Assert.Null(harness.Server.Store.Find(new Doubles.FakeKubeApiServer.ResourceKey(V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Plural, "team", older)));
        Assert.Equal(1, harness.Runs("up", $"team.{younger}"));
        Assert.Equal(1, harness.Runs("destroy", $"team.{older}"));
    }

    [Fact]
    public async Task An_environment_held_back_by_a_name_clash_is_deleted_without_any_engine_run()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("analytics", e => e.Spec.EnvironmentSuffix = "prod");
        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready");
        // Created after the first was deployed (no webhook to refuse it): the deployed one keeps its names.
        await harness.CreateAsync("reporting", e => e.Spec.EnvironmentSuffix = "prod");
        await harness.WaitForAsync("reporting", e => Condition(e, "Stalled", "reason") == "NameClash", "Stalled NameClash");

        await harness.DeleteAsync("reporting");

        await harness.Server.WaitUntilAsync(
            store => store.Find(new Doubles.FakeKubeApiServer.ResourceKey(V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Plural, "team", "reporting")) is null,
            TimeSpan.FromSeconds(90), "team/reporting is gone");
        Assert.Equal(0, harness.Runs("preview", "team.reporting") + harness.Runs("up", "team.reporting") + harness.Runs("destroy", "team.reporting"));
        Assert.Equal(0, harness.Runs("destroy"));
        Assert.Equal("True", Condition(harness.Server.Store.Find(new Doubles.FakeKubeApiServer.ResourceKey(
            V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Plural, "team", "analytics")), "Ready"));
    }
}
