namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>Kubernetes Event types.</summary>
public enum EventType
{
    Normal,
    Warning,
}
