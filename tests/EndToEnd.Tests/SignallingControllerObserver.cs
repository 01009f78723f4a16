using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Queue;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>Passes the runtime's figures on to the operator's observer (its metrics) and fires a pulse after every reconcile.</summary>
internal sealed class SignallingControllerObserver(IControllerObserver inner, Pulse reconciled) : IControllerObserver
{
    public IWorkQueueObserver Queue(string name) => inner.Queue(name);

    public void WorkersStarted(string controller, int workers) => inner.WorkersStarted(controller, workers);

    public void ReconcileStarted(string controller) => inner.ReconcileStarted(controller);

    public void ReconcileFinished(string controller, ReconcileResult result, TimeSpan duration)
    {
        inner.ReconcileFinished(controller, result, duration);
        reconciled.Fire();
    }

    public void LeadershipChanged(string lease, bool leading) => inner.LeadershipChanged(lease, leading);
}
