using DataPlatform.Entities.Policy;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack.Policy;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

/// <summary>A DataPlatformPolicy at reconcile: a forbidden environment stalls before any engine call and nothing is destroyed; allowed again, it converges.</summary>
public sealed class PolicyTransitionTests
{
    private static readonly PolicyReport Forbidden = new(
        [new V1Alpha1DataPlatformPolicy { Metadata = new() { Name = "platform" } }],
        [new PolicyViolation("platform", "spec.allowedRegions", "spec.region", "region eu-west-1 is not allowed (allowed: eu-central-1).")]);

    [Fact]
    public void A_ready_environment_a_policy_now_forbids_stalls_with_the_policy_and_rule_and_runs_nothing()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        kit.Policy = Forbidden;

        var step = kit.Step();

        Assert.Null(step.Action);
        Assert.Null(step.Requeue);
        Assert.Equal((ConditionStatus.True, "PolicyViolation"), (kit.State(Condition.Stalled)!.Value, kit.Reason(Condition.Stalled)));
        Assert.Equal(ConditionStatus.False, kit.State(Condition.Ready));
        Assert.Null(kit.Condition(Condition.Reconciling));
        Assert.Contains("DataPlatformPolicy platform, rule spec.allowedRegions: spec.region: region eu-west-1 is not allowed", kit.Condition(Condition.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was destroyed", kit.Condition(Condition.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal("analytics-connection", kit.Environment.Status!.ConnectionSecretRef!.Name);
        var warning = Assert.Single(step.Events);
        Assert.Equal((EventReason.PolicyViolation, EventType.Warning), (warning.Reason, warning.Type));
    }

    [Fact]
    public void A_forbidden_environment_stays_stalled_without_writes_and_a_reconcile_request_runs_nothing()
    {
        var kit = new LifecycleTestKit { Policy = Forbidden };
        kit.Step();

        var again = kit.Step();
        Assert.Equal((false, null), (again.StatusChanged, again.Action));
        Assert.Empty(again.Events);

        kit.Annotate(Entities.V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation, "please");
        var requested = kit.Step();
        Assert.Null(requested.Action);
        Assert.Equal("PolicyViolation", kit.Reason(Condition.Stalled));
        Assert.Equal("please", kit.Environment.Status!.ObservedReconcileRequest);
    }

    [Fact]
    public void Allowed_again_the_stall_lifts_and_the_owed_update_is_previewed_then_runs()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        kit.Policy = Forbidden;
        kit.Step();
        kit.Policy = PolicyReport.NoPolicy;

        var step = kit.Step();

        Assert.Equal(LifecycleActionKind.RunPreview, step.Action!.Kind);
        Assert.Null(kit.Condition(Condition.Stalled));
        Assert.Equal(ConditionStatus.True, kit.State(Condition.Reconciling));
        kit.Update(kit.Succeeded());
        Assert.Equal(ConditionStatus.True, kit.State(Condition.Ready));
    }

    [Fact]
    public void Deletion_is_not_held_up_by_a_policy()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        kit.Policy = Forbidden;
        kit.Delete();

        var step = kit.Step();

        Assert.NotEqual("PolicyViolation", kit.Reason(Condition.Stalled));
        Assert.NotNull(step.Action);
    }
}
