using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack.Naming;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

/// <summary>
/// Name isolation at reconcile: an environment that would take names another keeps stalls with NameClash before any
/// engine call, naming the name, its scope and the other; once the names are free it goes on by itself; its deletion
/// needs no destroy.
/// </summary>
public sealed class NameClashTransitionTests
{
    private static readonly NameClash RoleClash = new(
        new NameClaim("aws:iam/role:Role", "prod-1a2b3-pipeline-role", NameScope.Account, NameClaims.OperatorAccount, "eu-west-1"), "team", "analytics");

    private static readonly NameClash BucketClash = new(
        new NameClaim("aws:s3/bucket:Bucket", "prod-1a2b3-artifacts", NameScope.Global, NameClaims.OperatorAccount, "eu-west-1"), "team", "analytics");

    [Fact]
    public void A_new_environment_whose_names_another_keeps_stalls_naming_the_name_scope_and_other_and_runs_nothing()
    {
        var kit = new LifecycleTestKit { NameClashes = [RoleClash, BucketClash] };

        var step = kit.Step();

        Assert.Null(step.Action);
        Assert.Null(step.Requeue);
        Assert.Equal((ConditionStatus.True, "NameClash"), (kit.State(Condition.Stalled)!.Value, kit.Reason(Condition.Stalled)));
        Assert.Equal((ConditionStatus.False, "NameClash"), (kit.State(Condition.Ready)!.Value, kit.Reason(Condition.Ready)));
        Assert.Null(kit.Condition(Condition.Reconciling));
        Assert.Equal(EnvironmentPhase.Failed, kit.Environment.Status!.Phase);
        var message = kit.Condition(Condition.Stalled)!.Message;
        Assert.Contains("the Role name prod-1a2b3-pipeline-role is already used in account (operator's account) by DataPlatformEnvironment team/analytics", message, StringComparison.Ordinal);
        Assert.Contains("the Bucket name prod-1a2b3-artifacts is already used globally by DataPlatformEnvironment team/analytics", message, StringComparison.Ordinal);
        Assert.StartsWith("DataPlatformEnvironment team/analytics keeps 2 AWS names this environment would take", message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent to AWS and nothing was destroyed.", message, StringComparison.Ordinal);
        Assert.Contains("Set spec.environmentSuffix", message, StringComparison.Ordinal);
        Assert.Contains("once team/analytics no longer holds them", message, StringComparison.Ordinal);
        // The naming scheme is recorded only when an update starts: a stalled environment holds no names.
        Assert.Null(kit.Environment.Status.NamingScheme);
        Assert.Null(kit.Environment.Status.LastUpdate);
        var warning = Assert.Single(step.Events);
        Assert.Equal((EventReason.NameClash, EventType.Warning, message), (warning.Reason, warning.Type, warning.Message));
    }

    [Fact]
    public void Still_clashing_it_stays_stalled_without_writes_or_events()
    {
        var kit = new LifecycleTestKit { NameClashes = [RoleClash] };
        kit.Step();

        var again = kit.Step();

        Assert.Equal((false, null), (again.StatusChanged, again.Action));
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Once_the_names_are_free_the_stall_lifts_and_the_first_update_is_previewed_then_runs()
    {
        var kit = new LifecycleTestKit { NameClashes = [RoleClash] };
        kit.Step();
        kit.NameClashes = [];

        var step = kit.Step();

        Assert.Equal(LifecycleAction.Preview(UpdateReason.NewGeneration), step.Action);
        Assert.Null(kit.Condition(Condition.Stalled));
        Assert.Equal(ConditionStatus.True, kit.State(Condition.Reconciling));
        Assert.Equal(NamingScheme.Namespaced, kit.Environment.Status!.NamingScheme);
        kit.NameClashes = null;
        var apply = kit.Step(kit.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.Harmless()));
        Assert.Equal(LifecycleActionKind.RunUpdate, apply.Action!.Kind);
        kit.Step(kit.Succeeded());
        Assert.Equal(ConditionStatus.True, kit.State(Condition.Ready));
    }

    [Fact]
    public void Not_judged_a_stalled_environment_stays_stalled()
    {
        var kit = new LifecycleTestKit { NameClashes = [RoleClash] };
        kit.Step();
        kit.NameClashes = null;

        var step = kit.Step();

        Assert.Null(step.Action);
        Assert.Equal("NameClash", kit.Reason(Condition.Stalled));
    }

    [Fact]
    public void A_spec_change_to_a_free_suffix_runs_the_update_of_the_new_generation()
    {
        var kit = new LifecycleTestKit { NameClashes = [RoleClash] };
        kit.Step();
        kit.With(e => { e.Spec.EnvironmentSuffix = "prod-b"; e.Metadata.Generation = 2; });
        kit.NameClashes = [];

        var step = kit.Step();

        Assert.Equal(LifecycleAction.Preview(UpdateReason.NewGeneration), step.Action);
        Assert.Equal(2, kit.Environment.Status!.ObservedGeneration);
    }

    [Fact]
    public void The_shell_judges_only_live_unpaused_environments_not_deployed_at_their_generation()
    {
        var kit = new LifecycleTestKit();
        Assert.True(NameClashRules.NeedsJudging(kit.Environment));

        kit.Succeed();
        Assert.False(NameClashRules.NeedsJudging(kit.Environment));

        kit.With(e => e.Metadata.Generation = 2);
        Assert.True(NameClashRules.NeedsJudging(kit.Environment));

        kit.With(e => e.Spec.Paused = true);
        Assert.False(NameClashRules.NeedsJudging(kit.Environment));

        kit.With(e => e.Spec.Paused = false);
        kit.Delete();
        Assert.False(NameClashRules.NeedsJudging(kit.Environment));
    }

    [Fact]
    public void Deleting_a_stalled_environment_finds_no_stack_and_releases_without_destroy()
    {
        var kit = new LifecycleTestKit { NameClashes = [RoleClash] };
        kit.Step();
        kit.Delete();

        var check = kit.Step();
        Assert.Equal(LifecycleAction.CheckStack, check.Action);

        var release = kit.Step(new StackChecked(Exists: false));
        Assert.Equal(LifecycleAction.ReleaseFinalizer, release.Action);
        Assert.Equal(EventReason.NothingToDestroy, Assert.Single(release.Events).Reason);
    }

    [Fact]
    public void Many_clashes_list_five_and_count_the_rest()
    {
        var clashes = Enumerable.Range(1, 8).Select(i => RoleClash with { Claim = RoleClash.Claim with { Name = $"role-{i}" } }).ToList();

        var message = NameClashRules.Message(clashes);

        Assert.Contains("keeps 8 AWS names this environment would take", message, StringComparison.Ordinal);
        Assert.Contains("role-5", message, StringComparison.Ordinal);
        Assert.DoesNotContain("role-6", message, StringComparison.Ordinal);
        Assert.Contains("and 3 more", message, StringComparison.Ordinal);
    }
}
