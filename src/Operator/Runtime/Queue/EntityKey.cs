namespace DataPlatform.Operator.Runtime.Queue;

/// <summary>The queue holds keys, never objects: the namespace and name of one resource.</summary>
public readonly record struct EntityKey(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
