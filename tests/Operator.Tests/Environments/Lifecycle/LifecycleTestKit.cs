using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Failures;
using DataPlatform.Stack.Validation;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

/// <summary>
/// Drives the pure lifecycle like its shell does, on fake time: build an environment, take a step, "write" the
/// step's status back (what the API server would store), feed an observation, advance the clock.
/// </summary>
internal sealed class LifecycleTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public LifecycleSettings Settings { get; set; } = LifecycleSettings.Default;

    public ValidationReport Validation { get; set; } = new([]);

    public double Jitter { get; set; } = 0.5;

    /// <summary>What the DataPlatformPolicies say (null: not judged, as with no policy installed).</summary>
    public Stack.Policy.PolicyReport? Policy { get; set; }

    /// <summary>The names other environments keep that this one would take, as the shell judged them (null: not judged).</summary>
    public IReadOnlyList<Stack.Naming.NameClash>? NameClashes { get; set; }

    public V1Alpha1DataPlatformEnvironment Environment { get; private set; } = New();

    public static V1Alpha1DataPlatformEnvironment New(long generation = 1) => new()
    {
        Metadata = new V1ObjectMeta { Name = "analytics", NamespaceProperty = "team", Uid = "uid-1", Generation = generation },
        Spec = { Region = "eu-west-1" },
    };

    public LifecycleTestKit With(Action<V1Alpha1DataPlatformEnvironment> change)
    {
        change(Environment);
        return this;
    }

    /// <summary>One step; its status is stored as the shell would write it.</summary>
    public LifecycleStep Step(Observation? observed = null)
    {
        var step = EnvironmentLifecycle.Next(new LifecycleInput(Environment, Time.GetUtcNow(), Settings, Validation, Jitter, observed, Policy) { NameClashes = NameClashes });
        if (step.StatusChanged)
        {
            Environment.Status = step.Status;
        }

        return step;
    }

    /// <summary>Start, preview a harmless plan, then feed the outcome of the update it asked for.</summary>
    public LifecycleStep Update(Observation outcome)
    {
        var start = Step();
        Assert.Equal(LifecycleActionKind.RunPreview, start.Action?.Kind);
        var apply = Step(Previewed(start.Action!.Reason!.Value, Harmless()));
        Assert.Equal(LifecycleActionKind.RunUpdate, apply.Action?.Kind);
        return Step(outcome);
    }

    public PreviewCompleted Previewed(UpdateReason reason, PlanReport plan) => new(reason, plan, Time.GetUtcNow(), []);

    /// <summary>A plan that updates two resources in place.</summary>
    public static PlanReport Harmless(string id = "0a1b2c3d4e5f6071") =>
        new(id, [new PlannedComponentChanges("observability", 0, 2, 0, 0)], []);

    /// <summary>A plan that replaces the database cluster because databaseName changed.</summary>
    public static PlanReport ReplacesDatabase(string id = "dbdbdbdbdbdbdbdb") =>
        new(id, [new PlannedComponentChanges("database", 0, 1, 1, 0)],
            [new DestructiveChange("databaseCluster", "aws:rds/cluster:Cluster", "replace", ["databaseName"])]);

    public static PlanReport NoChanges(string id = "5a5a5a5a5a5a5a5a") => new(id, [], []);

    public LifecycleStep Succeed() => Update(Succeeded());

    public UpdateSucceeded Succeeded() => new(
        Time.GetUtcNow(), new Dictionary<string, int> { ["create"] = 3 }, new Endpoints { DatabaseWriter = "db.example" },
        new Dictionary<string, string> { ["databaseWriter"] = "db.example", ["databasePassword"] = "[secret]" }, "analytics-connection", []);

    public OperationFailed Failed(FailureOutcome outcome, string failureClass = "Throttling", EngineOperation operation = EngineOperation.Up, string message = "Rate exceeded.") =>
        new(operation, new Failure(failureClass, outcome, null, null, message), Time.GetUtcNow(), []);

    public void Delete() => Environment.Metadata.DeletionTimestamp = Time.GetUtcNow().UtcDateTime;

    public void Annotate(string key, string value) =>
        (Environment.Metadata.Annotations ??= new Dictionary<string, string>())[key] = value;

    public Condition? Condition(string type) => Environment.Status?.Conditions.FirstOrDefault(c => c.Type == type);

    public string? Reason(string type) => Condition(type)?.Reason;

    public ConditionStatus? State(string type) => Condition(type)?.Status;
}
