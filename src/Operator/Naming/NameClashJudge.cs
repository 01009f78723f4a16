using DataPlatform.Entities;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Queue;
using DataPlatform.Stack.Naming;

namespace DataPlatform.Operator.Naming;

/// <summary>
/// The reconcile-time half of name isolation (DESIGN.md section 8), for what admission let through (two environments
/// created at once, each review blind to the other; a webhook installed later or failing open): the AWS names an
/// environment would take that an environment it must give way to (<see cref="NamePrecedence"/>) claims, found among
/// the environments in the controller's cache with the same claims and comparison admission uses
/// (<see cref="NameClash"/>). One judgement at a time, and an environment let go on here counts as holding its names
/// from that moment (before its status records anything), so two environments reconciled side by side never both go on.
/// Each judgement records whom the environment waits for (<see cref="NameClashWaits"/>), so their deletion or change
/// wakes it.
/// </summary>
internal sealed class NameClashJudge(IEntityCache<V1Alpha1DataPlatformEnvironment> cache, NameClaimCache claims, NameClashWaits waits)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _letGo = new(StringComparer.Ordinal);

    /// <summary>The clashes that keep <paramref name="environment"/> back (each name once); empty: it may take its names.</summary>
    public IReadOnlyList<NameClash> Judge(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var key = new EntityKey(environment.Metadata.NamespaceProperty ?? "", environment.Metadata.Name);
        lock (_gate)
        {
            var others = cache.Cached();
            var uids = others.Select(o => o.Metadata.Uid ?? "").ToHashSet(StringComparer.Ordinal);
            claims.Retain(uids);
            _letGo.IntersectWith(uids);
            waits.Retain(others.Select(o => new EntityKey(o.Metadata.NamespaceProperty ?? "", o.Metadata.Name)).ToHashSet());

            var mine = Holding(environment);
            var preceding = others.Where(o => NamePrecedence.Yields(environment, mine, o, Holding(o)));
            var clashes = NameClash.Find(environment, preceding, claims.ClaimsOf);
            waits.Record(key, clashes.Select(c => new EntityKey(c.OtherNamespace, c.OtherName)));
            if (clashes.Count == 0 && environment.Metadata.Uid is { } uid)
            {
                _letGo.Add(uid);
            }

            return clashes;
        }
    }

    private NameHolding Holding(V1Alpha1DataPlatformEnvironment environment)
    {
        var recorded = NamePrecedence.HoldingOf(environment);
        return recorded == NameHolding.None && environment.Metadata.Uid is { } uid && _letGo.Contains(uid) ? NameHolding.Started : recorded;
    }
}
