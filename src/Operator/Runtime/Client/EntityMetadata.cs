using System.Reflection;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Client;

/// <summary>Group, version and plural of an entity type, from its [KubernetesEntity] attribute.</summary>
internal sealed record EntityMetadata(string Group, string Version, string Plural)
{
    public static EntityMetadata Of<TEntity>()
    {
        var attribute = typeof(TEntity).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no [KubernetesEntity] attribute.");
        return new EntityMetadata(attribute.Group ?? "", attribute.ApiVersion, attribute.PluralName);
    }
}
