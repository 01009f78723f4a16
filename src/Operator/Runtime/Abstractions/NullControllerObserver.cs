using DataPlatform.Operator.Runtime.Queue;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>The observer when nothing observes the runtime.</summary>
internal sealed class NullControllerObserver : IControllerObserver, IWorkQueueObserver
{
    public static readonly NullControllerObserver Instance = new();

    public IWorkQueueObserver Queue(string name) => this;

    public void WorkersStarted(string controller, int workers)
    {
    }

    public void ReconcileStarted(string controller)
    {
    }

    public void ReconcileFinished(string controller, ReconcileResult result, TimeSpan duration)
    {
    }

    public void LeadershipChanged(string lease, bool leading)
    {
    }

    public void Added(object key)
    {
    }

    public void Taken(object key)
    {
    }

    public void Done(object key)
    {
    }

    public void Retried(object key)
    {
    }
}
