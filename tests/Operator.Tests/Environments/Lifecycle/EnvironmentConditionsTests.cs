using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

public sealed class EnvironmentConditionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Transition_time_changes_only_when_the_status_flips()
    {
        var status = new DataPlatformEnvironmentStatus();
        EnvironmentConditions.Set(status, Condition.Ready, ConditionStatus.False, new ConditionReason("Updating"), "a", 1, T0);
        EnvironmentConditions.Set(status, Condition.Ready, ConditionStatus.False, new ConditionReason("Retrying"), "b", 2, T0.AddMinutes(1));

        var ready = Assert.Single(status.Conditions);
        Assert.Equal(T0, ready.LastTransitionTime);
        Assert.Equal("Retrying", ready.Reason);
        Assert.Equal(2, ready.ObservedGeneration);

        EnvironmentConditions.Set(status, Condition.Ready, ConditionStatus.True, new ConditionReason("Succeeded"), "c", 2, T0.AddMinutes(2));
        Assert.Equal(T0.AddMinutes(2), status.Conditions[0].LastTransitionTime);
    }

    [Fact]
    public void Reconciling_and_stalled_are_never_both_true()
    {
        var status = new DataPlatformEnvironmentStatus();
        EnvironmentConditions.Set(status, Condition.Reconciling, ConditionStatus.True, new ConditionReason("Updating"), "a", 1, T0);
        EnvironmentConditions.Set(status, Condition.Stalled, ConditionStatus.True, new ConditionReason("InvalidParameter"), "b", 1, T0);

        Assert.False(EnvironmentConditions.IsTrue(status, Condition.Reconciling));
        Assert.True(EnvironmentConditions.IsTrue(status, Condition.Stalled));

        EnvironmentConditions.Set(status, Condition.Reconciling, ConditionStatus.True, new ConditionReason("ReconcileRequested"), "c", 1, T0);
        Assert.False(EnvironmentConditions.IsTrue(status, Condition.Stalled));
    }

    [Fact]
    public void Conditions_are_kept_in_a_stable_order()
    {
        var status = new DataPlatformEnvironmentStatus();
        EnvironmentConditions.Set(status, Condition.Reconciling, ConditionStatus.True, new ConditionReason("Updating"), "a", 1, T0);
        EnvironmentConditions.Set(status, Condition.Ready, ConditionStatus.False, new ConditionReason("Updating"), "a", 1, T0);

        Assert.Equal([Condition.Ready, Condition.Reconciling], status.Conditions.Select(c => c.Type));
    }
}
