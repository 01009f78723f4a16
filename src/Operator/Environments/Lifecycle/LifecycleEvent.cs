using DataPlatform.Operator.Runtime.Abstractions;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>A Kubernetes Event a transition asks the shell to publish.</summary>
internal sealed record LifecycleEvent(EventReason Reason, string Message, EventType Type)
{
    public static LifecycleEvent Normal(EventReason reason, string message) => new(reason, message, EventType.Normal);

    public static LifecycleEvent Warning(EventReason reason, string message) => new(reason, message, EventType.Warning);
}
