using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack.Engine;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

/// <summary>Preview before every update, approval of destructive plans, and drift checks (DESIGN.md section 11), on fake time.</summary>
public sealed class PlanTransitionTests
{
    [Fact]
    public void A_harmless_plan_applies_without_approval_with_every_stateful_resource_protected()
    {
        var kit = new LifecycleTestKit();
        Assert.Equal(LifecycleAction.Preview(UpdateReason.NewGeneration), kit.Step().Action);

        var apply = kit.Step(kit.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.Harmless()));

        Assert.Equal(LifecycleAction.RunUpdate(UpdateReason.NewGeneration, []), apply.Action);
        Assert.Empty(apply.Action!.Unprotected);
        Assert.Equal(("0a1b2c3d4e5f6071", "Applying", 1L), (kit.Environment.Status!.Plan!.Id, kit.Environment.Status.Plan.State, kit.Environment.Status.Plan.Generation));
        Assert.Contains("0 to create, 2 to update, 0 to replace, 0 to delete", kit.Environment.Status.Plan.Summary, StringComparison.Ordinal);
        kit.Step(kit.Succeeded());
        Assert.Equal("Applied", kit.Environment.Status.Plan.State);
        Assert.Equal(ConditionStatus.True, kit.State(Condition.Ready));
    }

    [Fact]
    public void A_plan_replacing_the_database_waits_for_approval_and_says_what_is_lost_and_how_to_approve()
    {
        var kit = new LifecycleTestKit();
        kit.Step();

        var wait = kit.Step(kit.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.ReplacesDatabase()));

        Assert.Null(wait.Action);
        Assert.Null(wait.Requeue);
        var ready = kit.Condition(Condition.Ready)!;
        Assert.Equal((ConditionStatus.False, "AwaitingApproval"), (ready.Status, ready.Reason));
        Assert.Contains("databaseCluster (Cluster) is replaced because databaseName changed", ready.Message, StringComparison.Ordinal);
        Assert.Contains("dataplatform.io/approve-plan=dbdbdbdbdbdbdbdb", ready.Message, StringComparison.Ordinal);
        Assert.Null(kit.Condition(Condition.Reconciling));
        Assert.Null(kit.Condition(Condition.Stalled));
        Assert.Equal(EnvironmentPhase.AwaitingApproval, kit.Environment.Status!.Phase);
        var destructive = Assert.Single(kit.Environment.Status.Plan!.Destructive!);
        Assert.Equal(("databaseCluster", "replace", "databaseName"), (destructive.Resource, destructive.Operation, Assert.Single(destructive.ForcedBy)));
        Assert.Equal("AwaitingApproval", kit.Environment.Status.LastUpdate!.Result);
        var published = Assert.Single(wait.Events);
        Assert.Equal((EventReason.AwaitingApproval, EventType.Warning), (published.Reason, published.Type));

        kit.Time.Advance(TimeSpan.FromHours(5));
        var idle = kit.Step();
        Assert.Equal((false, null, (TimeSpan?)null), (idle.StatusChanged, idle.Action, idle.Requeue));
    }

    [Fact]
    public void Only_the_approval_of_that_plan_id_applies_it_and_lifts_protection_of_exactly_its_resources()
    {
        var kit = new LifecycleTestKit();
        kit.Step();
        kit.Step(kit.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.ReplacesDatabase()));

        kit.Annotate(V1Alpha1DataPlatformEnvironment.ApprovePlanAnnotation, "someotherplan000");
        Assert.Null(kit.Step().Action);

        kit.Annotate(V1Alpha1DataPlatformEnvironment.ApprovePlanAnnotation, "dbdbdbdbdbdbdbdb");
        var approved = kit.Step();
        Assert.Equal(LifecycleAction.Preview(UpdateReason.PlanApproved), approved.Action);
        Assert.Equal("PlanApproved", kit.Reason(Condition.Reconciling));

        var apply = kit.Step(kit.Previewed(UpdateReason.PlanApproved, LifecycleTestKit.ReplacesDatabase()));
        Assert.Equal(LifecycleAction.RunUpdate(UpdateReason.PlanApproved, ["databaseCluster"]), apply.Action);
        kit.Step(kit.Succeeded());
        Assert.Equal((ConditionStatus.True, "Applied"), (kit.State(Condition.Ready)!.Value, kit.Environment.Status!.Plan!.State));
    }

    [Fact]
    public void An_approved_id_does_not_apply_a_different_plan()
    {
        var kit = new LifecycleTestKit();
        kit.Step();
        kit.Step(kit.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.ReplacesDatabase()));
        kit.Annotate(V1Alpha1DataPlatformEnvironment.ApprovePlanAnnotation, "dbdbdbdbdbdbdbdb");
        kit.Step();

        // Between approval and apply something changed (the cloud, the program): the fresh preview has another id.
        var step = kit.Step(kit.Previewed(UpdateReason.PlanApproved, LifecycleTestKit.ReplacesDatabase("eeeeeeeeeeeeeeee")));

        Assert.Null(step.Action);
        Assert.Equal(("eeeeeeeeeeeeeeee", "AwaitingApproval"), (kit.Environment.Status!.Plan!.Id, kit.Environment.Status.Plan.State));
        Assert.Contains("approve-plan=eeeeeeeeeeeeeeee", kit.Condition(Condition.Ready)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_change_makes_a_new_plan_that_needs_its_own_approval()
    {
        var kit = new LifecycleTestKit();
        kit.Step();
        kit.Step(kit.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.ReplacesDatabase()));
        kit.Annotate(V1Alpha1DataPlatformEnvironment.ApprovePlanAnnotation, "dbdbdbdbdbdbdbdb");
        kit.Environment.Metadata.Generation = 2;

        var start = kit.Step();
        Assert.Equal(LifecycleAction.Preview(UpdateReason.NewGeneration), start.Action);
        var step = kit.Step(kit.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.ReplacesDatabase("2222222222222222")));

        Assert.Null(step.Action);
        Assert.Equal(("2222222222222222", 2L), (kit.Environment.Status!.Plan!.Id, kit.Environment.Status.Plan.Generation));
        Assert.Equal("AwaitingApproval", kit.Reason(Condition.Ready));
    }

    [Fact]
    public void Policy_Never_applies_a_destructive_plan_at_once_and_Always_holds_a_harmless_one()
    {
        var never = new LifecycleTestKit().With(e => e.Spec.UpdatePolicy.Approval = ApprovalMode.Never);
        never.Step();
        Assert.Equal(LifecycleAction.RunUpdate(UpdateReason.NewGeneration, ["databaseCluster"]),
            never.Step(never.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.ReplacesDatabase())).Action);

        var always = new LifecycleTestKit().With(e => e.Spec.UpdatePolicy.Approval = ApprovalMode.Always);
        always.Step();
        Assert.Null(always.Step(always.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.Harmless())).Action);
        Assert.Contains("spec.updatePolicy.approval is Always", always.Condition(Condition.Ready)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_policy_handed_in_overrides_the_spec()
    {
        var kit = new LifecycleTestKit();
        kit.Step();
        var step = EnvironmentLifecycle.Next(new LifecycleInput(kit.Environment, kit.Time.GetUtcNow(), kit.Settings, kit.Validation, 0.5,
            kit.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.ReplacesDatabase()))
        {
            UpdatePolicy = new EffectiveUpdatePolicy(ApprovalMode.Never, 3600, DriftAction.Report),
        });

        Assert.Equal(LifecycleActionKind.RunUpdate, step.Action?.Kind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_governing_policy_holds_destructive_plans_the_spec_would_apply_unless_it_allows_them(bool allowed)
    {
        var policy = new Entities.Policy.V1Alpha1DataPlatformPolicy { Metadata = new() { Name = "platform" } };
        policy.Spec.Changes.AllowDestructiveWithoutApproval = allowed;
        var kit = new LifecycleTestKit { Policy = new Stack.Policy.PolicyReport([policy], []) }
            .With(e => e.Spec.UpdatePolicy.Approval = ApprovalMode.Never);
        kit.Step();

        var step = kit.Step(kit.Previewed(UpdateReason.NewGeneration, LifecycleTestKit.ReplacesDatabase()));

        Assert.Equal(allowed ? LifecycleActionKind.RunUpdate : null, step.Action?.Kind);
        if (!allowed)
        {
            Assert.Equal("AwaitingApproval", kit.Reason(Condition.Ready));
        }
    }

    [Fact]
    public void A_drift_check_without_drift_writes_nothing_and_looks_again_after_the_interval()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        kit.Time.Advance(TimeSpan.FromHours(1));
        var start = kit.Step();
        Assert.Equal((LifecycleAction.Preview(UpdateReason.DriftCheck), false), (start.Action, start.StatusChanged));

        var clean = kit.Step(kit.Previewed(UpdateReason.DriftCheck, LifecycleTestKit.NoChanges()));

        Assert.Equal((false, null, TimeSpan.FromHours(1)), (clean.StatusChanged, clean.Action, clean.Requeue));
        Assert.Empty(clean.Events);
    }

    [Fact]
    public void The_next_drift_check_is_timed_from_the_last_check_the_shell_ran()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        var checkedAt = kit.Time.GetUtcNow() + TimeSpan.FromHours(1);
        kit.Time.Advance(TimeSpan.FromMinutes(90));

        var step = EnvironmentLifecycle.Next(new LifecycleInput(kit.Environment, kit.Time.GetUtcNow(), kit.Settings, kit.Validation, 0.5) { LastDriftCheck = checkedAt });

        Assert.Equal((null, TimeSpan.FromMinutes(30)), (step.Action, step.Requeue));
    }

    [Fact]
    public void Found_drift_is_reported_once_and_not_corrected_by_default()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        kit.Time.Advance(TimeSpan.FromHours(1));
        kit.Step();

        var found = kit.Step(kit.Previewed(UpdateReason.DriftCheck, LifecycleTestKit.Harmless()));

        Assert.Null(found.Action);
        var drift = kit.Condition(Condition.DriftDetected)!;
        Assert.Equal((ConditionStatus.True, "DriftDetected"), (drift.Status, drift.Reason));
        Assert.Contains("observability: 2 updated", drift.Message, StringComparison.Ordinal);
        Assert.Contains("spec.drift.action is Report: nothing is changed", drift.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionStatus.True, kit.State(Condition.Ready));
        Assert.Equal(EventReason.DriftDetected, Assert.Single(found.Events).Reason);

        kit.Time.Advance(TimeSpan.FromHours(1));
        kit.Step();
        var again = kit.Step(kit.Previewed(UpdateReason.DriftCheck, LifecycleTestKit.Harmless()));
        Assert.Equal((false, 0), (again.StatusChanged, again.Events.Count));
    }

    [Fact]
    public void Drift_is_corrected_only_with_Correct_and_the_condition_goes_when_the_update_succeeds()
    {
        var kit = new LifecycleTestKit().With(e => e.Spec.Drift.Action = DriftAction.Correct);
        kit.Succeed();
        kit.Time.Advance(TimeSpan.FromHours(1));
        kit.Step();

        var correct = kit.Step(kit.Previewed(UpdateReason.DriftCheck, LifecycleTestKit.Harmless()));

        Assert.Equal(LifecycleAction.RunUpdate(UpdateReason.DriftCheck, []), correct.Action);
        Assert.Equal("CorrectingDrift", kit.Reason(Condition.Reconciling));
        Assert.Equal(ConditionStatus.True, kit.State(Condition.DriftDetected));
        kit.Step(kit.Succeeded());
        Assert.Null(kit.Condition(Condition.DriftDetected));
    }

    [Fact]
    public void Correcting_drift_that_would_replace_the_database_waits_for_approval()
    {
        var kit = new LifecycleTestKit().With(e => e.Spec.Drift.Action = DriftAction.Correct);
        kit.Succeed();
        kit.Time.Advance(TimeSpan.FromHours(1));
        kit.Step();

        var step = kit.Step(kit.Previewed(UpdateReason.DriftCheck, LifecycleTestKit.ReplacesDatabase()));

        Assert.Null(step.Action);
        Assert.Equal("AwaitingApproval", kit.Reason(Condition.Ready));
        Assert.Equal(ConditionStatus.True, kit.State(Condition.DriftDetected));
    }

    [Fact]
    public void A_successful_update_pins_the_resolved_engine_version_with_the_upgrade_request_it_acted_on()
    {
        var kit = new LifecycleTestKit();
        kit.Annotate(V1Alpha1DataPlatformEnvironment.UpgradeEngineAnnotation, "now");
        var outputs = new Dictionary<string, string>(kit.Succeeded().Outputs) { ["databaseEngineVersion"] = "16.4" };

        kit.Update(kit.Succeeded() with { Outputs = outputs });

        Assert.Equal(("16.4", "now"), (kit.Environment.Status!.PinnedVersions!.Database, kit.Environment.Status.PinnedVersions.ObservedUpgradeRequest));
    }

    [Fact]
    public void A_database_modification_is_reported_pending_until_its_maintenance_window_unless_applied_immediately()
    {
        var kit = new LifecycleTestKit();
        kit.Step();
        var modify = new PlanReport("abababababababab", [new PlannedComponentChanges("database", 0, 1, 0, 0)], []);

        kit.Step(kit.Previewed(UpdateReason.NewGeneration, modify));

        Assert.Contains("database in its maintenance window sun:05:00-sun:06:00 (next 2026-11-29 05:00Z)", kit.Environment.Status!.Plan!.Pending, StringComparison.Ordinal);

        var immediate = new LifecycleTestKit().With(e => e.Spec.UpdatePolicy.ApplyImmediately = true);
        immediate.Step();
        immediate.Step(immediate.Previewed(UpdateReason.NewGeneration, modify));
        Assert.Null(immediate.Environment.Status!.Plan!.Pending);
    }

    [Theory]
    [InlineData("sun:05:00-sun:06:00", "2026-11-23T12:00:00Z", "2026-11-29T05:00:00Z")]
    [InlineData("mon:13:00-mon:14:00", "2026-11-23T12:00:00Z", "2026-11-23T13:00:00Z")]
    [InlineData("mon:11:00-mon:12:00", "2026-11-23T12:00:00Z", "2026-11-30T11:00:00Z")]
    public void The_next_maintenance_window_opens_on_its_weekday_in_UTC(string window, string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            MaintenanceWindow.NextStart(window, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
