namespace DataPlatform.Entities.Schema;

/// <summary>The list is a map keyed by the named item field (<c>x-kubernetes-list-type: map</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
