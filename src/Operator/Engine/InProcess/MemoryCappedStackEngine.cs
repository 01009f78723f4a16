using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Operator.Engine.InProcess;

/// <summary>
/// <see cref="IStackEngine"/> in InProcess mode: the CLI driver, with at most <see cref="MaxConcurrentRuns"/> engine
/// runs at once (the memory budget, <see cref="InProcessEngineOptions"/>); a reconcile beyond it waits for a run to
/// end. Short CLI calls (outputs, stack list, removal) are not capped.
/// </summary>
internal sealed class MemoryCappedStackEngine(IStackEngine inner, int maxConcurrentRuns) : IStackEngine, IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentRuns, maxConcurrentRuns);

    public int MaxConcurrentRuns { get; } = maxConcurrentRuns;

    /// <summary>Runs going on now.</summary>
    public int Running => MaxConcurrentRuns - _slots.CurrentCount;

    public Task<Version> CheckCliAsync(CancellationToken cancellationToken) => inner.CheckCliAsync(cancellationToken);

    public async Task<EngineRunResult> RunAsync(StackRequest request, EngineOperation operation, IProgress<EngineEvent>? progress, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await inner.RunAsync(request, operation, progress, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(StackRequest request, CancellationToken cancellationToken) => inner.GetOutputsAsync(request, cancellationToken);

    public Task<bool> StackExistsAsync(StackRequest request, CancellationToken cancellationToken) => inner.StackExistsAsync(request, cancellationToken);

    public Task RemoveStackAsync(StackRequest request, CancellationToken cancellationToken) => inner.RemoveStackAsync(request, cancellationToken);

    public void Dispose() => _slots.Dispose();

    /// <summary>
    /// Runs the budget allows: (budget - reserve) / per run, at least one; the budget is the setting, else the pod's
    /// memory limit when running in Kubernetes; with neither, no cap (<see cref="int.MaxValue"/>).
    /// </summary>
    public static int Capacity(InProcessEngineOptions options, long? podMemoryLimitBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        long? budget = options.MemoryBudgetMiB is { } mib ? mib * 1024L * 1024 : podMemoryLimitBytes;
        if (budget is null)
        {
            return int.MaxValue;
        }

        var usable = budget.Value - (options.OperatorReserveMiB * 1024L * 1024);
        return (int)Math.Clamp(usable / (options.MemoryPerRunMiB * 1024L * 1024), 1, int.MaxValue);
    }
}
