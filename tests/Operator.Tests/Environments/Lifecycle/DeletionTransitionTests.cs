using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Failures;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

/// <summary>The deletion path (DESIGN.md section 7), on fake time.</summary>
public sealed class DeletionTransitionTests
{
    private static LifecycleTestKit Deployed(Action<V1Alpha1DataPlatformEnvironment>? configure = null)
    {
        var kit = new LifecycleTestKit().With(e => e.Spec.Database.DeletionProtection = false);
        configure?.Invoke(kit.Environment);
        kit.Succeed();
        kit.Delete();
        return kit;
    }

    [Fact]
    public void Retain_releases_the_finalizer_without_looking_at_the_stack()
    {
        var kit = Deployed(e => e.Spec.DeletionPolicy = DeletionPolicy.Retain);

        var step = kit.Step();

        Assert.Equal(LifecycleAction.ReleaseFinalizer, step.Action);
        Assert.Equal(EventReason.Retained, Assert.Single(step.Events).Reason);
    }

    [Fact]
    public void Delete_asks_the_backend_first_even_with_a_wiped_status()
    {
        var kit = Deployed();
        kit.Environment.Status = null;

        var step = kit.Step();

        Assert.Equal(LifecycleAction.CheckStack, step.Action);
        Assert.False(step.StatusChanged);
    }

    [Fact]
    public void No_stack_in_the_backend_means_nothing_to_destroy()
    {
        var kit = Deployed();
        kit.Step();

        var step = kit.Step(new StackChecked(Exists: false));

        Assert.Equal(LifecycleAction.ReleaseFinalizer, step.Action);
        Assert.Equal(EventReason.NothingToDestroy, Assert.Single(step.Events).Reason);
    }

    [Fact]
    public void An_existing_stack_is_destroyed_with_deleting_written_first_then_released()
    {
        var kit = Deployed();
        kit.Step();

        var destroy = kit.Step(new StackChecked(Exists: true));
        Assert.Equal(LifecycleAction.Destroy, destroy.Action);
        Assert.Equal((true, "Deleting", EnvironmentPhase.Deleting), (destroy.StatusChanged, kit.Reason(Condition.Reconciling), kit.Environment.Status!.Phase));

        var done = kit.Step(new StackDestroyed(["Removed a stale lock."]));
        Assert.Equal(LifecycleAction.ReleaseFinalizer, done.Action);
        Assert.Equal([EventReason.StackRecovered, EventReason.Destroyed], done.Events.Select(e => e.Reason));
    }

    [Fact]
    public void Deletion_protection_stalls_without_destroying_and_a_spec_change_lets_it_continue()
    {
        var kit = Deployed(e => e.Spec.Database.DeletionProtection = true);
        kit.Step();

        var stalled = kit.Step(new StackChecked(Exists: true));
        Assert.Null(stalled.Action);
        Assert.Equal(TimeSpan.FromMinutes(10), stalled.Requeue);
        Assert.Equal("DeletionProtected", kit.Reason(Condition.Stalled));
        Assert.Contains("spec.database.deletionProtection", kit.Condition(Condition.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(EventReason.DeletionProtected, Assert.Single(stalled.Events).Reason);

        kit.Step();
        var unchanged = kit.Step(new StackChecked(Exists: true));
        Assert.Equal((false, 0), (unchanged.StatusChanged, unchanged.Events.Count));

        kit.Environment.Spec.Database.DeletionProtection = false;
        kit.Environment.Metadata.Generation = 2;
        Assert.Equal(LifecycleAction.CheckStack, kit.Step().Action);
        Assert.Equal(LifecycleAction.Destroy, kit.Step(new StackChecked(Exists: true)).Action);
    }

    [Fact]
    public void A_failed_destroy_keeps_the_finalizer_and_waits_for_its_backoff_whatever_wakes_it()
    {
        var kit = Deployed();
        kit.Jitter = 1;
        kit.Step();
        kit.Step(new StackChecked(Exists: true));

        var failed = kit.Step(kit.Failed(FailureOutcome.Terminal, "AccessDenied", EngineOperation.Destroy, "not authorized to perform: rds:DeleteDBCluster"));

        Assert.Null(failed.Action);
        Assert.Equal(TimeSpan.FromSeconds(30), failed.Requeue);
        Assert.Equal((ConditionStatus.True, "RetryScheduled"), (kit.State(Condition.Reconciling)!.Value, kit.Reason(Condition.Reconciling)));
        Assert.Equal(EnvironmentPhase.Deleting, kit.Environment.Status!.Phase);
        Assert.Equal("destroy", kit.Environment.Status.LastUpdate!.Kind);

        kit.Time.Advance(TimeSpan.FromSeconds(10));
        var early = kit.Step();
        Assert.Equal((null, TimeSpan.FromSeconds(20)), (early.Action, early.Requeue));

        kit.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(LifecycleAction.CheckStack, kit.Step().Action);
    }

    [Fact]
    public void A_destroy_that_spends_its_budget_stalls_and_waits_for_a_human()
    {
        var kit = Deployed(e => e.Spec.Stack.Retry.MaxAttempts = 2);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.Equal(LifecycleAction.CheckStack, kit.Step().Action);
            kit.Step(new StackChecked(Exists: true));
            kit.Step(kit.Failed(FailureOutcome.Transient, "Throttling", EngineOperation.Destroy));
            kit.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal("RetryBudgetExhausted", kit.Reason(Condition.Stalled));
        var waiting = kit.Step();
        Assert.Equal((null, TimeSpan.FromMinutes(10)), (waiting.Action, waiting.Requeue));

        kit.Annotate(V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation, "try-again");
        Assert.Equal(LifecycleAction.CheckStack, kit.Step().Action);
    }

    [Fact]
    public void A_destroy_refused_by_deletion_protection_stalls_deletion_protected()
    {
        var kit = Deployed();
        kit.Step();
        kit.Step(new StackChecked(Exists: true));

        var step = kit.Step(kit.Failed(FailureOutcome.Terminal, FailureClass.DeletionProtected.Value, EngineOperation.Destroy, "Cannot delete protected Cluster."));

        Assert.Equal(TimeSpan.FromMinutes(10), step.Requeue);
        Assert.Equal("DeletionProtected", kit.Reason(Condition.Stalled));
        Assert.Contains("Cannot delete protected Cluster.", kit.Condition(Condition.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(EnvironmentPhase.Deleting, kit.Environment.Status!.Phase);
    }

    [Fact]
    public void Missing_credentials_during_deletion_retry_with_backoff()
    {
        var kit = Deployed();
        kit.Step();

        var step = kit.Step(new OperationFailed(EngineOperation.Destroy,
            new Failure(FailureClass.CredentialsUnavailable.Value, FailureOutcome.Transient, "spec.stack.credentialsSecretRef", null, "The credentials Secret aws does not exist."),
            kit.Time.GetUtcNow(), []));

        Assert.NotNull(step.Requeue);
        Assert.Equal("CredentialsUnavailable", kit.Environment.Status!.Retry!.LastFailureClass);
    }
}
