using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack.Failures;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

/// <summary>What a failed update becomes (DESIGN.md section 6), on fake time.</summary>
public sealed class FailureTransitionTests
{
    [Fact]
    public void Transient_failure_schedules_a_retry_with_jittered_backoff_and_waits_for_it()
    {
        var kit = new LifecycleTestKit { Jitter = 0.5 }.With(e => e.Spec.Stack.Retry.BaseDelaySeconds = 40);

        var failed = kit.Update(kit.Failed(FailureOutcome.Transient, "Throttling"));

        // Attempt 1 waits full jitter over the base delay: 0.5 * 40 s.
        Assert.Equal(TimeSpan.FromSeconds(20), failed.Requeue);
        Assert.Null(failed.Action);
        var retry = kit.Environment.Status!.Retry!;
        Assert.Equal((1, "Throttling", LifecycleTestKit.Start.AddSeconds(20)), (retry.Attempt, retry.LastFailureClass, retry.NextAttemptTime));
        Assert.Equal((ConditionStatus.True, "RetryScheduled"), (kit.State(Condition.Reconciling)!.Value, kit.Reason(Condition.Reconciling)));
        Assert.Equal((ConditionStatus.False, "Throttling"), (kit.State(Condition.Ready)!.Value, kit.Reason(Condition.Ready)));
        Assert.Null(kit.Condition(Condition.Stalled));
        var warning = Assert.Single(failed.Events);
        Assert.Equal((new EventReason("Throttling"), EventType.Warning), (warning.Reason, warning.Type));

        kit.Time.Advance(TimeSpan.FromSeconds(5));
        var early = kit.Step();
        Assert.Equal((false, null, TimeSpan.FromSeconds(15)), (early.StatusChanged, early.Action, early.Requeue));

        kit.Time.Advance(TimeSpan.FromSeconds(15));
        var due = kit.Step();
        Assert.Equal(LifecycleAction.Preview(UpdateReason.RetryDue), due.Action);
        Assert.Equal("Retrying", kit.Reason(Condition.Reconciling));
    }

