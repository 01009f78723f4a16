namespace DataPlatform.Stack.Engine.Events;

/// <summary>The moments of a run worth a Kubernetes Event (not every resource): the event reason is the name.</summary>
public enum MilestoneReason
{
    /// <summary>Every database resource is created or updated: the database accepts connections.</summary>
    DatabaseAvailable,

    /// <summary>Every cache resource is created or updated: Redis accepts connections.</summary>
    CacheAvailable,
}
