namespace DataPlatform.Operator.Runtime.Watch;

/// <summary>
/// Whether every informer of this process is alive, for /healthz: an informer whose loop ended while it was still
/// meant to run (a bug: it restarts after every error) marks the process unhealthy, so the kubelet restarts it
/// instead of leaving an operator that no longer sees changes.
/// </summary>
internal sealed class InformerHealth
{
    private readonly Lock _gate = new();
    private string? _failure;

    public bool Healthy
    {
        get
        {
            lock (_gate)
            {
                return _failure is null;
            }
        }
    }

    /// <summary>Why the process is unhealthy, or null.</summary>
    public string? Failure
    {
        get
        {
            lock (_gate)
            {
                return _failure;
            }
        }
    }

    public void Died(string kind, string reason)
    {
        lock (_gate)
        {
            _failure ??= $"the {kind} informer stopped: {reason}";
        }
    }
}
