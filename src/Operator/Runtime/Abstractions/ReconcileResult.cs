namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>How one reconcile ended, as controller-runtime labels it (controller_runtime_reconcile_total{result}).</summary>
internal enum ReconcileResult
{
    /// <summary>Done, nothing queued again.</summary>
    Success,

    /// <summary>Failed (a failure result, a conflict, an exception or shutdown): retried with backoff.</summary>
    Error,

    /// <summary>Queued again at once through the rate limiter without an error.</summary>
    Requeue,

    /// <summary>Queued again after the delay the reconciler asked for.</summary>
    RequeueAfter,
}
