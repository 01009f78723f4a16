using DataPlatform.Entities.Status;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Failures;
using DataPlatform.Stack.Model;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Engine.Events;

public sealed class RunProgressTests
{
    private const string Cluster = "aws:rds/cluster:Cluster";
    private const string Group = "aws:elasticache/replicationGroup:ReplicationGroup";
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 16, 0, 0, TimeSpan.Zero);

    private static readonly StackProgram Program = Programs.Of(
        ("vpc", "aws:ec2/vpc:Vpc", "network"),
        ("private-subnet-a", "aws:ec2/subnet:Subnet", "network"),
        ("database-subnet-group", "aws:rds/subnetGroup:SubnetGroup", "database"),
        ("database-cluster", Cluster, "database"),
        ("cache-replication-group", Group, "cache"));

    [Fact]
    public void Steps_move_components_from_Pending_to_InProgress_to_Ready_with_counts_and_the_step_in_flight()
    {
        var progress = Up();
        Apply(progress, 10, Pre("same", "pulumi:pulumi:Stack", "dataplatform-dev"), Pre("create", "aws:ec2/vpc:Vpc", "vpc"));

        var early = progress.Snapshot(Start.AddSeconds(40));
        Assert.Equal(ComponentState.InProgress, State(early, PlatformComponent.Network));
        Assert.Equal(["create vpc (30s)"], Component(early, PlatformComponent.Network).InFlight);
        Assert.Equal(ComponentState.Pending, State(early, PlatformComponent.Database));
        Assert.Equal((0, 5), (early.Done, early.Total));
        Assert.Equal("0/5 resources after 40s; in flight: create vpc (30s)", early.Describe());

        Apply(progress, 50, Out("create", "aws:ec2/vpc:Vpc", "vpc"), Pre("create", "aws:ec2/subnet:Subnet", "private-subnet-a"), Out("create", "aws:ec2/subnet:Subnet", "private-subnet-a"),
            Pre("create", "aws:rds/subnetGroup:SubnetGroup", "database-subnet-group"), Out("create", "aws:rds/subnetGroup:SubnetGroup", "database-subnet-group"), Pre("create", Cluster, "database-cluster"));

        var later = progress.Snapshot(Start.AddSeconds(250));
        Assert.Equal(ComponentState.Ready, State(later, PlatformComponent.Network));
        Assert.Equal(ComponentState.InProgress, State(later, PlatformComponent.Database));
        Assert.Equal((1, 2), (Component(later, PlatformComponent.Database).Done, Component(later, PlatformComponent.Database).Total));
        Assert.Equal((3, 5), (later.Done, later.Total));
        Assert.Equal(TimeSpan.FromSeconds(250), later.Elapsed);
        Assert.Equal([PlatformComponent.Database, PlatformComponent.Cache], later.Blocking.Select(c => c.Component));
        Assert.Equal("database (InProgress, 1/2: create database-cluster (3m20s))", later.Blocking[0].Describe());
    }

    [Fact]
    public void The_database_milestone_comes_once_when_its_last_resource_is_deployed_and_not_for_unchanged_resources()
    {
        var progress = Up();
        Assert.Empty(Apply(progress, 10, Pre("create", "aws:rds/subnetGroup:SubnetGroup", "database-subnet-group"), Out("create", "aws:rds/subnetGroup:SubnetGroup", "database-subnet-group"), Pre("create", Cluster, "database-cluster")));

        var milestones = Apply(progress, 370, Out("create", Cluster, "database-cluster"));

        var milestone = Assert.Single(milestones);
        Assert.Equal(MilestoneReason.DatabaseAvailable, milestone.Reason);
        Assert.Equal("The database is available: its 2 resources are deployed (2 created or changed) 6m10s into the update.", milestone.Message);
        Assert.Empty(Apply(progress, 380, Pre("same", Cluster, "database-cluster"), Out("same", Cluster, "database-cluster")));

        var unchanged = Up();
        Assert.Empty(Apply(unchanged, 10, Pre("same", Group, "cache-replication-group"), Out("same", Group, "cache-replication-group")));
        var refresh = new RunProgress(ComponentMap.From(Program), EngineOperation.Refresh, Start, []);
        Assert.Empty(Apply(refresh, 10, Pre("update", Group, "cache-replication-group"), Out("update", Group, "cache-replication-group")));
    }

    [Fact]
    public void Planning_events_of_a_preview_are_not_progress()
    {
        var progress = Up();
        Apply(progress, 10, Pre("create", Cluster, "database-cluster", planning: true), Out("create", Cluster, "database-cluster", planning: true));

        var snapshot = progress.Snapshot(Start.AddSeconds(20));
        Assert.Equal(0, snapshot.Done);
        Assert.Equal(ComponentState.Pending, State(snapshot, PlatformComponent.Database));
    }

    [Fact]
    public void A_failed_resource_fails_its_component_with_the_AWS_error_and_class_and_the_rest_are_not_reached()
    {
        var progress = Up(secrets: ["db-token-123456"]);
        var text = "creating aws:rds/cluster:Cluster (database-cluster): operation error RDS: CreateDBCluster, https response error StatusCode: 400, RequestID: 8a1c0f1e-0000-4000-8000-000000000002, api error InsufficientDBClusterCapacityFault: Cannot create a cluster because there is not enough capacity (token db-token-123456).\n";
        Apply(progress, 10, Pre("create", "aws:ec2/vpc:Vpc", "vpc"), Out("create", "aws:ec2/vpc:Vpc", "vpc"), Pre("create", "aws:ec2/subnet:Subnet", "private-subnet-a"),
            Out("create", "aws:ec2/subnet:Subnet", "private-subnet-a"), Pre("create", Cluster, "database-cluster"),
            new DiagnosticEvent(Urn(Cluster, "database-cluster"), "error: ", text, "error", false),
            new ResOpFailedEvent(new StepMetadata("create", Urn(Cluster, "database-cluster"), Cluster), 1, 0));

        var live = Component(progress.Snapshot(Start.AddSeconds(30)), PlatformComponent.Database);
        Assert.Equal((ComponentState.Failed, "database-cluster", "InsufficientCapacity"), (live.State, live.FailedResource, live.FailureClass));
        var final = progress.Final(Failed(new Failure("InsufficientCapacity", FailureOutcome.Transient, null, "x", "whatever the engine said")), Start.AddSeconds(60));

        var database = Component(final, PlatformComponent.Database);
        Assert.Equal(ComponentState.Failed, database.State);
        Assert.Equal("database-cluster", database.FailedResource);
        Assert.Equal("InsufficientCapacity", database.FailureClass);
        Assert.Equal("InsufficientDBClusterCapacityFault: Cannot create a cluster because there is not enough capacity (token [secret]).", database.Message);
        Assert.Empty(database.InFlight);
        Assert.Equal(ComponentState.Ready, State(final, PlatformComponent.Network));
        var cache = Component(final, PlatformComponent.Cache);
        Assert.Equal(ComponentState.Pending, cache.State);
        Assert.Equal("Not reached: the run stopped when database failed.", cache.Message);
        Assert.Equal([PlatformComponent.Database, PlatformComponent.Cache], final.Blocking.Select(c => c.Component));
    }

    [Fact]
    public void A_failure_no_resource_owns_leaves_no_component_Failed_and_says_why_the_rest_were_not_reached()
    {
        var progress = Up();

        var final = progress.Final(Failed(new Failure("LockHeld", FailureOutcome.Transient, null, "lock", "the stack is currently locked by 1 lock(s).")), Start.AddSeconds(5));

        Assert.DoesNotContain(final.Components, c => c.State == ComponentState.Failed);
        Assert.All(final.Components, c => Assert.Equal("Not reached: the stack is currently locked by 1 lock(s).", c.Message));
    }

    [Fact]
    public void A_successful_update_leaves_every_component_Ready_with_all_resources_done()
    {
        var progress = Up();
        Apply(progress, 10, Pre("create", "aws:ec2/vpc:Vpc", "vpc"));

        var final = progress.Final(new EngineRunResult(EngineOperation.Up, EngineOutcome.Succeeded, new Dictionary<string, int>(), null, [], Start, Start.AddMinutes(20)), Start.AddMinutes(20));

        Assert.All(final.Components, c => Assert.Equal(ComponentState.Ready, c.State));
        Assert.Equal((5, 5), (final.Done, final.Total));
        Assert.Empty(final.Blocking);
    }

    [Fact]
    public void The_real_failed_log_fails_the_component_of_the_resource_with_the_run_failure_when_no_diagnostic_names_it()
    {
        var program = Programs.Of(("test-x", "pulumi-python:dynamic:Resource", "database"), ("test-r", "pulumi-python:dynamic:Resource", "cache"));
        var progress = new RunProgress(ComponentMap.From(program), EngineOperation.Up, Start, []);
        foreach (var line in File.ReadAllLines(RepoPaths.Reference("pulumi", "cli", "event-log-samples", "up-failed-resopfailed.jsonl")).Where(l => l.Trim().Length > 0))
        {
            progress.Apply(EngineEventParser.Parse(line), Start.AddSeconds(1));
        }

        var final = progress.Final(Failed(new Failure("Unknown", FailureOutcome.Unknown, null, null, "error: update failed")), Start.AddSeconds(2));

        var database = Component(final, PlatformComponent.Database);
        Assert.Equal((ComponentState.Failed, "test-x", "Unknown", "error: update failed"), (database.State, database.FailedResource, database.FailureClass, database.Message));
        Assert.Equal(ComponentState.Ready, State(final, PlatformComponent.Cache));
    }

    private static RunProgress Up(IEnumerable<string>? secrets = null) => new(ComponentMap.From(Program), EngineOperation.Up, Start, secrets ?? []);

    private static EngineRunResult Failed(Failure failure) =>
        new(EngineOperation.Up, EngineOutcome.Failed, new Dictionary<string, int>(), failure, [], Start, Start.AddMinutes(1));

    private static List<RunMilestone> Apply(RunProgress progress, int second, params EngineEventPayload[] payloads) =>
        payloads.SelectMany(p => progress.Apply(new EngineEvent(0, 0, p), Start.AddSeconds(second))).ToList();

    private static ResourcePreEvent Pre(string op, string type, string name, bool planning = false) => new(new StepMetadata(op, Urn(type, name), type), planning);

    private static ResOutputsEvent Out(string op, string type, string name, bool planning = false) => new(new StepMetadata(op, Urn(type, name), type), planning);

    private static string Urn(string type, string name) => $"urn:pulumi:dev::dataplatform::{type}::{name}";

    private static ComponentProgress Component(RunProgressSnapshot snapshot, PlatformComponent component) => snapshot.Components.Single(c => c.Component == component);

    private static ComponentState State(RunProgressSnapshot snapshot, PlatformComponent component) => Component(snapshot, component).State;
}
