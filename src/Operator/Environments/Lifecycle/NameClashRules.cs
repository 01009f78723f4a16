using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Stack.Naming;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// Name isolation at reconcile (DESIGN.md section 8): an environment not yet deployed at its generation that would take
/// AWS names another environment keeps (<see cref="NamePrecedence"/>) stalls with reason NameClash before any engine
/// call, naming each name, where AWS makes it unique and the other environment; nothing is sent to AWS and nothing is
/// destroyed. When the names are free again (the other was deleted or renamed) the stall lifts and the owed update runs.
/// </summary>
internal static class NameClashRules
{
    public const string NothingDone = "Nothing was sent to AWS and nothing was destroyed.";

    /// <summary>How many clashes a message lists (the widest scopes first); the rest are counted.</summary>
    public const int Listed = 5;

    /// <summary>Whether the shell must judge the environment's names: it is live, not paused, and its current generation is not deployed yet.</summary>
    public static bool NeedsJudging(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Metadata.DeletionTimestamp is null
            && !LiveRules.IsPaused(environment)
            && NamePrecedence.HoldingOf(environment) != NameHolding.Deployed;
    }

    public static LifecycleStep? Clashing(StatusDraft draft)
    {
        if (draft.Input.NameClashes is not { Count: > 0 } clashes)
        {
            return null;
        }

        var message = Message(clashes);
        StatusTransitions.Stalled(draft, ConditionReason.NameClash, message, failed: null, deleting: false);
        if (draft.Changed)
        {
            draft.Publish(LifecycleEvent.Warning(EventReason.NameClash, message));
        }

        // No requeue: the other environment's deletion or change queues this one, and the resync looks again anyway.
        return draft.Finish();
    }

    /// <summary>Whether the environment is stalled by a clash that the shell has just judged gone (the caller checked <see cref="Clashing"/> first).</summary>
    public static bool Lifted(StatusDraft draft) =>
        draft.Input.NameClashes is { Count: 0 }
        && EnvironmentConditions.Find(draft.Status, Condition.Stalled) is { Status: ConditionStatus.True } stalled
        && stalled.Reason == ConditionReason.NameClash.Value;

    public static string Message(IReadOnlyList<NameClash> clashes)
    {
        ArgumentNullException.ThrowIfNull(clashes);
        var holders = clashes.Select(c => $"{c.OtherNamespace}/{c.OtherName}").Distinct(StringComparer.Ordinal).ToList();
        var who = holders.Count == 1 ? $"DataPlatformEnvironment {holders[0]} keeps" : $"DataPlatformEnvironments {string.Join(", ", holders)} keep";
        // The widest scopes first (global bucket names, account-wide role names): the ones most worth knowing.
        var listed = string.Join("; ", clashes.OrderBy(c => c.Claim.Scope).Take(Listed).Select(c => c.ToString()));
        var more = clashes.Count > Listed ? $"; and {clashes.Count - Listed} more" : "";
        return $"{who} {clashes.Count} AWS names this environment would take (deployed first, or older): {listed}{more}. {NothingDone} "
            + "Set spec.environmentSuffix (or the explicit name: spec.artifacts.bucketName, spec.database.clusterIdentifier, "
            + $"spec.database.instanceIdentifier, spec.cache.replicationGroupId) to something unique; this environment goes on by itself once {string.Join(", ", holders)} no longer "
            + (holders.Count == 1 ? "holds them." : "hold them.");
    }
}
