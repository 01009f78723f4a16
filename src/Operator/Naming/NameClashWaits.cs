using System.Collections.Concurrent;
using DataPlatform.Entities;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Queue;

namespace DataPlatform.Operator.Naming;

/// <summary>
/// Which environments wait for which others to give up AWS names, so that the deletion or change of one queues the
/// environments it keeps back at once. Kept in memory only: after a restart the first list queues every environment,
/// each one kept back records its wait again, and the periodic resync looks at all of them regardless.
/// </summary>
internal sealed class NameClashWaits : IEntityDependents<V1Alpha1DataPlatformEnvironment>
{
    private readonly ConcurrentDictionary<EntityKey, EntityKey[]> _waiting = new();

    /// <summary>Records that <paramref name="waiting"/> waits for <paramref name="holders"/>; none: it waits for nobody.</summary>
    public void Record(EntityKey waiting, IEnumerable<EntityKey> holders)
    {
        var keys = holders.Distinct().ToArray();
        if (keys.Length == 0)
        {
            _waiting.TryRemove(waiting, out _);
        }
        else
        {
            _waiting[waiting] = keys;
        }
    }

    /// <summary>Forgets the waits of environments no longer known (deleted).</summary>
    public void Retain(IReadOnlySet<EntityKey> known)
    {
        foreach (var gone in _waiting.Keys.Where(k => !known.Contains(k)).ToList())
        {
            _waiting.TryRemove(gone, out _);
        }
    }

    public IReadOnlyList<EntityKey> DependentsOf(EntityKey changed) =>
        _waiting.IsEmpty ? [] : [.. _waiting.Where(w => Array.IndexOf(w.Value, changed) >= 0).Select(w => w.Key)];
}
