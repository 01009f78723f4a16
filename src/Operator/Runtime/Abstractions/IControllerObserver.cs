using DataPlatform.Operator.Runtime.Queue;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>
/// What the runtime reports as it works, for metrics (controller-runtime's metric families) without the runtime
/// knowing how they are kept. The runtime calls it; <see cref="NullControllerObserver"/> is the default.
/// </summary>
internal interface IControllerObserver
{
    /// <summary>The observer of one controller's work queue, named as controller-runtime names it (the controller).</summary>
    IWorkQueueObserver Queue(string name);

    /// <summary>A controller starts with this many workers.</summary>
    void WorkersStarted(string controller, int workers);

    void ReconcileStarted(string controller);

    void ReconcileFinished(string controller, ReconcileResult result, TimeSpan duration);

    /// <summary>This instance took (true) or gave up (false) the named lease.</summary>
    void LeadershipChanged(string lease, bool leading);
}
