namespace DataPlatform.Operator.Runtime;

/// <summary>Settings of the controller runtime (configuration section "Operator").</summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>Namespaces to watch; empty watches all.</summary>
    public List<string> WatchNamespaces { get; set; } = [];

    /// <summary>Environments reconciled at once (one environment is never reconciled twice at once).</summary>
    public int MaxConcurrentReconciles { get; set; } = 8;

    /// <summary>How often every cached object is looked at again, from the cache (no API call).</summary>
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long shutdown waits for reconciles in flight.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the operator looks whether engine runs ended and none is in flight; if so it compacts its
    /// heap and returns free memory to the system (BENCHMARKS.md, "Memory at rest"). Zero turns this off.
    /// </summary>
    public TimeSpan MemoryTrimInterval { get; set; } = TimeSpan.FromMinutes(1);

    public LeaderElectionOptions LeaderElection { get; set; } = new();
}
