using DataPlatform.Entities.Status;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// kstatus condition bookkeeping: one condition per type, lastTransitionTime changed only when the status flips,
/// observedGeneration on every condition, and Reconciling and Stalled never both True.
/// </summary>
internal static class EnvironmentConditions
{
    public static Condition? Find(DataPlatformEnvironmentStatus? status, string type) =>
        status?.Conditions.FirstOrDefault(c => c.Type == type);

    public static bool IsTrue(DataPlatformEnvironmentStatus? status, string type) =>
        Find(status, type)?.Status == ConditionStatus.True;

    public static void Set(
        DataPlatformEnvironmentStatus status,
        string type,
        ConditionStatus value,
        ConditionReason reason,
        string message,
        long generation,
        DateTimeOffset now)
    {
        if (value == ConditionStatus.True)
        {
            // Never leave both abnormal-true conditions set: kstatus takes whichever comes first.
            if (type == Condition.Reconciling)
            {
                Remove(status, Condition.Stalled);
            }
            else if (type == Condition.Stalled)
            {
                Remove(status, Condition.Reconciling);
            }
        }

        var existing = Find(status, type);
        if (existing is null)
        {
            status.Conditions.Add(new Condition
            {
                Type = type,
                Status = value,
                Reason = reason.Value,
                Message = message,
                ObservedGeneration = generation,
                LastTransitionTime = now,
            });
            Order(status);
            return;
        }

        if (existing.Status != value)
        {
            existing.LastTransitionTime = now;
        }

        existing.Status = value;
        existing.Reason = reason.Value;
        existing.Message = message;
        existing.ObservedGeneration = generation;
    }

    public static void Remove(DataPlatformEnvironmentStatus status, string type) =>
        status.Conditions.RemoveAll(c => c.Type == type);

    /// <summary>Ready first, then the abnormal-true ones, so tools and humans read them in a stable order.</summary>
    private static void Order(DataPlatformEnvironmentStatus status)
    {
        string[] order = [Condition.Ready, Condition.Reconciling, Condition.Stalled, Condition.Paused];
        status.Conditions.Sort((a, b) => Rank(a.Type).CompareTo(Rank(b.Type)));

        int Rank(string type) => Array.IndexOf(order, type) is var i and >= 0 ? i : order.Length;
    }
}
