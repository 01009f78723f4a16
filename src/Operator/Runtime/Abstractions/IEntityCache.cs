using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>What a controller's informers hold now: every watched object, empty while this instance does not lead.</summary>
internal interface IEntityCache<out TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    IReadOnlyList<TEntity> Cached();
}
