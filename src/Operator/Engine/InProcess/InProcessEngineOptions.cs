namespace DataPlatform.Operator.Engine.InProcess;

/// <summary>
/// The memory budget of in-process engine runs (Engine:InProcess): at most
/// (budget - <see cref="OperatorReserveMiB"/>) / <see cref="MemoryPerRunMiB"/> runs at once, at least one
/// (a real run of this stack takes 0.55 to 1.3 GiB, ENGINE-COSTS.md).
/// </summary>
public sealed class InProcessEngineOptions
{
    /// <summary>What one run may use; the default is the upper estimate of ENGINE-COSTS.md.</summary>
    public int MemoryPerRunMiB { get; set; } = 1_330;

    /// <summary>The memory runs and the operator share; null takes the pod's memory limit (cgroup) when in a cluster, else no cap.</summary>
    public int? MemoryBudgetMiB { get; set; }

    /// <summary>What the operator itself keeps out of the budget.</summary>
    public int OperatorReserveMiB { get; set; } = 512;
}
