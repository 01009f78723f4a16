namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>
/// What the runtime reports about its work, so it depends on no metrics library: each reconcile's result and
/// duration, and the queue's depth. The host adapts it to its metrics; without one nothing is recorded.
/// </summary>
internal interface IControllerMetrics
{
    void ReconcileCompleted(string result, TimeSpan duration);

    void QueueDepth(int depth);
}
