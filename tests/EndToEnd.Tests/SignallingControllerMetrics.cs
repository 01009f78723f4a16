using DataPlatform.Operator.Runtime.Controller;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>Passes the runtime's figures on to the operator's metrics and fires a pulse after every reconcile.</summary>
internal sealed class SignallingControllerMetrics(IControllerMetrics inner, Pulse reconciled) : IControllerMetrics
{
    public void ReconcileCompleted(string result, TimeSpan duration)
    {
        inner.ReconcileCompleted(result, duration);
        reconciled.Fire();
    }

    public void QueueDepth(int depth) => inner.QueueDepth(depth);
}
