namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>The runtime's default <see cref="IControllerMetrics"/> when the host registers none: records nothing.</summary>
internal sealed class NoControllerMetrics : IControllerMetrics
{
    public void ReconcileCompleted(string result, TimeSpan duration)
    {
    }

    public void QueueDepth(int depth)
    {
    }
}
