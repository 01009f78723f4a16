using System.Collections.Concurrent;

namespace DataPlatform.Operator.Runtime;

/// <summary>
/// What /readyz reports: whether this replica can serve (probes, scrapes, webhook calls), never whether it leads.
/// As in controller-runtime, every replica serves the webhook and probes and only the leader runs controllers, so
/// a standby is Ready and a rolling update or a node drain can proceed. Each part of serving registers a check
/// that names what is missing; a replica that is shutting down is not Ready, so it leaves the Service's endpoints.
/// </summary>
internal sealed class OperatorReadiness
{
    private readonly ConcurrentDictionary<string, Func<string?>> _checks = new(StringComparer.Ordinal);
    private volatile bool _stopping;

    /// <summary>Whether this instance holds the lease and runs the controllers (reported, not part of readiness).</summary>
    public bool Leading { get; set; }

    /// <summary>Adds or replaces a named check: it returns null when its part can serve, or why it cannot.</summary>
    public void Require(string name, Func<string?> check) => _checks[name] = check;

    /// <summary>From now on the replica reports not Ready: it is shutting down.</summary>
    public void Stopping() => _stopping = true;

    /// <summary>What keeps this replica from serving; empty when it is Ready.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (_stopping)
        {
            return ["shutting down"];
        }

        return [.. _checks.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value() is { } problem ? $"{c.Key}: {problem}" : null).OfType<string>()];
    }
}
