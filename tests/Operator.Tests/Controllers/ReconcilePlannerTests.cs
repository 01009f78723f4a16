using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Controllers;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Controllers;

public sealed class ReconcilePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_resource_is_owed_an_update()
    {
        var decision = ReconcilePlanner.Decide(Environment(generation: 1), Now);

        Assert.Equal(ReconcileDecision.Update(UpdateReason.NewGeneration), decision);
    }

    [Fact]
    public void Steady_ready_environment_is_idle_until_the_drift_interval()
    {
        var environment = Deployed(generation: 2, endedAgo: TimeSpan.FromMinutes(10));

        var decision = ReconcilePlanner.Decide(environment, Now);

        Assert.Equal(ReconcileDecisionKind.Idle, decision.Kind);
        Assert.Equal(TimeSpan.FromMinutes(50), decision.Wait);
    }

    [Fact]
    public void Drift_check_is_owed_once_the_interval_elapsed()
    {
        var decision = ReconcilePlanner.Decide(Deployed(generation: 2, endedAgo: TimeSpan.FromHours(1)), Now);

        Assert.Equal(ReconcileDecision.Update(UpdateReason.DriftCheck), decision);
    }

    [Fact]
    public void Drift_interval_zero_means_never()
    {
        var environment = Deployed(generation: 2, endedAgo: TimeSpan.FromDays(30));
        environment.Spec.Stack.ResyncIntervalSeconds = 0;

        Assert.Equal(ReconcileDecision.Idle(null), ReconcilePlanner.Decide(environment, Now));
    }

    [Fact]
    public void Spec_change_after_a_success_is_owed_an_update()
    {
        var environment = Deployed(generation: 2, endedAgo: TimeSpan.FromMinutes(1));
        environment.Metadata.Generation = 3;

        Assert.Equal(ReconcileDecision.Update(UpdateReason.NewGeneration), ReconcilePlanner.Decide(environment, Now));
    }

    [Fact]
    public void Pending_retry_waits_for_its_time_then_runs()
    {
        var environment = Environment(generation: 4);
        environment.Status = new DataPlatformEnvironmentStatus
        {
            ObservedGeneration = 4,
            Retry = new RetryStatus { Attempt = 2, NextAttemptTime = Now.AddSeconds(90), LastFailureClass = "Throttling" },
        };

        Assert.Equal(ReconcileDecision.Idle(TimeSpan.FromSeconds(90)), ReconcilePlanner.Decide(environment, Now));
        Assert.Equal(ReconcileDecision.Update(UpdateReason.RetryDue), ReconcilePlanner.Decide(environment, Now.AddSeconds(90)));
    }

    [Fact]
    public void Stalled_generation_stays_idle_until_the_spec_changes_or_a_reconcile_is_requested()
    {
        var environment = Environment(generation: 5);
        environment.Status = new DataPlatformEnvironmentStatus { ObservedGeneration = 5 };
        EnvironmentConditions.Set(environment.Status, Condition.Stalled, ConditionStatus.True, "InvalidParameter", "x", 5, Now);

        Assert.Equal(ReconcileDecision.Idle(null), ReconcilePlanner.Decide(environment, Now.AddDays(1)));

        environment.Metadata.Annotations = new Dictionary<string, string> { [V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation] = "try-again" };
        Assert.Equal(ReconcileDecision.Update(UpdateReason.ReconcileRequested), ReconcilePlanner.Decide(environment, Now));

        environment.Status.ObservedReconcileRequest = "try-again";
        Assert.Equal(ReconcileDecision.Idle(null), ReconcilePlanner.Decide(environment, Now));

        environment.Metadata.Generation = 6;
        Assert.Equal(ReconcileDecision.Update(UpdateReason.NewGeneration), ReconcilePlanner.Decide(environment, Now));
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, "true", true)]
    [InlineData(false, "True", true)]
    [InlineData(false, "false", false)]
    [InlineData(false, null, false)]
    public void Paused_by_spec_or_annotation(bool specPaused, string? annotation, bool expected)
    {
        var environment = Environment(generation: 1);
        environment.Spec.Paused = specPaused;
        if (annotation is not null)
        {
            environment.Metadata.Annotations = new Dictionary<string, string> { [V1Alpha1DataPlatformEnvironment.PausedAnnotation] = annotation };
        }

        Assert.Equal(expected, ReconcilePlanner.IsPaused(environment));
    }

    private static V1Alpha1DataPlatformEnvironment Environment(long generation) => new()
    {
        Metadata = new V1ObjectMeta { Name = "env", NamespaceProperty = "team", Generation = generation },
        Spec = { Region = "eu-west-1" },
    };

    private static V1Alpha1DataPlatformEnvironment Deployed(long generation, TimeSpan endedAgo)
    {
        var environment = Environment(generation);
        environment.Status = new DataPlatformEnvironmentStatus
        {
            ObservedGeneration = generation,
            LastUpdate = new LastUpdate { Generation = generation, Result = LastUpdateResults.Succeeded, EndTime = Now - endedAgo },
        };
        return environment;
    }
}
