using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Progress;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Program;
using static DataPlatform.Entities.Status.Condition;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// The status changes of planning (DESIGN.md section 11): status.plan, waiting for approval, and the DriftDetected
/// condition. Idempotent like <see cref="StatusTransitions"/>: the same plan or the same drift twice writes nothing.
/// </summary>
internal static class PlanTransitions
{
    public const string Awaiting = "AwaitingApproval";
    public const string Applying = "Applying";
    public const string Applied = "Applied";

    public static string AwaitingApproval(StatusDraft draft, PlanReport plan, ApprovalMode mode)
    {
        var status = draft.Status;
        var generation = draft.Generation;
        var environment = draft.Environment;
        var why = plan.Destructive.Count > 0
            ? $"Plan {plan.Id} would lose data: {string.Join("; ", plan.Destructive)}."
            : $"Plan {plan.Id} changes the stack and spec.updatePolicy.approval is {mode}.";
        var message = $"{why} Nothing was applied. {plan.Summary} To apply exactly this plan: kubectl annotate dataplatformenvironment " +
            $"{environment.Metadata.Name} -n {environment.Metadata.NamespaceProperty} {V1Alpha1DataPlatformEnvironment.ApprovePlanAnnotation}={plan.Id} --overwrite. " +
            "A newer change makes a new plan that needs its own approval.";
        EnvironmentConditions.Set(status, Ready, ConditionStatus.False, ConditionReason.AwaitingApproval, message, generation, draft.Now);
        EnvironmentConditions.Remove(status, Reconciling);
        ProgressTransitions.Concluded(status, null);
        status.ObservedGeneration = generation;
        status.Phase = EnvironmentPhase.AwaitingApproval;
        status.Retry = null;
        status.ObservedReconcileRequest = StatusTransitions.ReconcileRequest(environment);
        Record(draft, plan, Awaiting);
        if (status.LastUpdate is { Result: LastUpdateResults.InProgress } last)
        {
            last.Result = LastUpdateResults.AwaitingApproval;
            last.EndTime = draft.Now;
            last.Message = why;
        }

        return message;
    }

    public static void RecordApplying(StatusDraft draft, PlanReport plan) => Record(draft, plan, Applying);

    /// <summary>The update applied the plan it was started for.</summary>
    public static void Concluded(StatusDraft draft)
    {
        if (draft.Status.Plan is { State: Applying } plan)
        {
            plan.State = Applied;
        }

        EnvironmentConditions.Remove(draft.Status, DriftDetected);
    }

    public static string DriftFound(StatusDraft draft, PlanReport plan, DriftAction action)
    {
        var drifted = string.Join("; ", plan.Components.Select(c => $"{c.Component}: {Describe(c)}"));
        var what = plan.Destructive.Count > 0 ? $" Correcting it would lose data: {string.Join("; ", plan.Destructive)}." : "";
        var next = action == DriftAction.Correct
            ? "spec.drift.action is Correct: the operator applies the program again."
            : "spec.drift.action is Report: nothing is changed; set it to Correct, or request a reconcile with dataplatform.io/reconcile-request, to apply the program again.";
        var message = $"The stack differs from its program ({drifted}).{what} {next}";
        EnvironmentConditions.Set(draft.Status, DriftDetected, ConditionStatus.True, ConditionReason.DriftDetected, message, draft.Generation, draft.Now);
        return message;
    }

    /// <summary>A clean drift check: no write unless an earlier DriftDetected is now gone.</summary>
    public static void NoDrift(StatusDraft draft) => EnvironmentConditions.Remove(draft.Status, DriftDetected);

    private static string Describe(PlannedComponentChanges c) =>
        string.Join(", ", new[] { (c.Update, "updated"), (c.Replace, "replaced"), (c.Create, "missing"), (c.Delete, "unknown to the program") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}"));

    /// <summary>What of the plan waits for a maintenance window: in-place updates of the database or the cache, unless applyImmediately.</summary>
    private static string? Pending(StatusDraft draft, PlanReport plan)
    {
        var spec = draft.Environment.Spec;
        if (spec.UpdatePolicy.ApplyImmediately)
        {
            return null;
        }

        var held = plan.Components.Where(c => c.Update > 0 && c.Component is "database" or "cache")
            .Select(c => (c.Component, Window: c.Component == "database" ? spec.Database.MaintenanceWindow : CacheBuilder.MaintenanceWindow))
            .Select(h => MaintenanceWindow.NextStart(h.Window, draft.Now) is { } next
                ? $"{h.Component} in its maintenance window {h.Window} (next {next:yyyy-MM-dd HH:mm}Z)"
                : $"{h.Component} in its maintenance window {h.Window}")
            .ToList();
        return held.Count == 0 ? null
            : $"Disruptive modifications (instance class, engine version, storage, parameters) apply {string.Join("; ", held)}; set spec.updatePolicy.applyImmediately to true to apply them at once.";
    }

    private static void Record(StatusDraft draft, PlanReport plan, string state)
    {
        var existing = draft.Status.Plan;
        var sameRecord = existing is not null && existing.Id == plan.Id && existing.Generation == draft.Generation && existing.State == state;
        draft.Status.Plan = new PlanStatus
        {
            Id = plan.Id,
            Generation = draft.Generation,
            State = state,
            Summary = plan.Summary,
            PreviewTime = sameRecord ? existing!.PreviewTime : draft.Now,
            Pending = Pending(draft, plan),
            Components = plan.Components.Select(c => new PlanComponentChanges { Component = c.Component, Create = c.Create, Update = c.Update, Replace = c.Replace, Delete = c.Delete }).ToList(),
            Destructive = plan.Destructive.Select(d => new PlannedDestructiveChange { Resource = d.Resource, Type = d.Type, Operation = d.Operation, ForcedBy = d.Properties.ToList() }).ToList(),
        };
    }
}
