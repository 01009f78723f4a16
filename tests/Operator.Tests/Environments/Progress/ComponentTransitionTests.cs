using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Progress;
using DataPlatform.Operator.Tests.Environments.Lifecycle;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Failures;
using DataPlatform.Stack.Model;

namespace DataPlatform.Operator.Tests.Environments.Progress;

/// <summary>How the lifecycle concludes a run with its components, and what a progress write changes, on fake time.</summary>
public sealed class ComponentTransitionTests
{
    private static readonly ComponentStatus[] FailedDatabase =
    [
        new() { Name = "network", State = ComponentState.Ready, ResourcesDone = 14, ResourcesTotal = 14 },
        new() { Name = "database", State = ComponentState.Failed, ResourcesDone = 2, ResourcesTotal = 4, FailedResource = "database-cluster", FailureClass = "InsufficientCapacity", Message = "InsufficientDBClusterCapacityFault: Cannot create a cluster." },
        new() { Name = "cache", State = ComponentState.Pending, ResourcesDone = 0, ResourcesTotal = 3, Message = "Not reached: the run stopped when database failed." },
    ];

    [Fact]
    public void A_retry_after_a_failed_component_says_in_Ready_which_component_blocks_it_and_when_it_is_retried()
    {
        var kit = new LifecycleTestKit();

        kit.Update(kit.Failed(FailureOutcome.Transient, "InsufficientCapacity", message: "InsufficientDBClusterCapacityFault: Cannot create a cluster.") with { Components = FailedDatabase });

        var ready = kit.Condition(Condition.Ready)!;
        Assert.Equal(ConditionStatus.False, ready.Status);
        Assert.StartsWith("Blocked by database (database-cluster, InsufficientCapacity): InsufficientDBClusterCapacityFault: Cannot create a cluster. Also not Ready: cache. Attempt 1 failed with InsufficientCapacity; retrying at ", ready.Message, StringComparison.Ordinal);
        Assert.Equal(FailedDatabase.Select(c => c.State), kit.Environment.Status!.Components!.Select(c => c.State));
        Assert.Null(kit.Environment.Status.Progress);
    }

    [Fact]
    public void A_terminal_failure_points_from_Ready_to_Stalled_and_names_the_failed_component()
    {
        var kit = new LifecycleTestKit();

        kit.Update(kit.Failed(FailureOutcome.Terminal, "InvalidParameter") with { Components = FailedDatabase });

        Assert.Equal(
            "The environment cannot progress without a change; see the Stalled condition. Blocked by database (database-cluster, InsufficientCapacity): InsufficientDBClusterCapacityFault: Cannot create a cluster. Also not Ready: cache.",
            kit.Condition(Condition.Ready)!.Message);
    }

    [Fact]
    public void A_failure_no_component_owns_keeps_the_failure_text_in_Ready()
    {
        var kit = new LifecycleTestKit();
        var pending = FailedDatabase.Select(c => new ComponentStatus { Name = c.Name, State = ComponentState.Pending, ResourcesTotal = c.ResourcesTotal }).ToList();

        kit.Update(kit.Failed(FailureOutcome.Transient, "LockHeld", message: "The stack is locked by another run.") with { Components = pending });

        Assert.StartsWith("The stack is locked by another run. Attempt 1 failed with LockHeld", kit.Condition(Condition.Ready)!.Message, StringComparison.Ordinal);
        Assert.All(kit.Environment.Status!.Components!, c => Assert.Equal(ComponentState.Pending, c.State));
    }

    [Fact]
    public void Success_clears_progress_and_leaves_the_components_Ready_and_a_new_run_drops_stale_progress()
    {
        var kit = new LifecycleTestKit();
        kit.Step();
        kit.Environment.Status!.Progress = new ProgressStatus { Operation = "update", ResourcesDone = 3, ResourcesTotal = 9 };
        var ready = FailedDatabase.Select(c => new ComponentStatus { Name = c.Name, State = ComponentState.Ready, ResourcesDone = c.ResourcesTotal, ResourcesTotal = c.ResourcesTotal }).ToList();

        kit.Step(kit.Succeeded() with { Components = ready });

        Assert.Null(kit.Environment.Status!.Progress);
        Assert.All(kit.Environment.Status.Components!, c => Assert.Equal(ComponentState.Ready, c.State));
        kit.Environment.Status.Progress = new ProgressStatus { Operation = "update" };
        kit.Environment.Metadata.Generation = 2;
        kit.Step();
        Assert.Null(kit.Environment.Status.Progress);
    }

    [Fact]
    public void A_progress_write_sets_progress_and_components_and_names_what_Ready_waits_for_but_leaves_a_True_Ready_alone()
    {
        var kit = new LifecycleTestKit();
        kit.Step();
        var status = kit.Environment.Status!;
        var transition = status.Conditions.Single(c => c.Type == Condition.Ready).LastTransitionTime;

        ProgressTransitions.Progressed(status, Snapshot(EngineOperation.Up));

        Assert.Equal((1, 3), (status.Progress!.ResourcesDone, status.Progress.ResourcesTotal));
        Assert.Equal(["network", "database"], status.Components!.Select(c => c.Name));
        var ready = status.Conditions.Single(c => c.Type == Condition.Ready);
        Assert.Equal("Updating the stack to generation 1. Waiting for database (0/2, create database-cluster (20s)).", ready.Message);
        Assert.Equal(transition, ready.LastTransitionTime);

        var drift = new DataPlatformEnvironmentStatus { Conditions = [new Condition { Type = Condition.Ready, Status = ConditionStatus.True, Reason = "Succeeded", Message = "Up to date." }] };
        ProgressTransitions.Progressed(drift, Snapshot(EngineOperation.Refresh));
        Assert.Equal(("refresh", "Up to date."), (drift.Progress!.Operation, drift.Conditions[0].Message));
        Assert.Null(drift.Components);
    }

    private static RunProgressSnapshot Snapshot(EngineOperation operation) => new(
        operation, LifecycleTestKit.Start, TimeSpan.FromSeconds(30), 1, 3,
        [
            new ComponentProgress(PlatformComponent.Network, ComponentState.Ready, 1, 1, [], null, null, null),
            new ComponentProgress(PlatformComponent.Database, ComponentState.InProgress, 0, 2, ["create database-cluster (20s)"], null, null, null),
        ]);
}
