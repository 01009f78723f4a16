using System.Collections.Concurrent;
using DataPlatform.Entities;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// When each environment's last drift check ran, in memory. A check that finds no drift writes no status (DESIGN.md
/// section 11), so the next check is timed from here; after a restart the ledger is empty and the next check is timed
/// from status.lastUpdate.endTime, which costs at most one early check per environment.
/// </summary>
internal sealed class DriftCheckLedger
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _checked = new(StringComparer.Ordinal);

    public void Checked(V1Alpha1DataPlatformEnvironment environment, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _checked[Key(environment)] = at;
    }

    public DateTimeOffset? Last(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return _checked.TryGetValue(Key(environment), out var at) ? at : null;
    }

    private static string Key(V1Alpha1DataPlatformEnvironment environment) =>
        environment.Metadata.Uid ?? $"{environment.Metadata.NamespaceProperty}/{environment.Metadata.Name}";
}
