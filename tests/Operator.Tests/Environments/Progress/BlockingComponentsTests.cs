using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Progress;

namespace DataPlatform.Operator.Tests.Environments.Progress;

public sealed class BlockingComponentsTests
{
    [Fact]
    public void Names_the_failed_component_with_its_resource_and_AWS_error_then_the_ones_not_reached()
    {
        var text = BlockingComponents.Describe(
        [
            new ComponentStatus { Name = "network", State = ComponentState.Ready, ResourcesDone = 12, ResourcesTotal = 12 },
            new ComponentStatus { Name = "database", State = ComponentState.Failed, ResourcesDone = 2, ResourcesTotal = 4, FailedResource = "database-cluster", FailureClass = "InsufficientCapacity", Message = "InsufficientDBClusterCapacityFault: Cannot create a cluster." },
            new ComponentStatus { Name = "cache", State = ComponentState.Pending, ResourcesDone = 0, ResourcesTotal = 3 },
        ]);

        Assert.Equal("Blocked by database (database-cluster, InsufficientCapacity): InsufficientDBClusterCapacityFault: Cannot create a cluster. Also not Ready: cache.", text);
    }

    [Fact]
    public void While_a_run_goes_on_names_what_it_waits_for_with_the_steps_in_flight()
    {
        var text = BlockingComponents.Describe(
        [
            new ComponentStatus { Name = "database", State = ComponentState.InProgress, ResourcesDone = 2, ResourcesTotal = 4, InFlight = ["create database-cluster (6m10s)"] },
            new ComponentStatus { Name = "cache", State = ComponentState.Pending, ResourcesDone = 0, ResourcesTotal = 3 },
        ]);

        Assert.Equal("Waiting for database (2/4, create database-cluster (6m10s)), cache.", text);
    }

    [Fact]
    public void Says_nothing_when_every_component_is_Ready_or_none_is_known()
    {
        Assert.Null(BlockingComponents.Describe([new ComponentStatus { Name = "network", State = ComponentState.Ready }]));
        Assert.Null(BlockingComponents.Describe(null));
    }
}