    [Fact]
    public void The_backoff_doubles_per_attempt_up_to_the_cap()
    {
        var kit = new LifecycleTestKit { Jitter = 1 }.With(e =>
        {
            e.Spec.Stack.Retry.BaseDelaySeconds = 30;
            e.Spec.Stack.Retry.MaxDelaySeconds = 100;
        });
        var waits = new List<TimeSpan?>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            waits.Add(kit.Update(kit.Failed(FailureOutcome.Transient)).Requeue);
            kit.Time.Advance(waits[^1]!.Value);
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(100)], waits);
        Assert.Equal(4, kit.Environment.Status!.Retry!.Attempt);
    }

    [Fact]
    public void Transient_failures_stall_with_retry_budget_exhausted_when_the_budget_is_spent()
    {
        var kit = new LifecycleTestKit().With(e => e.Spec.Stack.Retry.MaxAttempts = 3);
        LifecycleStep step = null!;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            step = kit.Update(kit.Failed(FailureOutcome.Transient, "Throttling", message: "Rate exceeded."));
            kit.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Null(step.Requeue);
        Assert.Equal((ConditionStatus.True, "RetryBudgetExhausted"), (kit.State(Condition.Stalled)!.Value, kit.Reason(Condition.Stalled)));
        Assert.Contains("3 attempts failed, the last with Throttling: Rate exceeded.", kit.Condition(Condition.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Null(kit.Condition(Condition.Reconciling));
        Assert.Null(kit.Environment.Status!.Retry);
        Assert.Equal(EnvironmentPhase.Failed, kit.Environment.Status.Phase);
        Assert.Equal(EventReason.RetryBudgetExhausted, Assert.Single(step.Events).Reason);
        Assert.Null(kit.Step().Action);
    }

    [Fact]
    public void Terminal_failure_stalls_at_once_with_its_class_and_the_message_kept()
    {
        var kit = new LifecycleTestKit();

        var step = kit.Update(new OperationFailed(Stack.Engine.EngineOperation.Up,
            new Failure("InvalidParameter", FailureOutcome.Terminal, "spec.database.instanceClass", "rds-combination", "RDS does not support db.t4g.medium."),
            kit.Time.GetUtcNow(), []));

        Assert.Null(step.Requeue);
        Assert.Equal((ConditionStatus.True, "InvalidParameter"), (kit.State(Condition.Stalled)!.Value, kit.Reason(Condition.Stalled)));
        Assert.Equal("RDS does not support db.t4g.medium. Check spec.database.instanceClass.", kit.Condition(Condition.Stalled)!.Message);
        Assert.Equal("Failed", kit.Environment.Status!.LastUpdate!.Result);
        Assert.Null(kit.Condition(Condition.Reconciling));
        kit.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal((false, null, (TimeSpan?)null), (kit.Step().StatusChanged, kit.Step().Action, kit.Step().Requeue));

        kit.Environment.Metadata.Generation = 2;
        Assert.Equal(LifecycleAction.Preview(UpdateReason.NewGeneration), kit.Step().Action);
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(1, 2)]
    [InlineData(0, 1)]
    public void Unknown_failure_is_retried_the_configured_times_then_stalls_unclassified(int retries, int failuresUntilStalled)
    {
        var kit = new LifecycleTestKit { Settings = LifecycleSettings.Default with { UnknownFailureRetries = retries } };
        for (var attempt = 1; attempt < failuresUntilStalled; attempt++)
        {
            var retried = kit.Update(kit.Failed(FailureOutcome.Unknown, Failure.UnknownClass, message: "api error Something new."));
            Assert.NotNull(retried.Requeue);
            Assert.Equal(attempt, kit.Environment.Status!.Retry!.Attempt);
            Assert.Equal("Unknown", kit.Environment.Status.Retry.LastFailureClass);
            Assert.Equal(ConditionStatus.True, kit.State(Condition.Reconciling));
            kit.Time.Advance(retried.Requeue!.Value);
        }

        var stalled = kit.Update(kit.Failed(FailureOutcome.Unknown, Failure.UnknownClass, message: "api error Something new."));

        Assert.Null(stalled.Requeue);
        Assert.Equal((ConditionStatus.True, "UnclassifiedFailure"), (kit.State(Condition.Stalled)!.Value, kit.Reason(Condition.Stalled)));
        Assert.Contains("api error Something new.", kit.Condition(Condition.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(EventReason.UnclassifiedFailure, Assert.Single(stalled.Events).Reason);
    }

    [Fact]
    public void A_new_generation_starts_the_attempt_count_again()
    {
        var kit = new LifecycleTestKit();
        kit.Update(kit.Failed(FailureOutcome.Transient));
        kit.Environment.Metadata.Generation = 2;

        kit.Update(kit.Failed(FailureOutcome.Transient));

        Assert.Equal(1, kit.Environment.Status!.Retry!.Attempt);
    }

    [Fact]
    public void A_connection_secret_the_environment_does_not_own_stalls_it_with_the_conflict()
    {
        var kit = new LifecycleTestKit();

        kit.Update(new OperationFailed(Stack.Engine.EngineOperation.Up,
            new Failure(FailureClass.ConnectionSecretConflict.Value, FailureOutcome.Terminal, null, null, "The Secret team/analytics-connection already exists and is not owned by this environment."),
            kit.Time.GetUtcNow(), []));

        Assert.Equal("ConnectionSecretConflict", kit.Reason(Condition.Stalled));
        Assert.Contains("team/analytics-connection", kit.Condition(Condition.Stalled)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recoveries_the_engine_made_become_events_even_when_the_run_failed()
    {
        var kit = new LifecycleTestKit();
        var failed = kit.Failed(FailureOutcome.Transient) with { Recoveries = ["Removed a stale lock."] };

        var step = kit.Update(failed);

        Assert.Equal([EventReason.StackRecovered, new EventReason("Throttling")], step.Events.Select(e => e.Reason));
    }
}
