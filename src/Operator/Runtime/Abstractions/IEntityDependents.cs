using DataPlatform.Operator.Runtime.Queue;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>
/// Other objects of the same kind whose reconcile waits on an object, queued whenever the informers see that object
/// change or go (controller-runtime's EnqueueRequestsFromMapFunc): an environment kept back by another is looked at
/// again as soon as the other is deleted or changed, not at the next resync.
/// </summary>
internal interface IEntityDependents<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    IReadOnlyList<EntityKey> DependentsOf(EntityKey changed);
}
