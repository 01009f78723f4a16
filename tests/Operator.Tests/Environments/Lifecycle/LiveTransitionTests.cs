using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Failures;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

/// <summary>Every transition of a live (not deleted) environment, on fake time.</summary>
public sealed class LiveTransitionTests
{
    [Fact]
    public void New_generation_writes_reconciling_and_ready_false_then_asks_for_an_update()
    {
        var kit = new LifecycleTestKit();

        var step = kit.Step();

        Assert.Equal(LifecycleAction.Preview(UpdateReason.NewGeneration), step.Action);
        Assert.Equal([EngineOperation.Preview], step.Action!.Operations);
        Assert.True(step.StatusChanged);
        Assert.Equal((ConditionStatus.True, "Updating"), (kit.State(Condition.Reconciling)!.Value, kit.Reason(Condition.Reconciling)));
        Assert.Equal(ConditionStatus.False, kit.State(Condition.Ready));
        Assert.Equal(EnvironmentPhase.Provisioning, kit.Environment.Status!.Phase);
        Assert.Equal(1, kit.Environment.Status.ObservedGeneration);
    }

    [Fact]
    public void Success_writes_ready_endpoints_and_an_event_and_looks_again_at_the_drift_interval()
    {
        var kit = new LifecycleTestKit();

        var step = kit.Succeed();

        Assert.Null(step.Action);
        Assert.Equal(TimeSpan.FromSeconds(3600), step.Requeue);
        Assert.Equal((ConditionStatus.True, "Succeeded"), (kit.State(Condition.Ready)!.Value, kit.Reason(Condition.Ready)));
        Assert.Null(kit.Condition(Condition.Reconciling));
        Assert.Null(kit.Condition(Condition.Stalled));
        Assert.Equal("db.example", kit.Environment.Status!.Endpoints!.DatabaseWriter);
        Assert.Equal("analytics-connection", kit.Environment.Status.ConnectionSecretRef!.Name);
        Assert.Equal(EnvironmentPhase.Ready, kit.Environment.Status.Phase);
        var updated = Assert.Single(step.Events);
        Assert.Equal((EventReason.Updated, EventType.Normal), (updated.Reason, updated.Type));
    }

    [Fact]
    public void A_steady_ready_environment_costs_no_write_and_no_run_until_the_drift_interval()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        kit.Time.Advance(TimeSpan.FromMinutes(10));

        var idle = kit.Step();

        Assert.Equal((false, null, TimeSpan.FromMinutes(50)), (idle.StatusChanged, idle.Action, idle.Requeue));
        Assert.Empty(idle.Events);

        kit.Time.Advance(TimeSpan.FromMinutes(50));
        var drift = kit.Step();
        Assert.Equal(LifecycleAction.Preview(UpdateReason.DriftCheck), drift.Action);
        Assert.Equal([EngineOperation.Refresh, EngineOperation.Preview], drift.Action!.Operations);
        Assert.Equal(ConditionStatus.True, kit.State(Condition.Ready));
        Assert.False(drift.StatusChanged);
        Assert.Null(kit.Condition(Condition.Reconciling));
    }

    [Fact]
    public void Drift_interval_zero_means_never()
    {
        var kit = new LifecycleTestKit().With(e => e.Spec.Stack.ResyncIntervalSeconds = 0);
        Assert.Null(kit.Succeed().Requeue);
        kit.Time.Advance(TimeSpan.FromDays(30));

        var step = kit.Step();

        Assert.Equal((false, null, (TimeSpan?)null), (step.StatusChanged, step.Action, step.Requeue));
    }

    [Fact]
    public void A_spec_change_after_success_is_owed_an_update()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        kit.Environment.Metadata.Generation = 2;

        Assert.Equal(LifecycleAction.Preview(UpdateReason.NewGeneration), kit.Step().Action);
        Assert.Equal(2, kit.Environment.Status!.ObservedGeneration);
    }

    [Fact]
    public void Pause_is_recorded_once_and_runs_nothing_then_resume_updates()
    {
        var kit = new LifecycleTestKit().With(e => e.Spec.Paused = true);

        var paused = kit.Step();
        var again = kit.Step();

        Assert.Equal((true, null), (paused.StatusChanged, paused.Action));
        Assert.Equal((ConditionStatus.True, "Paused"), (kit.State(Condition.Paused)!.Value, kit.Reason(Condition.Paused)));
        Assert.Equal(ConditionStatus.False, kit.State(Condition.Ready));
        Assert.Equal(EnvironmentPhase.Paused, kit.Environment.Status!.Phase);
        Assert.Equal((false, null, (TimeSpan?)null), (again.StatusChanged, again.Action, again.Requeue));

        kit.Environment.Spec.Paused = false;
        var resumed = kit.Step();
        Assert.Equal(LifecycleAction.Preview(UpdateReason.NewGeneration), resumed.Action);
        Assert.Null(kit.Condition(Condition.Paused));
    }

    [Fact]
    public void The_paused_annotation_pauses_a_ready_environment_and_resuming_restores_its_phase()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        kit.Annotate(V1Alpha1DataPlatformEnvironment.PausedAnnotation, "True");

        Assert.Null(kit.Step().Action);
        Assert.Equal(EnvironmentPhase.Paused, kit.Environment.Status!.Phase);
        Assert.Equal(ConditionStatus.True, kit.State(Condition.Ready));

        kit.Environment.Metadata.Annotations.Remove(V1Alpha1DataPlatformEnvironment.PausedAnnotation);
        var resumed = kit.Step();
        Assert.Equal((true, null), (resumed.StatusChanged, resumed.Action));
        Assert.Equal(EnvironmentPhase.Ready, kit.Environment.Status.Phase);
        Assert.Null(kit.Condition(Condition.Paused));
    }

    [Fact]
    public void Invalid_spec_stalls_with_every_violation_once_and_never_asks_for_the_engine()
    {
        var kit = new LifecycleTestKit
        {
            Validation = new ValidationReport([
                Violation.Error("spec.database.masterUsername", "rds-reserved-username", "admin is reserved."),
                Violation.Error("spec.network.azCount", "az-count", "must be 2 or 3."),
            ]),
        };

        var stalled = kit.Step();
        var again = kit.Step();

        Assert.Null(stalled.Action);
        Assert.Null(stalled.Requeue);
        Assert.Equal((ConditionStatus.True, "InvalidSpec"), (kit.State(Condition.Stalled)!.Value, kit.Reason(Condition.Stalled)));
        Assert.Contains("spec.database.masterUsername", kit.Condition(Condition.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Contains("spec.network.azCount", kit.Condition(Condition.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(EventReason.InvalidSpec, Assert.Single(stalled.Events).Reason);
        Assert.Equal((false, 0), (again.StatusChanged, again.Events.Count));
    }

    [Fact]
    public void A_reconcile_request_runs_a_stalled_environment_once_and_is_echoed_in_status()
    {
        var kit = new LifecycleTestKit();
        kit.Update(kit.Failed(FailureOutcome.Terminal, "InvalidParameter"));
        Assert.Null(kit.Step().Action);

        kit.Annotate(V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation, "retry-1");
        var requested = kit.Step();
        Assert.Equal(LifecycleAction.Preview(UpdateReason.ReconcileRequested), requested.Action);
        Assert.Equal("ReconcileRequested", kit.Reason(Condition.Reconciling));
        Assert.Null(kit.Condition(Condition.Stalled));

        kit.Step(kit.Succeeded());
        Assert.Equal("retry-1", kit.Environment.Status!.ObservedReconcileRequest);
        Assert.Null(kit.Step().Action);
    }
}
